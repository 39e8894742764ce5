/** Fax TwiML: accept an incoming fax. */
import { boolean, element, method, oneOf, url } from './spec.js';

/** @see https://www.twilio.com/docs/fax/api/faxes */
export const Receive = element({
  tag: 'Receive',
  family: 'fax',
  deprecated: 'Twilio Programmable Fax is no longer offered to new customers',
  attributes: {
    /** URL Twilio requests when the fax has been received (with `FaxStatus`, `NumPages`, `MediaUrl`). */
    action: url(),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /**
     * File format to store the fax in.
     * @default application/pdf
     */
    mediaType: oneOf(['application/pdf', 'image/tiff']),
    /**
     * Paper size of the fax.
     * @default letter
     */
    pageSize: oneOf(['letter', 'legal', 'a4']),
    /**
     * Keep the fax's media on Twilio after delivery.
     * @default true
     */
    storeMedia: boolean(),
  },
});
