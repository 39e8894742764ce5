/**
 * How much of a request body the verifiers and readers accept: a byte limit and a parameter
 * limit, with defaults sized for Twilio's webhooks, the errors that say which one was passed, and
 * the counter that finds out while the body is still arriving.
 *
 * A webhook URL is public, so whatever a client sends is read before its signature can be
 * checked. Both limits are enforced before anything is buffered whole, parsed or signed: a
 * `Content-Length` over the byte limit is refused without reading, a body that keeps coming is
 * cut off at the limit, and a form is refused as soon as one parameter too many has arrived.
 */

/**
 * Default `maxBodyBytes`: 256 KiB. Twilio's form webhooks stay far below it: an incoming
 * message is at most 1,600 characters of `Body` plus 10 `MediaUrl`/`MediaContentType` pairs
 * (about 25 kB when every character needs percent-escapes), and the largest documented fields,
 * a Conversations message (`Body` up to 32 KB inbound, `Attributes` up to 4 KB; a conversation's
 * `Attributes` up to 16 KB), stay under 160 kB even when every byte is percent-escaped.
 * @see https://www.twilio.com/docs/messaging/guides/webhook-request
 * @see https://www.twilio.com/docs/conversations/conversations-limits
 */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/**
 * Default `maxParams`: 1,000 form parameters, as Express's `urlencoded()` parser. Twilio's
 * richest form webhooks (a WhatsApp message with 10 media, a SIP call with its `SipHeader_`
 * fields) carry well under 100.
 * @see https://expressjs.com/en/api.html#express.urlencoded
 */
export const DEFAULT_MAX_PARAMS = 1000;

/** The limits every verifier and body reader takes. */
export interface BodyLimitOptions {
  /**
   * The largest body read, in bytes (as the request carries it, after chunked transfer coding is
   * undone; a compressed body is not inflated, and counts compressed). A larger
   * `Content-Length` is refused before anything is read; a body without one is read only up to
   * the limit. `Infinity` turns the limit off.
   * @default 262144 (256 KiB, `DEFAULT_MAX_BODY_BYTES`)
   */
  readonly maxBodyBytes?: number;
  /**
   * The most form parameters accepted (each value of a repeated name counts; for GET webhooks,
   * the parameters of the query string). Counted while the body arrives, so a form with too many
   * is refused before it is parsed or signed. `Infinity` turns the limit off.
   * @default 1000 (`DEFAULT_MAX_PARAMS`)
   */
  readonly maxParams?: number;
}

/** `BodyLimitOptions` with the defaults filled in. */
export interface BodyLimits {
  readonly maxBodyBytes: number;
  readonly maxParams: number;
}

function checkLimit(name: string, value: unknown, who: string): void {
  if (value === undefined || value === Infinity) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TypeError(
      `twiml-jsx/http: ${who} got ${name} ${String(value)}; expected a whole number of ${name === 'maxParams' ? 'parameters' : 'bytes'} (0 or more), or Infinity for no limit`,
    );
  }
}

/**
 * The limits of a verifier or reader, checked when it is created (or called).
 * @throws TypeError naming the option when a limit is not a whole number ≥ 0 or `Infinity`.
 */
export function bodyLimitsOf(options: BodyLimitOptions | undefined, who: string): BodyLimits {
  checkLimit('maxBodyBytes', options?.maxBodyBytes, who);
  checkLimit('maxParams', options?.maxParams, who);
  return {
    maxBodyBytes: options?.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    maxParams: options?.maxParams ?? DEFAULT_MAX_PARAMS,
  };
}

/**
 * Thrown (or reported as a 413 rejection) when a body is longer than `maxBodyBytes`. Carries
 * `status` and `statusCode` 413, so Express's and Fastify's error handlers answer it as such.
 *
 * @example
 * await readForm(request, { maxBodyBytes: 1024 }); // a 2 kB body:
 * // BodyTooLargeError: twiml-jsx/http: the request body is longer than maxBodyBytes (1024 bytes)
 */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError' as const;
  readonly status = 413;
  readonly statusCode = 413;
  /** The limit that was passed, in bytes. */
  readonly limit: number;

  constructor(limit: number, detail = 'the request body is longer than') {
    super(`twiml-jsx/http: ${detail} maxBodyBytes (${limit} bytes)`);
    this.limit = limit;
  }
}

/**
 * Thrown (or reported as a 413 rejection) when a form has more than `maxParams` parameters.
 * 413 as for an over-long body (Express's body parser does the same): the request is well
 * formed, only larger than the server accepts.
 *
 * @example
 * parseForm('a=1&b=2&c=3', { maxParams: 2 });
 * // TooManyParamsError: twiml-jsx/http: the form has more than maxParams (2) parameters
 */
export class TooManyParamsError extends Error {
  override name = 'TooManyParamsError' as const;
  readonly status = 413;
  readonly statusCode = 413;
  /** The limit that was passed, in parameters. */
  readonly limit: number;

  constructor(limit: number) {
    super(`twiml-jsx/http: the form has more than maxParams (${limit}) parameters`);
    this.limit = limit;
  }
}

const AMPERSAND = 0x26;
const QUESTION_MARK = 0x3f;

/**
 * Counts the parameters of an `application/x-www-form-urlencoded` body as its bytes arrive, the
 * way `URLSearchParams` splits it: every non-empty `&`-separated part is one parameter (a
 * leading `?` is ignored). Byte-wise, so it works on chunks cut anywhere.
 */
export class ParamCounter {
  /** Parameters seen so far (the one being read included). */
  count = 0;
  private inParam = false;
  private atStart = true;

  /** Adds a chunk; returns the count so far. */
  push(chunk: Uint8Array): number {
    let i = 0;
    if (this.atStart && chunk.length > 0) {
      this.atStart = false;
      if (chunk[0] === QUESTION_MARK) i = 1;
    }
    for (; i < chunk.length; i++) {
      if (chunk[i] === AMPERSAND) this.inParam = false;
      else if (!this.inParam) {
        this.inParam = true;
        this.count++;
      }
    }
    return this.count;
  }
}

const encoder = new TextEncoder();

/** The number of parameters `parseForm(text)` would give, counted without parsing. */
export function countFormParams(body: string | Uint8Array): number {
  return new ParamCounter().push(typeof body === 'string' ? encoder.encode(body) : body);
}

/** The number of parameter values in a parsed body (a record of strings or arrays of them). */
export function countParsedParams(parsed: unknown): number {
  if (parsed === null || typeof parsed !== 'object') return 0;
  let count = 0;
  for (const key in parsed) {
    if (!Object.prototype.hasOwnProperty.call(parsed, key)) continue;
    const value = (parsed as Record<string, unknown>)[key];
    count += Array.isArray(value) ? value.length : 1;
  }
  return count;
}

/**
 * Refuses a body whose `Content-Length` announces more than `maxBodyBytes`, before any of it is
 * read. A missing or malformed value says nothing (the body is then counted as it is read).
 * @throws BodyTooLargeError naming the announced length.
 */
export function checkContentLength(header: string | null | undefined, limits: BodyLimits): void {
  if (header == null || !/^\s*\d+\s*$/.test(header)) return;
  const length = Number(header);
  if (length > limits.maxBodyBytes) {
    throw new BodyTooLargeError(limits.maxBodyBytes, `Content-Length ${header.trim()} is over`);
  }
}
