/**
 * Serving a document: render it completely first, then answer with it; a document that cannot be
 * rendered is logged and answered with 500 (or a fallback document), never with half a body.
 * Only the Fetch API is used here, so `twiml()` runs in any runtime that has `Response`.
 */
import { render, type RenderOptions, type TwiMLElement } from '../core.js';

/** `Content-Type` of every TwiML answer. */
export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** Extra response headers: a record, or name/value pairs (a `Headers` object is fine). */
export type HeadersList = Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/** How to serve a document: render options, plus what to do when it cannot be rendered. */
export interface ServeOptions extends RenderOptions {
  /**
   * Served (with the success status) instead of a document that fails to render, e.g. an
   * apology and `<Hangup />`, so the caller is not left with Twilio's "application error".
   * It is rendered with the same options; if it fails too, the answer is 500.
   */
  readonly fallback?: TwiMLElement;
  /**
   * Receives the error of a document that could not be rendered (a `TwiMLValidationError`
   * lists every problem). Called before the 500 or the fallback is sent.
   * @default console.error
   */
  readonly onError?: (error: unknown) => void;
}

/** `ServeOptions` plus the status and headers of a successful answer. */
export interface TwiMLInit extends ServeOptions {
  /** @default 200 */
  readonly status?: number;
  /** Added to the TwiML answer (not to the 500); a `Content-Type` here replaces the default. */
  readonly headers?: HeadersList;
}

/** A rendered answer, ready to be written in one go. */
export interface PreparedAnswer {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

const FAILED: PreparedAnswer = {
  status: 500,
  headers: [['Content-Type', 'text/plain; charset=utf-8']],
  body: 'Internal Server Error: the TwiML document could not be rendered (the error is in the server log)',
};

function logError(error: unknown): void {
  console.error('twiml-jsx/http: could not serve the TwiML document, answering with the fallback or 500:', error);
}

function headerPairs(headers: HeadersList | undefined): [string, string][] {
  if (headers === undefined) return [];
  if (Symbol.iterator in headers) return Array.from(headers as Iterable<readonly [string, string]>, ([k, v]) => [k, v]);
  return Object.entries(headers as Readonly<Record<string, string>>);
}

function answer(body: string, init: TwiMLInit | undefined): PreparedAnswer {
  const extra = headerPairs(init?.headers);
  const typed = extra.some(([name]) => name.toLowerCase() === 'content-type');
  return {
    status: init?.status ?? 200,
    headers: typed ? extra : [['Content-Type', TWIML_CONTENT_TYPE], ...extra],
    body,
  };
}

/**
 * Renders `node` (then `init.fallback` if that fails) into the answer to send. Never throws:
 * render errors go to `init.onError` and give a 500 answer.
 */
export function prepareAnswer(node: TwiMLElement, init?: TwiMLInit): PreparedAnswer {
  const onError = init?.onError ?? logError;
  try {
    return answer(render(node, init), init);
  } catch (error) {
    onError(error);
  }
  if (init?.fallback === undefined) return FAILED;
  try {
    return answer(render(init.fallback, init), init);
  } catch (error) {
    onError(error);
    return FAILED;
  }
}

/**
 * A Fetch `Response` with the rendered document: status 200, `Content-Type: text/xml;
 * charset=utf-8`. Return it from Hono, Next.js App Router, Remix, Bun, Deno or Workers handlers.
 * A document that fails validation is logged and answered with 500, or with `init.fallback`.
 *
 * @example
 * app.post('/voice', () => twiml(<Response><Say>Hello</Say><Hangup /></Response>));
 * @example
 * twiml(<Menu />, {
 *   fallback: <Response><Say>Sorry, something went wrong.</Say><Hangup /></Response>,
 *   onError: (error) => logger.error(error),
 * });
 */
export function twiml(node: TwiMLElement, init?: TwiMLInit): Response {
  const prepared = prepareAnswer(node, init);
  return new Response(prepared.body, { status: prepared.status, headers: prepared.headers as [string, string][] });
}
