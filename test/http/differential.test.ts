/**
 * Our signature functions against the official helper's (npm `twilio`) on generated requests:
 * random URLs (ports, credentials, IPv6, percent-escapes, quotes, non-ASCII, broken ones),
 * random parameters (repeated values, `__proto__`, integer-like names), right and wrong
 * signatures. Where the helper throws (a URL `new URL()` rejects), ours must say false.
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

/** Counts the helper's verdicts, so that each test can show it met both and the throwing path. */
class Tally {
  runs = 0;
  valid = 0;
  threw = 0;

  /** Expects our verdict to be the helper's, a throw counting as false (ours never throws). */
  agree(theirs: () => boolean, ours: boolean): void {
    let verdict = false;
    try {
      verdict = theirs();
    } catch {
      this.threw++;
    }
    this.runs++;
    if (verdict) this.valid++;
    expect(ours).toBe(verdict);
  }
}

describe('validateRequest against the official helper', () => {
  it('5,000 generated requests: zero disagreements', () => {
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
          () => official.validateRequest(token, signature, url, p, alg),
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
  });
});

describe('validateRequestWithBody against the official helper', () => {
  it('3,000 generated JSON webhooks: zero disagreements', () => {
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
          () => official.validateRequestWithBody(token, signature, url, b, alg),
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
