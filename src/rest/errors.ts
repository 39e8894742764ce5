/**
 * Errors of the REST client. Every one extends `TwilioError`; none ever holds a credential
 * (no header, no token, no secret — the client redacts any echo of them, see `redact.ts`), so
 * they can be logged and serialised as they are.
 *
 * Each class sets `name` the same way: a class field holding its own name as a literal (not
 * `constructor.name`, which minifiers rename), so `error.name` is right in every runtime and
 * bundle, and for subclasses that declare no constructor.
 */

/**
 * Base class of every error `twiml-jsx/rest` throws (TwiML errors excepted: an invalid JSX
 * document passed as `twiml` throws the core's `TwiMLValidationError`).
 *
 * @example
 * try {
 *   await client.calls.create({ to, from, url });
 * } catch (error) {
 *   if (error instanceof TwilioError) console.error(error.message);
 * }
 */
export class TwilioError extends Error {
  /** The class name; each subclass narrows it to its own (`'TwilioApiError'`). */
  override readonly name: string = 'TwilioError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * `createClient()` was given something it cannot use: a missing or malformed credential, an
 * `edge` without a `region`, a bad `baseUrl` or option. Thrown at creation, before any request.
 *
 * @example
 * createClient({ accountSid: 'AC…' }); // TwilioConfigError: no auth token: pass authToken … or set TWILIO_AUTH_TOKEN
 */
export class TwilioConfigError extends TwilioError {
  override name = 'TwilioConfigError' as const;
  /** The option at fault (`authToken`, `region`, `baseUrl`, …). */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/**
 * A request was refused before it was sent: a missing or contradictory parameter, a malformed
 * SID, inline TwiML that is too long or holds relative URLs. Nothing reached Twilio.
 *
 * @example
 * await client.messages.create({ to: '+15558675310', from: '+15017122661' });
 * // TwilioParameterError: messages.create: give body, mediaUrl or contentSid … (Twilio error 21602)
 */
export class TwilioParameterError extends TwilioError {
  override name = 'TwilioParameterError' as const;
  /** The parameter at fault, as named in the call (`twiml`, `mediaUrl`, `sid`). */
  readonly parameter: string;
  /** Twilio's error code for the same mistake, when it has one (e.g. 32018, 21603). */
  readonly code: number | undefined;

  constructor(parameter: string, message: string, code?: number) {
    super(code === undefined ? message : `${message} (Twilio error ${code})`);
    this.parameter = parameter;
    this.code = code;
  }
}

/**
 * What `TwilioApiError` is built from; handy for faking failures in your own tests.
 *
 * @example
 * new TwilioApiError({ status: 429, code: 20429, apiMessage: 'Too Many Requests', method: 'POST', path: '/…' });
 */
export interface TwilioApiErrorInit {
  /** HTTP status of the response. */
  readonly status: number;
  /** Twilio's error code (`21211`), when the body carried one. */
  readonly code?: number | undefined;
  /** The message from the body, if any. */
  readonly apiMessage?: string | undefined;
  /** Link to Twilio's page about the error. */
  readonly moreInfo?: string | undefined;
  /** Extra data from the body (Twilio's `details`, or a problem+json body's extension members). */
  readonly details?: Readonly<Record<string, unknown>> | undefined;
  /** `POST`, `GET`. */
  readonly method: string;
  /** Path of the request, without the host. */
  readonly path: string;
  /** How long Twilio asked to wait before retrying (a 429's `Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number | undefined;
  /** Where a redirect (3xx) pointed: its `Location` header. */
  readonly location?: string | undefined;
  /** A short excerpt of a body that was not JSON. */
  readonly bodyExcerpt?: string | undefined;
}

/**
 * Twilio answered with a status outside 2xx. The fields follow Twilio's error body
 * `{ code, message, more_info, status, details }`; problem+json bodies and non-JSON bodies
 * are mapped too (their fields are `undefined` when absent).
 *
 * `message` says what happened and where (`HTTP 400, Twilio error 21211 on POST /2010-04-01/…:
 * The 'To' number … is not a valid phone number.`); `apiMessage` is Twilio's text alone.
 *
 * @example
 * try {
 *   await client.calls.create({ to: '+1555', from, url });
 * } catch (error) {
 *   if (error instanceof TwilioApiError && error.code === 21211) console.error('bad number');
 * }
 */
export class TwilioApiError extends TwilioError {
  override name = 'TwilioApiError' as const;
  /** HTTP status (`400`, `404`, `429`, `500`). */
  readonly status: number;
  /** Twilio's error code (`20404`, `21211`), or `undefined` when the body had none. */
  readonly code: number | undefined;
  /** Twilio's own message, without the context `message` adds. */
  readonly apiMessage: string | undefined;
  /** Link to Twilio's page about the error (`https://www.twilio.com/docs/errors/21211`). */
  readonly moreInfo: string | undefined;
  /** Extra data Twilio sent with the error. */
  readonly details: Readonly<Record<string, unknown>> | undefined;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Path of the failed request (`/2010-04-01/Accounts/AC…/Calls.json`). */
  readonly path: string;
  /** For a 429: how long Twilio asked to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /**
   * For a redirect (3xx): where it pointed (`Location`). Redirects are not followed, since the
   * request would go, credentials and all, wherever the answer says.
   */
  readonly location: string | undefined;

