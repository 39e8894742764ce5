/**
 * `application/x-www-form-urlencoded` bodies as Twilio's official helper writes them: pairs in
 * order, arrays already spread into repeated keys, RFC 3986 percent-encoding (space → `%20`,
 * `+` → `%2B`, UTF-8 bytes for everything outside `A-Z a-z 0-9 - . _ ~`).
 */
import { TwilioParameterError } from './errors.js';

/** One `Key=value` pair of a form body, before encoding. */
export type FormPair = readonly [key: string, value: string];

/** `encodeURIComponent` leaves `! ' ( ) *` alone; RFC 3986 reserves them. */
const RESERVED_BY_RFC3986 = /[!'()*]/g;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses text UTF-8 cannot carry: a lone UTF-16 surrogate, usually an emoji cut in half.
 *
 * @param where the operation (`messages.create`), for the message.
 * @param option the parameter (`body`), for the message.
 * @throws TwilioParameterError naming the parameter, the code unit and its index.
 * @example
 * checkWellFormed('cut \uD83D', 'messages.create', 'body'); // throws
 */
export function checkWellFormed(text: string, where: string, option: string): void {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    const unit = lone[0].charCodeAt(0).toString(16).toUpperCase();
    throw new TwilioParameterError(
      option,
      `${where}: ${option} holds a lone UTF-16 surrogate (U+${unit}) at index ${lone.index}, which UTF-8 cannot ` +
        'encode; was a string cut in the middle of an emoji?',
    );
  }
}

/**
 * Percent-encodes one key or value (already checked by `checkWellFormed`).
 *
 * @example
 * encodeComponent("it's 50% off"); // 'it%27s%2050%25%20off'
 */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(RESERVED_BY_RFC3986, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Encodes pairs into a form body, keeping their order and repeating keys as given.
 *
 * @example
 * encodeForm([['To', '+15558675310'], ['StatusCallbackEvent', 'initiated'], ['StatusCallbackEvent', 'answered']])
 * // 'To=%2B15558675310&StatusCallbackEvent=initiated&StatusCallbackEvent=answered'
 */
export function encodeForm(pairs: readonly FormPair[]): string {
  return pairs.map(([key, value]) => `${encodeComponent(key)}=${encodeComponent(value)}`).join('&');
}
