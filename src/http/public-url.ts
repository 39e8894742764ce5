/**
 * Which URL to check a signature against. Twilio signs the URL it called; behind a proxy, load
 * balancer or tunnel (ngrok, cloudflared) the application sees another scheme, host or port, so
 * the public URL is given (`url`, `baseUrl`) or read from forwarded headers (`trustProxy`).
 */

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

const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
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
