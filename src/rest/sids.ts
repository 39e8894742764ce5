/** Twilio SIDs: two letters naming the kind of resource, then 32 hex digits. */
import { TwilioParameterError } from './errors.js';

/**
 * The SID shapes the client checks, from the patterns of Twilio's API description.
 *
 * @example
 * SID_PATTERNS.call.test('CA' + '0'.repeat(32)); // true
 */
export const SID_PATTERNS = {
  account: /^AC[0-9a-fA-F]{32}$/,
  apiKey: /^SK[0-9a-fA-F]{32}$/,
  call: /^CA[0-9a-fA-F]{32}$/,
  message: /^(?:SM|MM)[0-9a-fA-F]{32}$/,
  application: /^AP[0-9a-fA-F]{32}$/,
  messagingService: /^MG[0-9a-fA-F]{32}$/,
  content: /^HX[0-9a-fA-F]{32}$/,
  byoc: /^BY[0-9a-fA-F]{32}$/,
} as const;

/** What a SID of each kind looks like, for messages. */
const SHAPES: Record<keyof typeof SID_PATTERNS, string> = {
  account: '"AC"',
  apiKey: '"SK"',
  call: '"CA"',
  message: '"SM" or "MM"',
  application: '"AP"',
  messagingService: '"MG"',
  content: '"HX"',
  byoc: '"BY"',
};

/** A value for an error message: quoted, and cut when long. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
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
export function checkSid(kind: keyof typeof SID_PATTERNS, value: unknown, where: string, parameter: string): string {
  if (typeof value !== 'string') {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} must be a string SID (${SHAPES[kind]} followed by 32 hex digits), got ${value === null ? 'null' : typeof value}`,
    );
  }
  if (/[/?#]/.test(value)) {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} ${quote(value)} contains "/", "?" or "#", which would change the request URL; pass the bare SID`,
    );
  }
  if (!SID_PATTERNS[kind].test(value)) {
    throw new TwilioParameterError(
      parameter,
      `${where}: ${parameter} ${quote(value)} is not a SID of the right kind: expected ${SHAPES[kind]} followed by 32 hex digits`,
    );
  }
  return value;
}
