/**
 * What a module exports, as something requests can be sent to: a Fetch handler (a function of a
 * `Request`, Hono's `app.fetch`, a Next.js route handler), an object with `fetch()` (a Hono app,
 * a Bun/Deno/Workers default export), or a Node request listener (an Express or Connect app, a
 * Koa app's `callback()`, an `http.Server`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { exportLabel } from './load-module.js';

export type FetchHandler = (request: Request) => Response | Promise<Response>;
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

export type Handler =
  | { readonly kind: 'fetch'; readonly fetch: FetchHandler }
  | { readonly kind: 'node'; readonly listener: NodeListener };

const isFunction = (value: unknown): value is (...args: never[]) => unknown => typeof value === 'function';

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).slice(0, 5);
    return keys.length === 0 ? 'an object without properties' : `an object with ${keys.join(', ')}`;
  }
  return typeof value === 'function' ? 'a function' : `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * The handler in `value`, the export `name` of `file`.
 * - a `fetch` method (Hono app, `{ fetch }`) wins: it is called with a `Request`;
 * - an Express/Connect app (a function with `listen`), a function of two or more parameters
 *   (`(req, res)`), a Koa app (`callback()`) or an `http.Server` get Node's request and response;
 * - any other function is a Fetch handler.
 * @throws TypeError naming the export and what it is, when it is none of these.
 */
export function handlerOf(value: unknown, name: string, file: string): Handler {
  const target = value as Record<string, unknown> | undefined;
  if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
    if (isFunction(target!.fetch)) {
      const fetch = target!.fetch as (this: unknown, request: Request) => Response | Promise<Response>;
      return { kind: 'fetch', fetch: (request) => fetch.call(value, request) };
    }
    if (typeof value === 'object' && isFunction(target!.emit) && isFunction(target!.listen)) {
      // An http.Server: its 'request' listeners answer.
      const server = value as { emit(event: 'request', req: IncomingMessage, res: ServerResponse): boolean };
      return { kind: 'node', listener: (req, res) => void server.emit('request', req, res) };
    }
    if (typeof value === 'object' && isFunction(target!.callback) && isFunction(target!.use)) {
      // A Koa app.
      return { kind: 'node', listener: (target!.callback as () => NodeListener).call(value) };
    }
  }
  if (isFunction(value)) {
    if (isFunction((value as unknown as Record<string, unknown>).listen) || value.length >= 2) {
      return { kind: 'node', listener: value as unknown as NodeListener };
    }
    return { kind: 'fetch', fetch: value as unknown as FetchHandler };
  }
  const which = exportLabel(name);
  throw new TypeError(
    `the ${which} of ${file} is ${describe(value)}; export a Fetch handler ((request) => Response), ` +
      'an object with fetch() (a Hono app), or a Node/Express app',
  );
}
