/**
 * Sends one API request with the global `fetch` (or an injected one): Basic auth, a timeout per
 * attempt, the caller's `AbortSignal`, a cap on the response's size, and retries — 429 always
 * (Twilio did not act on it), timeouts, network failures and 5xx only when the request is safe
 * to repeat. Whatever it throws has the client's credentials redacted.
 */
import { describeValue, type HttpMethod } from '../core.js';
import { type BoundedBody, MAX_ERROR_BODY_BYTES, readBody } from './body.js';
import { apiErrorFrom, excerpt } from './error-body.js';
import {
  TwilioAbortError,
  TwilioNetworkError,
  TwilioParameterError,
  TwilioResponseError,
  TwilioTimeoutError,
} from './errors.js';
import { encodeForm, type FormPair } from './form.js';
import type { Redactor } from './redact.js';
import type { ResponseContext } from './response.js';
import { AMBIGUOUS_STATUSES, backoffDelay, parseRetryAfter, type Sleep } from './retry.js';

/**
 * Options of a single call (`calls.create(params, options)`); they override the client's.
 *
 * @example
 * await client.calls.get(sid, { timeoutMs: 5_000, signal: AbortSignal.timeout(20_000) });
 */
export interface RequestOptions {
  /** Aborts the request, and any wait between attempts; the call then rejects with `TwilioAbortError`. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds to wait for each attempt's response (headers and body).
   * @default the client's timeoutMs (30 000)
   */
  readonly timeoutMs?: number;
  /**
   * How many times to retry after a retryable failure (so at most `maxRetries + 1` attempts).
   * @default the client's maxRetries (3)
   */
  readonly maxRetries?: number;
  /**
   * Also retry after failures that leave it unknown whether Twilio acted — a timeout, a network
   * failure, a 500/502/503/504 — which could place a second call or send a second message. A
   * 429 is always retried, since Twilio refuses those requests without acting on them.
   * @default true for get(), false for create() and update()
   */
  readonly retryAmbiguousFailures?: boolean;
}

/** Everything a transport needs; the client fills it from its options. */
export interface TransportConfig {
  readonly baseUrl: string;
  /** `Basic …`. Kept in the transport's closure only. */
  readonly authorization: string;
  readonly userAgent: string;
  readonly fetch: typeof fetch;
  /** Removes the credentials from everything thrown. */
  readonly redact: Redactor;
  /** Most bytes of a response body read. */
  readonly maxResponseBytes: number;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxRetryDelayMs: number;
  readonly sleep: Sleep;
  readonly random: () => number;
  readonly now: () => number;
}

/** One request to the API. */
export interface ApiRequest {
  /** The operation, for messages: `calls.create`. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** The path below the base URL: `/2010-04-01/Accounts/AC…/Calls.json`. */
  readonly path: string;
  /** The form body of a POST. */
  readonly form?: readonly FormPair[];
  /** Whether repeating the request is harmless; decides the default of `retryAmbiguousFailures`. */
  readonly idempotent: boolean;
}

/** A successful response: its status and parsed JSON body. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

/** Sends a request; rejects with one of the `TwilioError`s. */
export type Transport = (request: ApiRequest, options?: RequestOptions) => Promise<ApiResponse>;

/** What one attempt ended with, when it did not throw. */
type Outcome =
  | { readonly kind: 'response'; readonly response: Response; readonly body: BoundedBody; readonly limit: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network'; readonly error: unknown };

function describeReason(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'no reason given' : String(reason);
}

/** The innermost message of an error chain (`fetch failed` → `connect ECONNREFUSED 127.0.0.1:9`). */
function rootMessage(error: unknown): string {
  let current = error;
  const messages: string[] = [];
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    messages.push(current.message);
    current = current.cause;
  }
  return messages.length > 0 ? messages.join(': ') : String(error);
}

/**
 * Resolves with `promise`, or rejects as soon as `signal` aborts — even when a custom `fetch`
 * ignores the signal or a body never finishes.
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A number as it is (`-1`), anything else as the core's `describeValue` shows it. */
const numberOrValue = (value: unknown) => (typeof value === 'number' ? String(value) : describeValue(value));

/** Longest delay `setTimeout` honours; longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What `maxResponseBytes` should be, or `undefined` when `value` is fine. */
export function badByteCount(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0
    ? undefined
    : `a positive whole number of bytes, got ${numberOrValue(value)}`;
}

/**
 * What a milliseconds option (`timeoutMs`, `maxRetryDelayMs`) should be, or `undefined` when
 * `value` is fine.
 */
export function badMilliseconds(value: unknown): string | undefined {
  return typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS
    ? undefined
    : `a positive number of milliseconds up to ${MAX_TIMER_MS} (about 24.8 days), got ${numberOrValue(value)}`;
}

/** What `maxRetries` should be, or `undefined` when `value` is fine. */
export function badRetryCount(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? undefined
    : `a whole number ≥ 0, got ${numberOrValue(value)}`;
}

/**
 * Builds the transport of one client.
 *
 * @example
 * const send = createTransport(config);
 * const { body } = await send({ operation: 'calls.get', method: 'GET', path, idempotent: true });
 */
export function createTransport(config: TransportConfig): Transport {
  const { redact } = config;
  return async function send(request, options = {}) {
    try {
      return await sendWithRetries(config, request, options);
    } catch (error) {
      // The errors below are built from redacted text already; this also covers their causes.
      throw redact.error(error);
    }
  };
}

