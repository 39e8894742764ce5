/**
 * Twilio's webhook signature (`X-Twilio-Signature`): how it is computed and checked.
 *
 * Twilio signs the exact URL it called followed by every POST parameter (sorted by name, each
 * written as name + value, no separators) with HMAC-SHA1 keyed by the account's auth token, and
 * sends the base64 digest. JSON webhooks carry `bodySHA256=<hex SHA-256 of the body>` in the URL
 * instead of parameters. Several spellings of the URL are tried, because proxies and frameworks
 * rewrite ports and percent-encoding between Twilio and the application: every spelling the
 * official helper (npm `twilio`) tries, so whatever it accepts is accepted, and the spellings
 * Fetch runtimes re-encode (`'` as `%27` in the query, url-spellings.ts), which it misses.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';
import { MAX_RESPELLINGS, respellings, SCHEME_AND_AUTHORITY } from './url-spellings.js';

/** Header that carries the signature. Node and Fetch lower-case header names; this is the name Twilio sends. */
export const SIGNATURE_HEADER = 'X-Twilio-Signature';

/**
 * Header Twilio adds when a Webhook Rule signs with a SharedKey instead of the auth token:
 * `key=<id>,algorithm=HMAC_SHA256`.
 */
export const SIGNATURE_SETTINGS_HEADER = 'X-Twilio-Webhooks-Signature-Settings';

/** The HMAC Twilio signs with: `HMAC_SHA1` with the auth token (always), `HMAC_SHA256` only with a SharedKey. */
export type SignatureAlgorithm = 'HMAC_SHA1' | 'HMAC_SHA256';

/** One POST parameter's value: a string, or every value of a repeated parameter. */
export type ParamValue = string | readonly string[];

/** POST parameters as a record (what body parsers produce) or as `URLSearchParams`. */
export type SignedParams = Readonly<Record<string, ParamValue>> | URLSearchParams;

/** Options of the signature functions. */
export interface SignatureOptions {
  /**
   * The HMAC to use; names are case-insensitive, as in the settings header.
   * @default 'HMAC_SHA1'
   */
  readonly algorithm?: SignatureAlgorithm | (string & {});
}

/** Node's name of the digest behind a Twilio algorithm name, or `undefined` for an unknown one. */
function digestOf(algorithm: string | undefined): 'sha1' | 'sha256' | undefined {
  if (!algorithm || algorithm.toUpperCase() === 'HMAC_SHA1') return 'sha1';
  if (algorithm.toUpperCase() === 'HMAC_SHA256') return 'sha256';
  return undefined;
}

/** `name + value` for each value; repeated values are de-duplicated and sorted first. */
function appendParam(data: string, name: string, value: unknown): string {
  if (!Array.isArray(value)) return data + name + value;
  for (const item of Array.from(new Set(value)).sort()) data = appendParam(data, name, item);
  return data;
}

/**
 * The part of the signed string after the URL: each parameter, in code-unit order of the names,
 * written as name + value. Built once per request, whatever the number of URLs tried.
 */
function paramsToSign(params: SignedParams | null | undefined): string {
  const record = params instanceof URLSearchParams ? recordOf(params) : (params ?? {});
  let data = '';
  for (const name of Object.keys(record).sort()) data = appendParam(data, name, record[name]);
  return data;
}

/** `URLSearchParams` as a record; a repeated name keeps all of its values. */
function recordOf(search: URLSearchParams): Record<string, ParamValue> {
  const record: Record<string, string[]> = Object.create(null);
  for (const [name, value] of search) (record[name] ??= []).push(value);
  const out: Record<string, ParamValue> = Object.create(null);
  for (const name in record) out[name] = record[name].length === 1 ? record[name][0] : record[name];
  return out;
}

const encoder = new TextEncoder();
const LONE_HIGH_SURROGATE_AT_END = /[\uD800-\uDBFF]$/;
const LOW_SURROGATE_AT_START = /^[\uDC00-\uDFFF]/;

/**
 * The signed string of a request whose parameters are fixed and whose URL is one of several
 * candidates: the parameter part is sorted, joined and UTF-8 encoded once; each candidate only
 * adds its URL in front.
 */
class SignedString {
  private readonly text: string;
  private readonly bytes: Uint8Array;
  private readonly joinsSurrogate: boolean;

  constructor(params: SignedParams | null | undefined) {
    this.text = paramsToSign(params);
    this.bytes = encoder.encode(this.text);
    this.joinsSurrogate = LOW_SURROGATE_AT_START.test(this.text);
  }

