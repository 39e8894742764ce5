/**
 * Issue 13 item 3, in process: the spellings of a URL tried besides the official helper's
 * (src/http/url-spellings.ts). Fetch runtimes hand the handler `new URL(wire).href`; the only
 * printable ASCII character Twilio may send raw that it re-encodes is `'` in the query. These
 * tests show that the URL Twilio sent is among the spellings tried (complete), that no spelling
 * changes what the URL means (sound) and that there are never more than the bound. Through real
 * servers: url-characters.test.tsx.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateUrls, MAX_CANDIDATE_URLS } from '../../src/http/signature.js';
import { MAX_RESPELLINGS, respellings } from '../../src/http/url-spellings.js';

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const hex = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** What may stand raw as data (RFC 3986): in a path segment, and in a form value of a query. */
const rawInPath = (c: string) => UNRESERVED.test(c) || "!$&'()*+,;=:@".includes(c);
const rawInValue = (c: string) => UNRESERVED.test(c) || "!$'()*,;:@/?".includes(c);

/** Path segments and query names/values, percent-decoded byte by byte: what an application reads. */
function meaning(url: string): string {
  const decode = (s: string) => s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  const u = new URL(url);
  const query = u.search
    .slice(1)
    .split('&')
    .map((pair) => pair.split('=').map(decode));
  return JSON.stringify([u.origin, u.pathname.split('/').map(decode), query]);
}

describe('the issue', () => {
  it("a GET status callback: Twilio's FromCity=TREZZO+SULL'ADDA, which a Fetch Request shows as %27", () => {
    const wire = "https://example.com/status?FromCity=TREZZO+SULL'ADDA&To=%2B15555550111";
    const seen = new Request(wire).url;
    expect(seen).toBe('https://example.com/status?FromCity=TREZZO+SULL%27ADDA&To=%2B15555550111');
    expect([...respellings(seen)]).toEqual([wire]);
  });

  it("an action URL of the user's: ?name=O'Brien+Co", () => {
    const wire = "https://example.com/menu/choice?name=O'Brien+Co";
    expect([...respellings(new Request(wire).url)]).toEqual([wire]);
  });
});

describe('which characters this engine re-encodes', () => {
  it("among printable ASCII a client may send raw: only ' in the query (none in the path)", () => {
    const changed = (place: 'path' | 'query') =>
      ASCII.filter((c) => (place === 'path' ? rawInPath(c) : rawInValue(c) || '&=+'.includes(c))).filter((c) => {
        const url = place === 'path' ? `https://h/a${c}b` : `https://h/?k=a${c}b`;
        return new URL(url).href !== url;
      });
    expect(changed('path')).toEqual([]);
    expect(changed('query')).toEqual(["'"]);
  });

  it('no spelling is tried for a URL without one, whatever else it holds', () => {
    for (const c of ASCII.filter((c) => c !== "'")) {
      expect([...respellings(`https://h/a${hex(c)}b/${c}?k=a${hex(c)}b`)]).toEqual([]);
    }
    // A lower-case or cut escape is not what a parser writes: left alone.
    expect([...respellings('https://h/?a=%2527&b=%2')]).toEqual([]);
    // Path and fragment are not the query.
    expect([...respellings("https://h/it's/%27?#it's")]).toEqual([]);
  });
});

/** A query (after `?`) of pairs whose values mix Twilio's characters, with `'` or `%27` at some places. */
const valueChar = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ASCII.filter(rawInValue)) },
  { weight: 3, arbitrary: fc.constantFrom(...ASCII.map(hex)) },
  { weight: 1, arbitrary: fc.constant('+') },
  { weight: 3, arbitrary: fc.constantFrom("'", '%27') },
);
const query = (pairs: number) =>
  fc
    .array(fc.tuple(fc.stringMatching(/^[A-Za-z]{1,6}$/), fc.array(valueChar, { maxLength: 8 })), {
      minLength: 1,
      maxLength: pairs,
    })
    .map((entries) => entries.map(([name, value]) => `${name}=${value.join('')}`).join('&'));
const pathChar = fc.oneof(fc.constantFrom(...ASCII.filter(rawInPath)), fc.constantFrom(...ASCII.map(hex)));
/** Path segments; no `.` or `..` (which WHATWG resolves away: use the url option for such URLs). */
const segment = fc
  .array(pathChar, { minLength: 1, maxLength: 5 })
  .filter((chars) => !/^(?:\.|%2E){1,2}$/i.test(chars.join('')));
