/**
 * How the simulators talk to the application under test: a Fetch handler called in-process
 * (Hono's `app.fetch`, a Next.js route) or a running server reached with `fetch`. Requests are
 * Twilio-shaped: form-encoded POST (or query-string GET), signed when an auth token is given.
 */
import { isElement, MAX_DOCUMENT_BYTES, type HttpMethod } from '../core.js';
import { computeSignature, SIGNATURE_HEADER } from '../http/index.js';
import { describe } from './describe.js';

/** A Fetch handler, or the base URL of a running server (`http://127.0.0.1:3000`). */
export type App = ((request: Request) => Response | Promise<Response>) | string | URL;

/** The final answer to one request, after any HTTP redirects. */
export interface Answer {
  /** Absolute URL requested (with the parameters in the query string for GET), as signed. */
  readonly url: string;
  /** The URL the answer came from (after HTTP redirects), without the GET parameters. */
  readonly documentUrl: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface TransportOptions {
  readonly app: App;
  /** Origin of the URLs for a Fetch-handler app (a running server uses its own). */
  readonly origin?: string;
  readonly authToken?: string;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Most milliseconds one HTTP request may take, from sending it to the end of the body.
   * @default 15000 (Twilio's own limit)
   */
  readonly timeoutMs?: number;
}

/**
 * How long Twilio waits for an answer to a webhook request, in milliseconds.
 * @see https://www.twilio.com/docs/usage/webhooks/webhooks-connection-overrides
 */
export const TWILIO_TIMEOUT_MS = 15_000;

/**
 * Checks the options both simulators share.
 * @throws TypeError when `timeoutMs` or `maxRequests` is not a positive number
 */
export function checkOptions(options: { readonly timeoutMs?: unknown; readonly maxRequests?: unknown }): void {
  for (const name of ['timeoutMs', 'maxRequests'] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === 'number' && value > 0 && value < Infinity)) {
      throw new TypeError(`twiml-jsx/testing: ${name} must be a positive number, got ${describe(value)}`);
    }
  }
}

/**
 * Most bytes of an answer the simulator reads. Twilio refuses TwiML over 64 kB (error 11750); the
 * margin lets a larger answer fail with its own message (its size, its problems), while an answer
 * that would not stop is cut off.
 */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * A failure the transport words itself (a timeout, a body too large, too many redirects, a handler
 * that returned something else than a Response): its message is shown as it is, where what the
 * app threw is cut to its beginning.
 */
export class TransportError extends Error {}

/** One HTTP exchange, body read. */
interface Exchange {
  readonly status: number;
  readonly location: string | null;
  readonly contentType: string;
  readonly body: string;
}

