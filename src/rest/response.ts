/**
 * Twilio's JSON resources → typed objects, as the official helper converts them: snake_case
 * fields become camelCase, RFC 2822 dates become `Date`s, `error_code` becomes a number, fields
 * Twilio adds later are dropped, and a field missing from the body is `null`.
 */
import { TwilioResponseError } from './errors.js';
import type { Call, Message } from './types.js';

/** How a field is converted. */
type Conversion = 'as-is' | 'date' | 'integer';

/** JSON field → conversion, for the fields of a call. */
const CALL_FIELDS: Readonly<Record<string, Conversion>> = {
  sid: 'as-is',
  date_created: 'date',
  date_updated: 'date',
  parent_call_sid: 'as-is',
  account_sid: 'as-is',
  to: 'as-is',
  to_formatted: 'as-is',
  from: 'as-is',
  from_formatted: 'as-is',
  phone_number_sid: 'as-is',
  status: 'as-is',
  start_time: 'date',
  end_time: 'date',
  duration: 'as-is',
  price: 'as-is',
  price_unit: 'as-is',
  direction: 'as-is',
  answered_by: 'as-is',
  api_version: 'as-is',
  forwarded_from: 'as-is',
  group_sid: 'as-is',
  caller_name: 'as-is',
  queue_time: 'as-is',
  stir_verstat: 'as-is',
  trunk_sid: 'as-is',
  uri: 'as-is',
  subresource_uris: 'as-is',
};

/** JSON field → conversion, for the fields of a message. */
const MESSAGE_FIELDS: Readonly<Record<string, Conversion>> = {
  body: 'as-is',
  num_segments: 'as-is',
  direction: 'as-is',
  from: 'as-is',
  to: 'as-is',
  date_updated: 'date',
  price: 'as-is',
  error_message: 'as-is',
  uri: 'as-is',
  account_sid: 'as-is',
  num_media: 'as-is',
  status: 'as-is',
  messaging_service_sid: 'as-is',
  sid: 'as-is',
  date_sent: 'date',
  date_created: 'date',
  error_code: 'integer',
  price_unit: 'as-is',
  api_version: 'as-is',
  subresource_uris: 'as-is',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const RFC2822 =
  /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?\s*$/;

/**
 * Reads an RFC 2822 date (`Tue, 31 Aug 2010 20:36:28 +0000`) without relying on the runtime's
 * `Date.parse`, which only guesses at this format; ISO-8601 strings are read too.
 *
 * @returns the `Date`, or `null` for `null`, `undefined` or an unreadable value.
 * @example
 * parseTwilioDate('Tue, 31 Aug 2010 20:36:28 +0000')?.toISOString(); // '2010-08-31T20:36:28.000Z'
 */
export function parseTwilioDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = RFC2822.exec(value);
  if (match) {
    const [, day, monthName, year, hours, minutes, seconds, zone] = match;
    const month = MONTHS.indexOf(monthName.toLowerCase());
    if (month < 0) return null;
    let offsetMinutes = 0;
    if (zone !== undefined && /^[+-]/.test(zone)) {
      const sign = zone[0] === '-' ? -1 : 1;
      offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    }
    const utc = Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds ?? 0));
    return new Date(utc - offsetMinutes * 60_000);
  }
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : new Date(time);
  }
  return null;
}

function integer(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : null;
  if (typeof value === 'string') {
    const parsed = Number.parseInt(value, 10);
    return Number.isNaN(parsed) ? null : parsed;
  }
  return null;
}

const camelCase = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function convert(fields: Readonly<Record<string, Conversion>>, json: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, conversion] of Object.entries(fields)) {
    const value = json[field];
    out[camelCase(field)] =
      conversion === 'date' ? parseTwilioDate(value) : conversion === 'integer' ? integer(value) : (value ?? null);
  }
  return out;
}

/** Where a response came from, for messages. */
export interface ResponseContext {
  readonly status: number;
  readonly method: string;
  readonly path: string;
}

function resource(json: unknown, kind: string, context: ResponseContext): Record<string, unknown> {
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    typeof (json as { sid?: unknown }).sid !== 'string'
  ) {
    throw new TwilioResponseError(
      context.status,
      `${context.method} ${context.path} answered ${context.status} without a ${kind} resource (a JSON object with a "sid")`,
    );
  }
  return json as Record<string, unknown>;
}

/**
 * A call from its JSON.
 *
 * @throws TwilioResponseError when the body is not a call resource.
 * @example
 * toCall({ sid: 'CA…', status: 'queued', date_created: 'Tue, 31 Aug 2010 20:36:28 +0000' }, context).dateCreated;
 */
export function toCall(json: unknown, context: ResponseContext): Call {
  return convert(CALL_FIELDS, resource(json, 'call', context)) as unknown as Call;
}

/**
 * A message from its JSON.
 *
 * @throws TwilioResponseError when the body is not a message resource.
 * @example
 * toMessage({ sid: 'SM…', status: 'queued', error_code: null }, context).errorCode; // null
 */
export function toMessage(json: unknown, context: ResponseContext): Message {
  return convert(MESSAGE_FIELDS, resource(json, 'message', context)) as unknown as Message;
}