const path = fc
  .array(segment, { maxLength: 3 })
  .map((segments) => (segments.length === 0 ? '/' : segments.map((s) => `/${s.join('')}`).join('')));
const origin = fc.constantFrom('https://example.com', 'http://127.0.0.1:3000', 'https://owl.ngrok.app');
const quotesIn = (url: string) => url.slice(url.indexOf('?')).match(/'|%27/g)?.length ?? 0;

describe('complete: the URL Twilio sent is among the spellings tried', () => {
  it('any mix of raw and escaped quotes, up to 4 of them (every combination is tried)', () => {
    fc.assert(
      fc.property(origin, path, query(4), (o, p, q) => {
        const wire = `${o}${p}?${q}`;
        fc.pre(quotesIn(wire) <= 4);
        const seen = new Request(wire).url;
        expect([seen, ...respellings(seen)]).toContain(wire);
      }),
      { numRuns: 2000 },
    );
  });

  it("more than 4: a configured query spelled one way, then Twilio's parameters the other way", () => {
    const run = (quote: string, n: number) => Array.from({ length: n }, (_, i) => `p${i}=O${quote}Neil`).join('&');
    fc.assert(
      fc.property(
        origin,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 8 }),
        fc.boolean(),
        (o, before, after, escapedFirst) => {
          const [first, second] = escapedFirst ? ['%27', "'"] : ["'", '%27'];
          const wire = `${o}/voice?${run(first, before)}&FromCity=SULL${second}ADDA&${run(second, after - 1)}`;
          // Escaped then raw (how Twilio appends to a configured %27) is tried first, for any count;
          // the reverse takes what is left of the 16.
          fc.pre(escapedFirst || 2 * before + after <= 16);
          const seen = new Request(wire).url;
          expect([seen, ...respellings(seen)]).toContain(wire);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('sound: no spelling means anything else', () => {
  it('each spelling has the same WHATWG form, the same decoded segments and pairs, and differs only in quotes', () => {
    fc.assert(
      fc.property(origin, path, query(6), fc.boolean(), (o, p, q, asFetch) => {
        const wire = `${o}${p}?${q}`;
        const url = asFetch ? new Request(wire).url : wire;
        for (const spelled of respellings(url)) {
          expect(new URL(spelled).href).toBe(new URL(url).href);
          expect(meaning(spelled)).toBe(meaning(url));
          expect(spelled.replace(/%27/g, "'")).toBe(url.replace(/%27/g, "'"));
          expect(spelled).not.toBe(url);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('bounded', () => {
  it(`at most ${MAX_RESPELLINGS} spellings and ${MAX_CANDIDATE_URLS} candidate URLs, each once, whatever the URL`, () => {
    const many = (n: number) => `https://example.com:8443/a?${Array.from({ length: n }, () => "k=%27+&j='").join('&')}`;
    for (const url of [many(1), many(2), many(3), many(50), many(2000)]) {
      const spelled = [...respellings(url)];
      const candidates = [...candidateUrls(url)];
      expect(spelled.length).toBeLessThanOrEqual(MAX_RESPELLINGS);
      expect(candidates.length).toBeLessThanOrEqual(MAX_CANDIDATE_URLS);
      expect(new Set(candidates).size).toBe(candidates.length);
    }
    expect([...respellings(many(50))]).toHaveLength(MAX_RESPELLINGS);
    expect(MAX_CANDIDATE_URLS).toBe(38);
    fc.assert(
      fc.property(origin, path, query(40), (o, p, q) => {
        expect([...candidateUrls(`${o}${p}?${q}`)].length).toBeLessThanOrEqual(MAX_CANDIDATE_URLS);
      }),
      { numRuns: 500 },
    );
  });

  it('how many: 2 to 6 for a URL without quotes, 6 to 8 with one (the helper tries 6 at most)', () => {
    const counts = (url: string) => [...candidateUrls(url)].length;
    expect(counts('https://example.com/voice')).toBe(2);
    expect(counts('https://example.com/status?FromCity=TREZZO+SULL%27ADDA&To=%2B15555550111')).toBe(6);
    expect(counts('http://127.0.0.1:3000/status?FromCity=TREZZO+SULL%27ADDA&To=%2B15555550111')).toBe(6);
    expect(counts('HTTPS://Example.com/voice?a=%27')).toBe(8);
  });
});
