/** Name/value pairs that several elements carry to the application or service they start. */
import { element, string } from './spec.js';

export const Parameter = element({
  tag: 'Parameter',
  page: 'voice/twiml/stream',
  attributes: {
    /** Name of the custom parameter, passed on to the application, stream or client. */
    name: string({ required: true }),
    /** Value of the custom parameter. */
    value: string(),
  },
});

export const Config = element({
  tag: 'Config',
  page: 'voice/twiml/connect/virtualagent',
  attributes: {
    /** Name of the configuration setting. */
    name: string({ required: true }),
    /** Value of the configuration setting. */
    value: string(),
  },
});
