/**
 * Our signature functions against the official helper's (npm `twilio`) on generated requests:
 * random URLs (ports, credentials, IPv6, percent-escapes, quotes, non-ASCII, broken ones),
 * random parameters (repeated values, `__proto__`, integer-like names), right and wrong
 * signatures. Whatever the helper accepts, ours accepts; where it throws (a URL `new URL()`
 * rejects), ours says false unless the next rule applies. Ours accepts more in one case only:
 * when the helper accepts the same request with some `'` of the query spelled `%27` or the other
 * way round (what Fetch runtimes re-encode, issue 13 item 3), checked here by trying every such
 * spelling with the helper.
 */
import { createRequire } from 'node:module';
import { parse, stringify } from 'node:querystring';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  computeBodyHash,
  computeSignature,
  type SignedParams,
  validateRequest,
  validateRequestWithBody,
} from 'twiml-jsx/http';

const require = createRequire(import.meta.url);
const twilio = require('twilio') as typeof import('twilio');
const official = twilio as unknown as {
  validateRequest(
    token: string,
    signature: string | undefined,
    url: string,
    params: object,
    algorithm?: string,
  ): boolean;
  validateRequestWithBody(
    token: string,
    signature: string | undefined,
    url: string,
    body: string,
    algorithm?: string,
  ): boolean;
  getExpectedTwilioSignature(token: string, url: string, params: object, algorithm?: string): string;
  getExpectedBodyHash(body: string): string;
};

// The helper warns on every unsupported algorithm.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterAll(() => vi.restoreAllMocks());

const CHARS = [
  ...'aZ09-._~',
  ...'!$&\'()*+,;=:@/?#[]% "<>\\^`{|}',
  '%20',
  '%27',
  '%2B',
  '%zz',
  '%C3%A9',
  'é',
  '€',
  '😀',
  '\t',
  '\uD800',
];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((parts) => parts.join(''));

interface UrlParts {
  readonly scheme: string;
  readonly userInfo: string;
  readonly host: string;
  readonly port: string;
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
}

const urlParts: fc.Arbitrary<UrlParts> = fc.record({
  scheme: fc.constantFrom('https', 'http', 'HTTPS', 'Http'),
  userInfo: fc.constantFrom('', '', '', 'user@', 'user:pass@', 'us%40er:p%3A@', 'a:b:c@', '@'),
  host: fc.oneof(
    fc.constantFrom(
      'example.com',
      'EXAMPLE.com',
      'api.example.co.uk',
      '127.0.0.1',
      '[::1]',
      '[2001:DB8::1]',
      'bücher.example',
      'my_host.local',
      'exa mple.com',
      '',
    ),
    fc.stringMatching(/^[a-z0-9-]{1,10}\.[a-z]{2,4}$/),
  ),
  port: fc.constantFrom('', '', '', ':', ':80', ':443', ':8080', ':1234', ':0', ':65535', ':65536', ':08'),
  path: fc
    .array(fc.oneof(text(6), fc.constantFrom('voice', "it's", '..', '.', 'a%2Fb')), { maxLength: 3 })
    .map((segments) => segments.map((s) => `/${s}`).join('')),
  query: fc.oneof(
    fc.constant(''),
    fc.constant('?'),
    // Issue 13 item 3: Twilio's spelling, which Fetch runtimes re-encode.
    fc.constantFrom("?FromCity=TREZZO+SULL'ADDA&To=%2B15555550111", "?name=O'Brien+Co", "?a='&b=%27&c=+"),
    fc
      .array(fc.tuple(fc.oneof(text(4), fc.constantFrom('foo', '1', '__proto__', 'bodySHA256', 'a[b]')), text(6)), {
        minLength: 1,
        maxLength: 4,
      })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  ),
  fragment: fc.constantFrom('', '', '', '#', '#frag', "#x?y='z'"),
});

const urlOf = (p: UrlParts, overrides: Partial<UrlParts> = {}) => {
  const q = { ...p, ...overrides };
  return `${q.scheme}://${q.userInfo}${q.host}${q.port}${q.path}${q.query}${q.fragment}`;
};

function normalized(url: string): string {
  try {
    return new URL(url).toString();
  } catch {
    return url;
  }
}

function legacyQuery(url: string): string {
  const start = url.indexOf('?');
  try {
    return start === -1 ? url : url.slice(0, start + 1) + stringify(parse(url.slice(start + 1)));
  } catch {
    return url; // a lone surrogate in a URL new URL() rejected
  }
}

/**
 * Every spelling of `url` with each `'` and `%27` of its query (from `?` to `#`) raw or escaped,
 * or `undefined` beyond 2^10 of them. Written apart from src/http/url-spellings.ts, as the oracle.
 */