/** One request, attempted until it succeeds, fails for good, or runs out of retries. */
async function sendWithRetries(
  config: TransportConfig,
  request: ApiRequest,
  options: RequestOptions,
): Promise<ApiResponse> {
  const { redact, maxResponseBytes } = config;
  const { operation, method, path } = request;
  const where = `${operation} (${method} ${path})`;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  const maxRetries = options.maxRetries ?? config.maxRetries;
  for (const [option, problem] of [
    ['timeoutMs', badMilliseconds(timeoutMs)],
    ['maxRetries', badRetryCount(maxRetries)],
  ] as const) {
    if (problem !== undefined) throw new TwilioParameterError(option, `${where}: ${option} must be ${problem}`);
  }
  const retryAmbiguous = options.retryAmbiguousFailures ?? request.idempotent;
  const signal = options.signal;
  const fetchImpl = config.fetch;
  const url = config.baseUrl + path;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: config.authorization,
    'User-Agent': config.userAgent,
  };
  let body: string | undefined;
  if (method === 'POST') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = encodeForm(request.form ?? []);
  }

  const aborted = () =>
    new TwilioAbortError(`${where}: aborted by the caller's signal (${redact.text(describeReason(signal?.reason))})`, {
      cause: redact.error(signal?.reason),
    });

  const attempt = async (): Promise<Outcome> => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const response = await untilAborted(
        fetchImpl(url, { method, headers, body, signal: controller.signal, redirect: 'manual' }),
        controller.signal,
      );
      const succeeded = response.status >= 200 && response.status < 300;
      const limit = succeeded ? maxResponseBytes : Math.min(maxResponseBytes, MAX_ERROR_BODY_BYTES);
      const received = await readBody(response, limit, (read) => untilAborted(read, controller.signal));
      return { kind: 'response', response, body: received, limit };
    } catch (error) {
      if (signal?.aborted) throw aborted();
      if (timedOut) return { kind: 'timeout' };
      return { kind: 'network', error };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  };

  const wait = async (ms: number) => {
    try {
      await config.sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw aborted();
      throw error;
    }
  };

  const ambiguityAdvice =
    method === 'POST' && !retryAmbiguous
      ? '. Twilio may have acted on the request, so it was not retried: check (e.g. list recent calls or messages) ' +
        'before repeating it, or pass retryAmbiguousFailures: true if a duplicate is acceptable'
      : '';

  for (let retry = 0; ; retry++) {
    if (signal?.aborted) throw aborted();
    const outcome = await attempt();
    const attempts = retry === 0 ? '' : ` (after ${retry + 1} attempts)`;
    const canRetry = retry < maxRetries;

    if (outcome.kind !== 'response') {
      if (retryAmbiguous && canRetry) {
        await wait(backoffDelay(retry, config.maxRetryDelayMs, config.random));
        continue;
      }
      if (outcome.kind === 'timeout') {
        throw new TwilioTimeoutError(
          `${where}: no response within ${timeoutMs} ms${attempts}${ambiguityAdvice}`,
          timeoutMs,
        );
      }
      throw new TwilioNetworkError(
        `${where}: network failure: ${redact.text(rootMessage(outcome.error))}${attempts}${ambiguityAdvice}`,
        { cause: redact.error(outcome.error) },
      );
    }

    const { response, body, limit } = outcome;
    const status = response.status;
    if (status >= 200 && status < 300) {
      if (body.overLimit) {
        const size =
          body.declaredBytes === undefined
            ? `a body over the ${maxResponseBytes}-byte limit (maxResponseBytes); reading stopped there`
            : `a body of ${body.declaredBytes} bytes (Content-Length), over the ${maxResponseBytes}-byte limit ` +
              '(maxResponseBytes); it was not read';
        throw new TwilioResponseError(
          status,
          `${where}: answered ${status} with ${size}. A call or message resource is a few kilobytes, so this is ` +
            'not the answer expected: check baseUrl, or raise maxResponseBytes' +
            (request.idempotent ? '' : '. The request may have been carried out: check before repeating it'),
        );
      }
      try {
        return { status, body: body.text === '' ? undefined : (JSON.parse(body.text) as unknown) };
      } catch {
        throw new TwilioResponseError(
          status,
          `${where}: answered ${status} with a body that is not JSON: ${excerpt(body.text, redact) || '(empty)'}`,
        );
      }
    }

    const location = response.headers.get('location');
    const error = apiErrorFrom({
      status,
      contentType: response.headers.get('content-type'),
      body,
      limit,
      location: location ?? undefined,
      redact,
      method,
      path,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), config.now()),
    });
    const retryable = status === 429 || (retryAmbiguous && AMBIGUOUS_STATUSES.has(status));
    if (!retryable || !canRetry) throw error;
    const delay = error.retryAfterMs ?? backoffDelay(retry, config.maxRetryDelayMs, config.random);
    // Waiting less than Twilio asked would only earn another 429; waiting longer than the
    // caller allows is worse than failing now with the answer in hand.
    if (delay > config.maxRetryDelayMs) throw error;
    await wait(delay);
  }
}

/** What the resources (`calls`, `messages`) of a client share. */
export interface ResourceContext {
  readonly accountSid: string;
  readonly send: Transport;
}

/**
 * Sends `request` and converts the JSON body of the answer (`toCall`, `toMessage`).
 *
 * @example
 * const call = await fetchResource(send, { operation: 'calls.get', method: 'GET', path, idempotent: true }, options, toCall);
 */
export async function fetchResource<T>(
  send: Transport,
  request: ApiRequest,
  options: RequestOptions | undefined,
  convert: (body: unknown, context: ResponseContext) => T,
): Promise<T> {
  const { status, body } = await send(request, options);
  return convert(body, { status, method: request.method, path: request.path });
}