  /** The base64 HMAC of `url` followed by the parameters, with `digest` keyed by `key`. */
  sign(digest: 'sha1' | 'sha256', key: string, url: string): string {
    const hmac = createHmac(digest, key);
    // Encoded apart, a URL ending in half a surrogate pair would not join the half that starts the
    // parameters, as it does in the one string Twilio signs.
    if (this.joinsSurrogate && LONE_HIGH_SURROGATE_AT_END.test(url)) hmac.update(url + this.text, 'utf8');
    else hmac.update(url, 'utf8').update(this.bytes);
    return hmac.digest('base64');
  }
}

/**
 * The signature Twilio sends for a request: base64 HMAC-SHA1 (keyed by the auth token) of the
 * URL followed by the sorted parameters. The URL is used exactly as given.
 *
 * @example
 * computeSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', {
 *   CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234',
 *   From: '+14158675309', To: '+18005551212',
 * });
 * // 'RSOYDt4T1cUTdK1PDd93/VVr8B8='
 * @throws Error when `options.algorithm` is not HMAC_SHA1 or HMAC_SHA256.
 */
export function computeSignature(
  authToken: string,
  url: string,
  params?: SignedParams | null,
  options?: SignatureOptions,
): string {
  const digest = digestOf(options?.algorithm);
  if (digest === undefined) {
    throw new Error(
      `twiml-jsx/http: computeSignature() got algorithm ${JSON.stringify(options?.algorithm)}; expected HMAC_SHA1 or HMAC_SHA256`,
    );
  }
  return new SignedString(params).sign(digest, authToken, url);
}

/**
 * The lower-case hex SHA-256 of a body: the `bodySHA256` query value of a JSON webhook.
 *
 * @example
 * computeBodyHash('{"property": "value", "boolean": true}');
 * // '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620'
 */
export function computeBodyHash(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

/** Constant-time string equality; the length is not secret (a digest's length is fixed by its algorithm). */
function sameText(given: string, expected: string): boolean {
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A URL cut where its port is, without normalising anything. `undefined` if it has no `scheme://`. */
interface UrlParts {
  readonly scheme: string;
  readonly userInfo: string;
  readonly host: string;
  readonly port: string;
  readonly rest: string;
}

function splitAtPort(url: string): UrlParts | undefined {
  const prefix = SCHEME_AND_AUTHORITY.exec(url)?.[0];
  if (prefix === undefined) return undefined;
  const schemeEnd = prefix.indexOf('://') + 3;
  const scheme = prefix.slice(0, schemeEnd);
  const authority = prefix.slice(schemeEnd);
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  // In `[::1]:8080` only a colon after the closing bracket starts the port.
  const colon = hostPort.indexOf(':', hostPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, at + 1),
    host: colon === -1 ? hostPort : hostPort.slice(0, colon),
    port: colon === -1 ? '' : hostPort.slice(colon),
    rest: url.slice(prefix.length),
  };
}

/** The URL without its port (any port, not only the default one). */
function withoutPort(url: string): string {
  const p = splitAtPort(url);
  return p === undefined ? url : p.scheme + p.userInfo + p.host + p.rest;
}

/** The URL with the scheme's default port (443 for https, 80 otherwise) if it has no port. */
function withDefaultPort(url: string): string {
  const p = splitAtPort(url);
  if (p === undefined || p.port !== '') return url;
  return p.scheme + p.userInfo + p.host + (p.scheme.toLowerCase() === 'https://' ? ':443' : ':80') + p.rest;
}

/** The query string re-encoded as Node's legacy `querystring` module writes it. */
function withLegacyQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1 || start === url.length - 1) return url;
  return url.slice(0, start + 1) + stringifyQuery(parseQuery(url.slice(start + 1)));
}

/** The official helper's spellings of `url`: as received, then WHATWG-normalised, then with a legacy query. */
function* helperSpellings(url: string): Generator<string> {
  yield withoutPort(url);
  yield withDefaultPort(url);
  let bare: string;
  let ported: string;
  try {
    const normalized = new URL(url).toString();
    bare = withoutPort(normalized);
    ported = withDefaultPort(normalized);
  } catch {
    return;
  }
  yield bare;
  yield ported;
  yield* [bare, ported].flatMap((candidate) => {
    try {
      return [withLegacyQuery(candidate)];
    } catch {
      return []; // querystring cannot re-encode it (a lone surrogate): no such candidate
    }
  });
}

/**
 * The most URLs `candidateUrls` yields for one request: the official helper's 6, and each of the
 * `MAX_RESPELLINGS` re-encoded spellings without and with the default port (38). Each costs one
 * HMAC of the URL and the parameters.
 */