function quoteSpellings(url: string): string[] | undefined {
  const start = url.indexOf('?');
  if (start === -1) return [url];
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const parts = url.slice(start, end).split(/('|%27)/); // odd indices: the quotes
  const k = (parts.length - 1) / 2;
  if (k > 10) return undefined;
  const spellings: string[] = [];
  for (let mask = 0; mask < 2 ** k; mask++) {
    const query = parts.map((part, i) => (i % 2 === 0 ? part : mask & (1 << ((i - 1) / 2)) ? "'" : '%27'));
    spellings.push(url.slice(0, start) + query.join('') + url.slice(end));
  }
  return spellings;
}

/** `url` with every `%27` of its query spelled `'` (`raw`), or every `'` spelled `%27`. */
function quotes(url: string, raw: boolean): string {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const hash = url.indexOf('#', start);
  const end = hash === -1 ? url.length : hash;
  const query = url.slice(start, end).replace(/'|%27/g, raw ? "'" : '%27');
  return url.slice(0, start) + query + url.slice(end);
}

/** The URL a signature is made for: the received one, or one of its variants. */
const signedUrlOf = (p: UrlParts) =>
  fc
    .constantFrom<(p: UrlParts) => string>(
      (p) => urlOf(p),
      (p) => urlOf(p, { port: '' }),
      (p) => urlOf(p, { port: p.scheme.toLowerCase() === 'https' ? ':443' : ':80' }),
      (p) => urlOf(p, { port: ':8443' }),
      (p) => normalized(urlOf(p)),
      (p) => normalized(urlOf(p, { port: '' })),
      (p) => legacyQuery(normalized(urlOf(p))),
      (p) => legacyQuery(normalized(urlOf(p, { port: p.scheme.toLowerCase() === 'https' ? ':443' : ':80' }))),
      (p) => urlOf(p, { scheme: p.scheme.toLowerCase() === 'https' ? 'http' : 'https' }),
      (p) => urlOf(p, { host: p.host.toUpperCase() }),
      (p) => urlOf(p, { query: `${p.query}&extra=1` }),
      (p) => quotes(urlOf(p), true),
      (p) => quotes(urlOf(p), false),
      (p) => quotes(normalized(urlOf(p, { port: '' })), true),
      (p) => quotes(urlOf(p, { query: `${p.query}&FromCity=SULL'ADDA` }), false),
    )
    .map((variant) => variant(p));

const value = fc.oneof(
  text(6),
  fc.constantFrom('1234', '+14158675309', ''),
  fc.array(fc.constantFrom('b', 'a', 'B', '10', '9', 'é', ''), { maxLength: 4 }),
);
const params = fc
  .array(fc.tuple(fc.oneof(text(5), fc.constantFrom('Digits', 'From', '__proto__', '10', '2', 'a', 'A')), value), {
    maxLength: 6,
  })
  .map((entries) => Object.fromEntries(entries) as Record<string, string | string[]>);

/** The parameters a signature is made for: the received ones, or tampered with. */
const signedParamsOf = (received: Record<string, string | string[]>) =>
  fc
    .constantFrom<(p: Record<string, string | string[]>) => Record<string, string | string[]>>(
      (p) => p,
      (p) => p,
      (p) => p,
      (p) => p,
      (p) => p,
      (p) => p,
      (p) => ({ ...p, Extra: 'x' }),
      (p) => {
        const [first] = Object.keys(p);
        return first === undefined ? { Digits: '1' } : { ...p, [first]: `${String(p[first])}0` };
      },
      (p) => Object.fromEntries(Object.entries(p).slice(1)),
    )
    .map((variant) => variant(received));

const algorithm = fc.constantFrom(undefined, undefined, 'HMAC_SHA1', 'HMAC_SHA256', 'hmac_sha256', 'HMAC_MD5');
const TOKENS = ['12345', 's3cr3t', 'another-token'];

/** A signature: made by the helper for some URL, parameters, token and algorithm, or garbage. */
function signatureFor(
  url: fc.Arbitrary<string>,
  signedParams: fc.Arbitrary<object>,
  token: string,
  checkedAlgorithm: string | undefined,
): fc.Arbitrary<string | undefined> {
  const made = fc
    .tuple(
      url,
      signedParams,
      fc.constantFrom(...Array<string>(7).fill(token), 'wrong-token'),
      fc.constantFrom(true, true, true, true, true, false),
    )
    .map(([u, p, t, sameAlgorithm]) => {
      const alg = sameAlgorithm ? checkedAlgorithm : checkedAlgorithm ? undefined : 'HMAC_SHA256';
      try {
        return official.getExpectedTwilioSignature(t, u, p, alg);
      } catch {
        return official.getExpectedTwilioSignature(t, u, p);
      }
    });
  return fc.oneof(
    { weight: 8, arbitrary: made },
    { weight: 1, arbitrary: fc.constantFrom(undefined, '', 'WRONG_SIGNATURE', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=') },
    { weight: 1, arbitrary: fc.base64String({ minLength: 28, maxLength: 28 }) },
  );
}

/** The helper's verdict, a throw counting as false. */
function verdictOf(theirs: () => boolean): { verdict: boolean; threw: boolean } {
  try {
    return { verdict: theirs(), threw: false };
  } catch {
    return { verdict: false, threw: true };
  }
}

/** Counts the helper's verdicts, so that each test can show it met both, the throwing path and the quotes. */
class Tally {
  runs = 0;
  valid = 0;
  threw = 0;
  /** Accepted by ours only, through a `'` / `%27` spelling the helper accepts. */
  requoted = 0;

  /**
   * Expects our verdict to be the helper's on `url` (ours never throws), or, where ours accepts
   * and the helper does not, the helper to accept one of the quote spellings of `url`.
   */
  agree(theirs: (url: string) => boolean, url: string, ours: boolean): void {
    const { verdict, threw } = verdictOf(() => theirs(url));
    this.runs++;
    if (threw) this.threw++;
    if (verdict) this.valid++;
    if (ours === verdict) return;
    expect(verdict, 'the helper accepts what ours refuses').toBe(false);
    const spellings = quoteSpellings(url);
    expect(spellings, `too many quotes to check in ${url}`).toBeDefined();
    expect(
      spellings!.some((spelled) => verdictOf(() => theirs(spelled)).verdict),
      `ours accepts ${url}, and the helper accepts no quote spelling of it`,
    ).toBe(true);
    this.requoted++;
  }
}

describe('validateRequest against the official helper', () => {
  it("5,000 generated requests: the same verdicts, but for the helper's misses on re-encoded quotes", () => {
    const seen = new Tally();
    const request = urlParts.chain((parts) =>
      fc.record({ parts: fc.constant(parts), params, token: fc.constantFrom(...TOKENS), algorithm }).chain((r) =>
        fc.record({
          url: fc.constant(urlOf(r.parts)),
          params: fc.constant(r.params),
          token: fc.constant(r.token),
          algorithm: fc.constant(r.algorithm),
          signature: signatureFor(signedUrlOf(r.parts), signedParamsOf(r.params), r.token, r.algorithm),
        }),
      ),
    );
    fc.assert(
      fc.property(request, ({ url, params: p, token, algorithm: alg, signature }) => {
        seen.agree(
          (u) => official.validateRequest(token, signature, u, p, alg),
          url,
          validateRequest(token, signature, url, p as SignedParams, { algorithm: alg }),
        );
      }),
      { numRuns: 5000 },
    );
    // The generator must exercise both verdicts and the helper's throwing path.
    expect(seen.runs).toBe(5000);
    expect(seen.valid).toBeGreaterThan(750);
    expect(seen.runs - seen.valid).toBeGreaterThan(1000);
    expect(seen.threw).toBeGreaterThan(10);
    expect(seen.requoted).toBeGreaterThan(15);
  });
});

describe('validateRequestWithBody against the official helper', () => {
  it("3,000 generated JSON webhooks: the same verdicts, but for the helper's misses on re-encoded quotes", () => {
    const seen = new Tally();
    const body = fc.oneof(fc.json(), text(12), fc.constant('{}'));
    const request = fc
      .record({ parts: urlParts, body, other: body, token: fc.constantFrom(...TOKENS), algorithm })
      .chain(({ parts, body: b, other, token, algorithm: alg }) => {
        const right = computeBodyHash(b);
        const hashes = [right, right, right, right, computeBodyHash(other), right.toUpperCase(), ''];
        return fc.constantFrom(...hashes).chain((hash) => {
          const sep = parts.query === '' ? '?' : '&';
          const withHash = { ...parts, query: `${parts.query}${sep}bodySHA256=${hash}` };
          return fc.record({
            url: fc.constant(urlOf(withHash)),
            body: fc.constant(b),
            token: fc.constant(token),
            algorithm: fc.constant(alg),
            signature: signatureFor(signedUrlOf(withHash), fc.constant({}), token, alg),
          });
        });
      });
    fc.assert(
      fc.property(request, ({ url, body: b, token, algorithm: alg, signature }) => {
        seen.agree(
          (u) => official.validateRequestWithBody(token, signature, u, b, alg),
          url,
          validateRequestWithBody(token, signature, url, b, { algorithm: alg }),
        );
      }),
      { numRuns: 3000 },
    );
    expect(seen.runs).toBe(3000);
    expect(seen.valid).toBeGreaterThan(300);
    expect(seen.runs - seen.valid).toBeGreaterThan(300);
    expect(seen.threw).toBeGreaterThan(10);
  });
});

describe('computeSignature / computeBodyHash against the official helper', () => {
  it('2,000 generated URLs and parameters: the same signature', () => {
    const supported = fc.constantFrom(undefined, 'HMAC_SHA1', 'HMAC_SHA256', 'hmac_sha1');
    fc.assert(
      fc.property(urlParts, params, fc.constantFrom(...TOKENS), supported, (parts, p, token, alg) => {
        const url = urlOf(parts);
        expect(computeSignature(token, url, p, { algorithm: alg })).toBe(
          official.getExpectedTwilioSignature(token, url, p, alg),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('1,000 generated bodies: the same hash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' }), text(20)), (body) => {
        expect(computeBodyHash(body)).toBe(official.getExpectedBodyHash(body));
      }),
      { numRuns: 1000 },
    );
  });
});
