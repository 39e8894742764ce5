/** Messaging TwiML: replies to an incoming SMS, MMS or WhatsApp message. */
import { element, method, string, url } from './spec.js';

/** @see https://www.twilio.com/docs/messaging/twiml/message */
export const Message = element({
  tag: 'Message',
  family: 'messaging',
  text: { is: 'words', required: true, unlessChild: ['Body', 'Media'] },
  children: ['Body', 'Media'],
  childLimits: { Media: 10 },
  attributes: {
    /**
     * Recipient: a phone number in E.164 form, or a channel address such as `whatsapp:+1…`.
     * @default the sender of the incoming message
     */
    to: string(),
    /**
     * Sender: a Twilio number, a channel address, or an alphanumeric sender ID.
     * @default the number that received the incoming message
     */
    from: string(),
    /**
     * URL Twilio requests with the message's status; its TwiML is the next reply, and the verbs
     * after this one do not run. `''` is this same document, requested again (warned).
     */
    action: url({ empty: 'current-document' }),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /** URL that receives delivery status updates (deprecated: set `action` too). */
    statusCallback: url(),
  },
});

/** @see https://www.twilio.com/docs/messaging/twiml/message */
export const Body = element({
  tag: 'Body',
  text: { is: 'words', required: true },
  attributes: {},
});

/** @see https://www.twilio.com/docs/messaging/twiml/message */
export const Media = element({
  tag: 'Media',
  text: { is: 'url', required: true, schemes: ['http', 'https'] },
  attributes: {},
});