export const MAX_CANDIDATE_URLS = 6 + 2 * MAX_RESPELLINGS;

/**
 * Every spelling of `url` Twilio may have signed, each once, in the order they are tried:
 *
 * 1. the official helper's: as received without and with the port (any port removed; the
 *    scheme's default added when there is none), the WHATWG-normalised URL without and with the
 *    port, and those two with a legacy-encoded query string (Node's `querystring`);
 * 2. the spellings of `url` in which characters that Fetch runtimes percent-encode (`'` in the
 *    query) are spelled back raw (`respellings`), each without and with the port.
 *
 * At most `MAX_CANDIDATE_URLS` (38); a URL without `'` or `%27` in its query gets at most 6,
 * one with a single `'` at most 8. The count depends only on the URL, never on the token.
 *
 * @example
 * [...candidateUrls('https://example.com/p?q=O%27Brien')].at(-2);
 * // "https://example.com/p?q=O'Brien"
 */
export function* candidateUrls(url: string): Generator<string> {
  const tried = new Set<string>();
  const fresh = function* (candidates: Iterable<string>): Generator<string> {
    for (const candidate of candidates) {
      if (tried.has(candidate)) continue;
      tried.add(candidate);
      yield candidate;
    }
  };
  yield* fresh(helperSpellings(url));
  for (const spelled of respellings(url)) yield* fresh([withoutPort(spelled), withDefaultPort(spelled)]);
}

/**
 * True if `signature` is what Twilio sends for a request to `url` with these POST parameters.
 * Accepts whatever the official helper's `validateRequest` accepts (the URL as received, with
 * its port removed and with the default port added, then WHATWG-normalised and with a
 * legacy-encoded query string), and also the URL with `%27` in its query spelled back as the `'`
 * Twilio sent and signed, which Fetch runtimes (`request.url` in Next.js, Bun, Workers, undici)
 * re-encode and the helper refuses (`candidateUrls`: at most 38 spellings, every comparison
 * constant-time). Pass the URL Twilio called (scheme, host, path and query) as the server
 * received it, and every POST parameter. For GET webhooks the parameters are in the URL: pass `{}`.
 *
 * Where the official helper throws (a URL that `new URL()` rejects and that matches in no
 * received spelling), this returns false.
 *
 * @example
 * validateRequest(process.env.TWILIO_AUTH_TOKEN!, req.headers['x-twilio-signature'],
 *   'https://example.com/voice', req.body); // true or false
 */
export function validateRequest(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  params?: SignedParams | null,
  options?: SignatureOptions,
): boolean {
  const digest = digestOf(options?.algorithm);
  if (digest === undefined) return false;
  const given = signature ?? '';
  // The parameter part of the signed string is built once for every spelling of the URL.
  const signed = new SignedString(params);
  for (const candidate of candidateUrls(url)) {
    if (sameText(given, signed.sign(digest, authToken, candidate))) return true;
  }
  return false;
}

/**
 * The check for JSON webhooks, whose URL carries `bodySHA256`: true if the signature matches the
 * URL (as `validateRequest` with no parameters) **and** the raw body hashes to the URL's
 * `bodySHA256` value. Pass the body exactly as received, not re-serialised JSON.
 *
 * @example
 * validateRequestWithBody(token, signature,
 *   'https://example.com/hook?bodySHA256=0a1ff763…', rawBody); // true or false
 */
export function validateRequestWithBody(
  authToken: string,
  signature: string | null | undefined,
  url: string,
  rawBody: string | Uint8Array,
  options?: SignatureOptions,
): boolean {
  let hash: string;
  try {
    hash = new URL(url).searchParams.get('bodySHA256') ?? '';
  } catch {
    return false;
  }
  return validateRequest(authToken, signature, url, {}, options) && sameText(hash, computeBodyHash(rawBody));
}

/** Whether the signature functions know this algorithm name (case-insensitive; empty means HMAC_SHA1). */
export function isSupportedAlgorithm(algorithm: string | undefined): boolean {
  return digestOf(algorithm) !== undefined;
}

/**
 * The algorithm a `X-Twilio-Webhooks-Signature-Settings` header names (`…,algorithm=HMAC_SHA256`),
 * or `HMAC_SHA1` when the header is absent or names none. Unknown names are returned as they
 * are, and then fail every check.
 */
export function signatureAlgorithmOf(settingsHeader: string | null | undefined): string {
  for (const part of (settingsHeader ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === 'algorithm') {
      const name = part.slice(eq + 1).trim();
      if (name !== '') return name;
    }
  }
  return 'HMAC_SHA1';
}
