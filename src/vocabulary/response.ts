/** The root of every document. */
import { TOP_LEVEL_VERBS } from './shared.js';
import { element } from './spec.js';

/** @see https://www.twilio.com/docs/voice/twiml */
export const Response = element({
  tag: 'Response',
  children: TOP_LEVEL_VERBS,
  attributes: {},
});
