/**
 * Which URL to check a signature against. Twilio signs the URL it called. By default that is the
 * request's own URL with the host the client named in its `Host` header (what the official
 * helper's Express middleware uses); behind a proxy, load balancer or tunnel (ngrok,
 * cloudflared) the application sees another scheme, host or port, so the public URL is given
 * (`url`, `baseUrl`) or read from forwarded headers (`trustProxy`).
 *
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-host-and-authority
 */
import { SCHEME_AND_AUTHORITY } from './url-spellings.js';

/** How to find the public URL of a request. The first of `url`, `baseUrl`, `trustProxy` that is set wins. */
export interface PublicUrlOptions<Req> {
  /**
   * The exact URL Twilio calls, query string included: a string (for a handler that serves one
   * URL) or a function of the request.
   */
  readonly url?: string | ((request: Req) => string);
  /**
   * The public origin, optionally with a path prefix (`https://example.ngrok.app`,
   * `https://example.com/twilio`); the request's path and query string are appended.
   */
  readonly baseUrl?: string;
  /**
   * Take the scheme and host from `X-Forwarded-Proto`, `X-Forwarded-Host` and
   * `X-Forwarded-Port` (first value of each). Only turn this on when every request passes
   * through a proxy that sets these headers; otherwise clients choose the URL that is checked.
   * @default false
   */
  readonly trustProxy?: boolean;
}

/** The first value of a header; for comma-joined lists (`X-Forwarded-Proto: https, http`) the first item. */
export function firstValue(value: string | null | undefined): string | undefined {
  const item = value?.split(',', 1)[0].trim();
  return item === '' ? undefined : item;
}

const HOST = /^(?:[a-z0-9._~-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `url` (absolute, as a Fetch runtime hands it over) with its authority replaced by the `Host`
 * header's, when there is a well-formed one; path and query are kept as they are. Next.js builds
 * `request.url` from the address it listens on (`http://localhost:3000/voice` whatever host the
 * client called); Bun, Deno, Workers and @hono/node-server build it from `Host`, so there this
 * changes nothing. `Host` is what the client sent: checking a signature against it trusts nothing
 * (a client that changes it only changes the URL its signature must match); pin the origin with
 * `baseUrl` to refuse signatures made for another host of the same account.
 *
 * @example
 * withHostHeader('http://localhost:3000/voice?a=1', '127.0.0.1:3000');
 * // 'http://127.0.0.1:3000/voice?a=1'
 */
export function withHostHeader(url: string, host: string | null | undefined): string {
  const authority = SCHEME_AND_AUTHORITY.exec(url)?.[0];
  if (authority === undefined || host === null || host === undefined || !HOST.test(host)) return url;
  return `${authority.slice(0, authority.indexOf(':'))}://${host}${url.slice(authority.length)}`;
}

/**
 * Checks `url` and `baseUrl` when a verifier is created, so that a typo is a startup error.
 * @throws TypeError naming the option and the value.
 */
export function checkPublicUrlOptions(options: PublicUrlOptions<never>, who: string): void {
  const { url, baseUrl } = options;
  if (typeof url === 'string' && httpUrl(url) === undefined) {
    throw new TypeError(
      `twiml-jsx/http: ${who} got url ${JSON.stringify(url)}; expected the absolute http(s) URL Twilio calls`,
    );
  }
  const base = baseUrl === undefined ? undefined : httpUrl(baseUrl);
  if (baseUrl !== undefined && (base === undefined || base.search !== '' || base.hash !== '')) {
    throw new TypeError(
      `twiml-jsx/http: ${who} got baseUrl ${JSON.stringify(baseUrl)}; expected an http(s) origin with an optional path, such as "https://example.ngrok.app"`,
    );
  }
}

/**
 * The URL to verify, from the URL the server saw (`seen`, absolute) and the request's headers.
 * `header` gets a header by its lower-case name.
 */
export function publicUrl<Req>(
  seen: string,
  header: (name: string) => string | null | undefined,
  request: Req,
  options: PublicUrlOptions<Req>,
): string {
  const { url, baseUrl, trustProxy } = options;
  if (typeof url === 'function') return url(request);
  if (url !== undefined) return url;
  const authority = SCHEME_AND_AUTHORITY.exec(seen)?.[0] ?? '';
  const pathAndQuery = seen.slice(authority.length);
  if (baseUrl !== undefined) return baseUrl.replace(/\/+$/, '') + pathAndQuery;
  if (!trustProxy) return seen;
  const seenScheme = authority.slice(0, authority.indexOf(':'));
  const proto = firstValue(header('x-forwarded-proto'))?.toLowerCase();
  const scheme = proto === 'http' || proto === 'https' ? proto : seenScheme;
  const forwardedHost = firstValue(header('x-forwarded-host'));
  let host =
    forwardedHost !== undefined && HOST.test(forwardedHost) ? forwardedHost : authority.slice(seenScheme.length + 3);
  const port = firstValue(header('x-forwarded-port'));
  if (port !== undefined && /^\d{1,5}$/.test(port) && !/:\d*$/.test(host)) host += `:${port}`;
  return `${scheme}://${host}${pathAndQuery}`;
}
