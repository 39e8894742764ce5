/** Checks of the SIDs the client puts into URLs and forms (the prefixes: `SID_PREFIXES` of the core). */
import { describeValue, isSid, type SidKind, sidPrefixesText } from '../core.js';
import { TwilioParameterError } from './errors.js';

/** Longest part of a bad SID repeated in a message. */
const QUOTED_LENGTH = 40;

/** A string for an error message, as the core's `describeValue` shows it, cut when long. */
export function quote(value: string): string {
  return describeValue(value.length > QUOTED_LENGTH ? `${value.slice(0, QUOTED_LENGTH)}…` : value);
}

/**
 * Checks a SID before it goes into a URL path or a form. A `/`, `?` or `#` would change the
 * URL itself, so it is refused with its own message.
 *
 * @param where `calls.update` (the operation), for the message.
 * @param parameter `sid`, `applicationSid`, … (the parameter), for the message.
 * @throws TwilioParameterError naming the operation, the parameter and the expected shape.
 * @example
 * checkSid('call', 'CA…', 'calls.get', 'sid'); // returns the SID, or throws
 */
export function checkSid(kind: SidKind, value: unknown, where: string, parameter: string): string {
  if (typeof value !== 'string') {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} must be a string SID (${sidPrefixesText(kind)} followed by 32 hex digits), got ${describeValue(value)}`,
    );
  }
  if (/[/?#]/.test(value)) {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} ${quote(value)} contains "/", "?" or "#", which would change the request URL; pass the bare SID`,
    );
  }
  if (!isSid(kind, value)) {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} ${quote(value)} is not a SID of the right kind: expected ${sidPrefixesText(kind)} followed by 32 hex digits`,
    );
  }
  return value;
}