/** Sends Twilio-shaped requests to an app. */
export class Transport {
  readonly base: string;
  /** Most milliseconds one HTTP request may take. */
  readonly timeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    const { app } = options;
    this.base = typeof app === 'function' ? (options.origin ?? 'https://example.com') : String(app);
    if (typeof app !== 'function') {
      try {
        new URL(this.base);
      } catch {
        throw new TypeError(
          `twiml-jsx/testing: app must be a Fetch handler or an absolute base URL, got ${JSON.stringify(this.base)}`,
        );
      }
    }
    this.timeoutMs = options.timeoutMs ?? TWILIO_TIMEOUT_MS;
  }

  /** Resolves a URL the way Twilio does: against the current document's URL. */
  resolve(url: string, against?: string): string {
    return new URL(url, against ?? this.base).href;
  }

  /** The URL a request goes to: `url`, with the parameters in its query string for GET. */
  requestUrl(method: HttpMethod, url: string, params: Record<string, string>): string {
    const target = new URL(url);
    if (method === 'GET') for (const [name, value] of Object.entries(params)) target.searchParams.append(name, value);
    return target.href;
  }

  /**
   * Sends one request and returns the final answer. Redirects (3xx) are followed like Twilio
   * does: up to 10, as GET, without the parameters specific to the callback (e.g. `Digits`).
   * Each HTTP request may take {@link timeoutMs}, body included.
   * @throws Error when the app throws, the connection fails, a request times out, or there are
   * more than 10 redirects
   */
  async send(
    method: HttpMethod,
    url: string,
    params: Record<string, string>,
    redirectParams: Record<string, string> = params,
  ): Promise<Answer> {
    let current: { method: HttpMethod; url: string; params: Record<string, string> } = { method, url, params };
    for (let hop = 0; ; hop++) {
      const requested = this.requestUrl(current.method, current.url, current.params);
      const answer = await this.once(current.method, requested, current.params, hop === 0 ? '' : current.url);
      if (answer.status < 300 || answer.status >= 400 || answer.location === null) {
        return {
          url: requested,
          documentUrl: current.url,
          status: answer.status,
          contentType: answer.contentType,
          body: answer.body,
        };
      }
      if (hop === 10) throw new TransportError(`more than 10 HTTP redirects from ${url} (Twilio error 11215)`);
      current = { method: 'GET', url: new URL(answer.location, current.url).href, params: redirectParams };
    }
  }

  /**
   * One HTTP request to `target` (the parameters already in its query string for GET), within
   * {@link timeoutMs}: the answer, then its body. `moved` is the URL redirected to, named in
   * messages (`''` for the exchange's first request).
   */
  private async once(
    method: HttpMethod,
    target: string,
    params: Record<string, string>,
    moved: string,
  ): Promise<Exchange> {
    const headers: Record<string, string> = {
      'User-Agent': 'TwilioProxy/1.1 (twiml-jsx simulator)',
      ...this.options.headers,
    };
    let body: string | undefined;
    if (method === 'POST') {
      body = new URLSearchParams(params).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (this.options.authToken !== undefined) {
      headers[SIGNATURE_HEADER] = computeSignature(this.options.authToken, target, method === 'POST' ? params : {});
    }
    const controller = new AbortController();
    const from = moved === '' ? '' : ` from ${moved}`;
    let phase: 'answer' | 'body' = 'answer';
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Rejects when the time is up (and aborts the request), whichever phase it is in.
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(
          new TransportError(
            phase === 'answer'
              ? `no answer${from} within ${this.timeoutMs} ms (timeoutMs; Twilio gives up after 15 s)`
              : `the body${from} did not end within ${this.timeoutMs} ms (timeoutMs; Twilio gives up after 15 s)`,
          ),
        );
        controller.abort();
      }, this.timeoutMs);
    });
    expired.catch(() => {});
    try {
      const init: RequestInit = { method, headers, body, redirect: 'manual', signal: controller.signal };
      const app = this.options.app;
      const pending = typeof app === 'function' ? app(new Request(target, init)) : fetch(target, init);
      const response: unknown = await Promise.race([pending, expired]);
      if (!isResponse(response)) throw new TransportError(notAResponse(response, isThenable(pending)));
      phase = 'body';
      return {
        status: response.status,
        location: response.headers.get('location'),
        contentType: response.headers.get('content-type') ?? '',
        body: await Promise.race([readBody(response, controller.signal), expired]),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

const isThenable = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * A Fetch `Response`, from this realm or another (undici's, a polyfill's): a status, headers to
 * read, and a body to read as a stream or as text.
 */
function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<'status' | 'headers' | 'text', unknown>>;
  return (
    typeof candidate.status === 'number' &&
    typeof (candidate.headers as { get?: unknown } | undefined)?.get === 'function' &&
    typeof candidate.text === 'function'
  );
}

/**
 * Why a handler's answer cannot be used: what it returned (named by the core's `describeValue()`),
 * and what it should return.
 *
 * @example
 * notAResponse('<Response/>', false)
 * // 'the handler returned "<Response/>", not a Response; a Fetch handler returns a Response (…)'
 */
function notAResponse(value: unknown, promised: boolean): string {
  const what = isElement(value) ? `a <${value.type}> element` : describe(value);
  return (
    `the handler returned ${promised ? `a Promise of ${what}` : what}, not a Response; ` +
    'a Fetch handler returns a Response (or a Promise of one), such as twiml(<Response>…</Response>) ' +
    "from twiml-jsx/http, or new Response(xml, { headers: { 'Content-Type': 'text/xml' } })"
  );
}

const tooLarge = () =>
  new TransportError(
    `the body is larger than ${MAX_BODY_BYTES} bytes, where the simulator stops reading ` +
      `(Twilio refuses TwiML over ${MAX_DOCUMENT_BYTES} bytes, error 11750)`,
  );

/**
 * The body of `response` as text (UTF-8), read until it ends or `signal` aborts; at most
 * {@link MAX_BODY_BYTES}.
 * @throws Error when the body is larger
 */
async function readBody(response: Response, signal: AbortSignal): Promise<string> {
  if (Number(response.headers.get('content-length')) > MAX_BODY_BYTES) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const stream: unknown = response.body;
  if (stream === null || stream === undefined) return '';
  if (typeof (stream as { getReader?: unknown }).getReader !== 'function') {
    // A Response of another kind (a Node stream as its body): read it as text, then measure.
    const text = await response.text();
    if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw tooLarge();
    return text;
  }
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) {
        stop();
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}