  constructor(init: TwilioApiErrorInit) {
    const what = [`HTTP ${init.status}`, ...(init.code === undefined ? [] : [`Twilio error ${init.code}`])].join(', ');
    const text = init.apiMessage ?? (init.bodyExcerpt ? `response body: ${init.bodyExcerpt}` : 'no error message');
    const more = init.moreInfo ? ` (see ${init.moreInfo})` : '';
    const redirect = init.location
      ? ` (a redirect to ${init.location}, not followed: point baseUrl at the API itself)`
      : '';
    super(`${what} on ${init.method} ${init.path}: ${text}${more}${redirect}`);
    this.status = init.status;
    this.code = init.code;
    this.apiMessage = init.apiMessage;
    this.moreInfo = init.moreInfo;
    this.details = init.details;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
    this.location = init.location;
  }
}

/**
 * Twilio answered 2xx, but the body is not the JSON resource expected (not JSON, or no `sid`).
 *
 * @example
 * // a proxy answering 200 with an HTML page:
 * // TwilioResponseError: GET /2010-04-01/…/Calls/CA….json answered 200 with a body that is not JSON: <html>…
 */
export class TwilioResponseError extends TwilioError {
  override name = 'TwilioResponseError' as const;
  /** HTTP status of the response. */
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * No response arrived within `timeoutMs`. For a create this is ambiguous: Twilio may have
 * acted on the request, so it is not retried unless `retryAmbiguousFailures` is set.
 *
 * @example
 * await client.calls.get(sid, { timeoutMs: 2_000 }); // TwilioTimeoutError after 2 s without an answer
 */
export class TwilioTimeoutError extends TwilioError {
  override name = 'TwilioTimeoutError' as const;
  /** The timeout that expired, in milliseconds. */
  readonly timeoutMs: number;

  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The request failed below HTTP: connection refused or reset, DNS failure, TLS error.
 * `cause` holds the error `fetch` threw.
 *
 * @example
 * createClient({ baseUrl: 'http://127.0.0.1:9' }).calls.get(sid); // TwilioNetworkError: … connect ECONNREFUSED
 */
export class TwilioNetworkError extends TwilioError {
  override name = 'TwilioNetworkError' as const;
}

/**
 * The caller's `AbortSignal` fired. `cause` is the signal's `reason`.
 *
 * @example
 * const controller = new AbortController();
 * const pending = client.calls.get(sid, { signal: controller.signal });
 * controller.abort(); // pending rejects with TwilioAbortError
 */
export class TwilioAbortError extends TwilioError {
  override name = 'TwilioAbortError' as const;
}
