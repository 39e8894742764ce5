/** The pure parts: form encoding, Twilio dates, backoff and Retry-After, the version and user agent. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VERSION } from 'twiml-jsx/rest';
import { base64 } from '../../src/rest/credentials.js';
import { encodeComponent, encodeForm } from '../../src/rest/form.js';
import { parseTwilioDate } from '../../src/rest/response.js';
import { backoffDelay, parseRetryAfter, sleep } from '../../src/rest/retry.js';
import { defaultUserAgent, runtimeDescription } from '../../src/rest/version.js';
import { parseForm } from './support/fake-twilio.js';

describe('form encoding', () => {
  it('percent-encodes per RFC 3986: only A-Z a-z 0-9 - . _ ~ stay as they are', () => {
    expect(encodeComponent("a b+c&d=e/f?g#h!i'j(k)l*m~n.o_p-q")).toBe(
      'a%20b%2Bc%26d%3De%2Ff%3Fg%23h%21i%27j%28k%29l%2Am~n.o_p-q',
    );
    expect(encodeComponent('é😀\n')).toBe('%C3%A9%F0%9F%98%80%0A');
  });

  it('keeps order and repeated keys', () => {
    expect(
      encodeForm([
        ['To', '+1 555'],
        ['MediaUrl', 'https://a.test/1'],
        ['MediaUrl', 'https://a.test/2'],
        ['Body', ''],
      ]),
    ).toBe('To=%2B1%20555&MediaUrl=https%3A%2F%2Fa.test%2F1&MediaUrl=https%3A%2F%2Fa.test%2F2&Body=');
  });

  it('round-trips every string of whole code points, and writes nothing but unreserved characters and %XX', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const encoded = encodeComponent(text);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})*$/);
        expect(parseForm(`k=${encoded}`)).toEqual([['k', text]]);
      }),
      { numRuns: 500 },
    );
  });

  it('base64 of UTF-8 without Buffer agrees with Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Twilio dates', () => {
  it('reads RFC 2822 with any offset, and ISO-8601', () => {
    expect(parseTwilioDate('Tue, 31 Aug 2010 20:36:28 +0000')?.toISOString()).toBe('2010-08-31T20:36:28.000Z');
    expect(parseTwilioDate('Tue, 31 Aug 2010 22:36:28 +0200')?.toISOString()).toBe('2010-08-31T20:36:28.000Z');
    expect(parseTwilioDate('31 aug 2010 15:06 -0530')?.toISOString()).toBe('2010-08-31T20:36:00.000Z');
    expect(parseTwilioDate('Sun, 06 Nov 1994 08:49:37 GMT')?.toISOString()).toBe('1994-11-06T08:49:37.000Z');
    expect(parseTwilioDate('2030-01-02T03:04:05Z')?.toISOString()).toBe('2030-01-02T03:04:05.000Z');
  });

  it('gives null for null, non-strings and unreadable text', () => {
    for (const value of [null, undefined, 12, '', 'yesterday', 'Tue, 31 Foo 2010 20:36:28 +0000']) {
      expect(parseTwilioDate(value)).toBeNull();
    }
  });

  it("reads back every date written in Twilio's format, at every offset", () => {
    const date = fc.date({
      min: new Date('1970-01-01T00:00:00Z'),
      max: new Date('9998-12-31T23:59:59Z'),
      noInvalidDate: true,
    });
    const offset = fc.integer({ min: -14 * 60, max: 14 * 60 });
    fc.assert(
      fc.property(date, offset, (when, minutes) => {
        const exact = new Date(Math.floor(when.getTime() / 1000) * 1000);
        const local = new Date(exact.getTime() + minutes * 60_000);
        const [day, dd, mon, yyyy, time] = local.toUTCString().split(' ');
        const sign = minutes < 0 ? '-' : '+';
        const abs = Math.abs(minutes);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
        expect(parseTwilioDate(`${day} ${dd} ${mon} ${yyyy} ${time} ${zone}`)).toEqual(exact);
      }),
      { numRuns: 500 },
    );
  });
});

describe('backoff and Retry-After', () => {
  it('full jitter: a whole number in [0, min(cap, 200 × 2^n))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, cap, random) => {
          const delay = backoffDelay(retry, cap, () => random);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(cap, 200 * 2 ** retry));
        },
      ),
    );
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 10_000, () => 0.5))).toEqual([100, 200, 400, 800]);
  });

  it('Retry-After: seconds, HTTP dates relative to now (never negative), nothing for junk', () => {
    const now = Date.parse('2015-10-21T07:28:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 7 ', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('the real sleep rejects with the reason when its signal aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(1, AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});

describe('version and user agent', () => {
  it('VERSION is the version in package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('names the runtime', () => {
    expect(defaultUserAgent()).toBe(`twiml-jsx/${VERSION} (node/${process.version})`);
    expect(runtimeDescription({ Bun: { version: '1.1.8' }, process: { versions: { node: '22.0.0' } } })).toBe(
      'bun/1.1.8',
    );
    expect(runtimeDescription({ Deno: { version: { deno: '2.0.0' } } })).toBe('deno/2.0.0');
    expect(runtimeDescription({ navigator: { userAgent: 'Cloudflare-Workers' } })).toBe('workerd');
    expect(runtimeDescription({ process: { versions: { node: '18.18.0' } } })).toBe('node/v18.18.0');
    expect(runtimeDescription({})).toBe('unknown');
  });
});
