/** Name/value pairs that several elements carry to the application or service they start. */
import { element, string } from './spec.js';

/** @see https://www.twilio.com/docs/voice/twiml/stream */
export const Parameter = element({
  tag: 'Parameter',
  attributes: {
    /** Name of the custom parameter, passed on to the application, stream or client. */
    name: string({ required: true }),
    /** Value of the custom parameter. */
    value: string(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/connect/virtualagent */
export const Config = element({
  tag: 'Config',
  attributes: {
    /** Name of the configuration setting. */
    name: string({ required: true }),
    /** Value of the configuration setting. */
    value: string(),
  },
});
