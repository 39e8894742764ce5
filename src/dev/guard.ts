/**
 * Who may talk to the dev server. It listens on 127.0.0.1 only, but a web page elsewhere can still
 * reach it through the browser: by DNS rebinding (a name of the attacker's that resolves to
 * 127.0.0.1, so the Host header carries that name) or by cross-site requests (a form posting to
 * http://127.0.0.1:4000). So every request must name a loopback host, and requests that act
 * (POST) or read the event stream must come from the page itself: a loopback Origin when the
 * browser sends one, and JSON bodies (which a cross-site form cannot send without a preflight
 * this server never answers).
 * @see https://developer.mozilla.org/en-US/docs/Web/Security/Attacks/DNS_rebinding
 */

/** The host names that are this machine's loopback interface. */
function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  // 127.0.0.0/8, written as a dotted quad.
  const quad = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return quad !== null && quad.slice(1).every((part) => Number(part) <= 255);
}

/**
 * True when a `Host` header names a loopback host (with or without a port): `127.0.0.1:4000`,
 * `localhost:4000`, `[::1]:4000`. Anything else (another name, a LAN address, no header) is not.
 * @example isLoopbackHost('127.0.0.1:4000') // true
 * @example isLoopbackHost('attacker.example:4000') // false
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return false;
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host.trim());
  if (match === null) return false;
  if (match[2] !== undefined && Number(match[2]) > 65535) return false;
  return isLoopbackName(match[1]);
}

/**
 * True when an `Origin` header is absent (not a browser, or a same-origin GET) or names an
 * `http://` loopback origin. `null` (sandboxed frames, file pages) is refused.
 */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return true;
  const match = /^http:\/\/([^/]+)$/.exec(origin);
  return match !== null && isLoopbackHost(match[1]);
}

export interface Refusal {
  readonly status: 403 | 415;
  readonly reason: string;
}

/** What is wrong with a request to the dev server, or undefined when it may proceed. */
export function refusal(request: {
  readonly method: string;
  readonly host: string | undefined;
  readonly origin: string | undefined;
  readonly contentType: string | undefined;
  /** The request acts on the session or reads it (POST, the event stream). */
  readonly sensitive: boolean;
}): Refusal | undefined {
  if (!isLoopbackHost(request.host)) {
    return {
      status: 403,
      reason: `twiml-jsx dev answers only requests for a loopback host (127.0.0.1, localhost, [::1]); this one is for ${JSON.stringify(request.host ?? '')}`,
    };
  }
  if (!request.sensitive) return undefined;
  if (!isLoopbackOrigin(request.origin)) {
    return { status: 403, reason: `twiml-jsx dev refuses requests from other origins (${request.origin})` };
  }
  if (request.method === 'POST' && !/^application\/json\s*(;|$)/i.test(request.contentType ?? '')) {
    return { status: 415, reason: 'twiml-jsx dev takes JSON bodies (Content-Type: application/json)' };
  }
  return undefined;
}
