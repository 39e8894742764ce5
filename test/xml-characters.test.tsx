/**
 * Characters XML 1.0 cannot carry (issue 13, item 4): one check for text, attribute values and
 * comments. A document holding one is refused with an `invalid-character` error naming where;
 * everything else renders to XML that parses back to the same value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Comment,
  Parameter,
  Play,
  Response,
  Say,
  Start,
  Stream,
  TwiMLValidationError,
  render,
  validate,
  type TwiMLElement,
} from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';

const quiet = { onWarning: () => {} };

/** The XML 1.0 `Char` production, code point by code point (independent of the library's check). */
function xmlCanCarry(value: string): boolean {
  for (const char of value) {
    const c = char.codePointAt(0)!;
    const ok =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      (c >= 0x10000 && c <= 0x10ffff);
    if (!ok) return false;
  }
  return true;
}

/** Where a value goes, how to read it back from the parsed document, and what makes it unwritable. */
const PLACES = {
  text: {
    build: (v: string) => (
      <Response>
        <Say>x{v}</Say>
      </Response>
    ),
    read: (doc: TwiMLElement) => ((doc.children[0] as TwiMLElement).children.join('') as string).slice(1),
    writable: (v: string) => xmlCanCarry(v),
    path: 'Response > Say',
  },
  attribute: {
    build: (v: string) => (
      <Response>
        <Start>
          <Stream url="wss://example.com/s">
            <Parameter name="p" value={v} />
          </Stream>
        </Start>
      </Response>
    ),
    read: (doc: TwiMLElement) =>
      (((doc.children[0] as TwiMLElement).children[0] as TwiMLElement).children[0] as TwiMLElement).attributes.value,
    writable: (v: string) => xmlCanCarry(v),
    path: 'Response > Start > Stream > Parameter',
  },
  comment: {
    build: (v: string) => (
      <Response>
        <Comment>{v}</Comment>
        <Play>https://example.com/a.mp3</Play>
      </Response>
    ),
    read: (doc: TwiMLElement) => (doc.children[0] as TwiMLElement).children.join(''),
    // A comment cannot escape anything: a carriage return in it reads back as a line feed (XML 1.0 §2.11).
    normalize: (v: string) => v.replace(/\r\n?/g, '\n'),
    writable: (v: string) => xmlCanCarry(v) && !v.includes('--'),
    path: 'Response > comment()',
  },
} as const;

type Place = keyof typeof PLACES;

/** How a value reads back at `place` (only comments change it: their line ends). */
const normalizer = (place: Place): ((v: string) => string) =>
  place === 'comment' ? PLACES.comment.normalize : (v) => v;

/** Renders `value` at `place`: the XML, or the codes of the error thrown. */
function attempt(place: Place, value: string): { xml: string } | { codes: string[]; message: string } {
  try {
    return { xml: render(PLACES[place].build(value), quiet) };
  } catch (error) {
    if (!(error instanceof TwiMLValidationError)) throw error;
    return { codes: error.problems.map((p) => p.code), message: error.message };
  }
}

function check(place: Place, value: string): void {
  const result = attempt(place, value);
  const { writable, read, path } = PLACES[place];
  if (writable(value)) {
    expect(result, JSON.stringify(value)).toHaveProperty('xml');
    const parsed = parse((result as { xml: string }).xml);
    const normalize = normalizer(place);
    expect(read(parsed).trim()).toBe(normalize(value).trim());
    expect(validate(PLACES[place].build(value)).filter((p) => p.severity === 'error')).toEqual([]);
  } else {
    expect(result, JSON.stringify(value)).toHaveProperty('codes');
    const { codes, message } = result as { codes: string[]; message: string };
    expect(codes).toHaveLength(1);
    expect(['invalid-character', 'invalid-comment']).toContain(codes[0]);
    expect(message).toContain(path);
    expect(validate(PLACES[place].build(value)).map((p) => p.code)).toContain(codes[0]);
  }
}

describe('characters XML cannot carry', () => {
  it("refuses a lone high surrogate at the end of a text (the issue's input)", () => {
    const value = 'Hi 😀'.slice(0, 4);
    expect(value).toBe('Hi \uD83D');
    expect(() =>
      render(
        <Response>
          <Say>{value}</Say>
        </Response>,
      ),
    ).toThrow(/invalid-character at Response > Say: the text of <Say> contains U\+D83D at index 3/);
    expect(
      validate(
        <Response>
          <Say>{value}</Say>
        </Response>,
      ).map((p) => p.code),
    ).toEqual(['invalid-character']);
  });

  const CASES: readonly [string, string, boolean][] = [
    ['a lone high surrogate at the end', 'Hi \uD83D', false],
    ['a lone high surrogate alone', '\uD83D', false],
    ['a lone high surrogate before a letter', '\uD83Dx', false],
    ['a lone low surrogate', 'x\uDE00', false],
    ['a reversed pair', '\uDE00\uD83D', false],
    ['two high surrogates', '\uD83D\uD83D\uDE00', false],
    ['NUL', 'a\u0000b', false],
    ['a vertical tab', '\u000B', false],
    ['U+001F', '\u001F', false],
    ['U+FFFE', '\uFFFE', false],
    ['U+FFFF', 'x\uFFFF', false],
    ['a surrogate pair', 'Hi 😀', true],
    ['a pair at the end of the supplementary planes', '\uDBFF\uDFFF', true],
    ['tab, LF and CR', 'a\tb\nc\rd', true],
    ['U+E000 and U+FFFD', '\uE000\uFFFD', true],
    ['U+D7FF', '\uD7FF', true],
    ['XML specials', '<&>"\'', true],
  ];

  for (const place of Object.keys(PLACES) as Place[]) {
    it.each(CASES)(`${place}: %s`, (_, value, writable) => {
      expect(PLACES[place].writable(value)).toBe(writable);
      check(place, value);
    });
  }

  it('comments: "--" is refused, a trailing "-" is fine', () => {
    expect(attempt('comment', 'a--b')).toMatchObject({ codes: ['invalid-comment'] });
    check('comment', 'a-');
    check('comment', '-a');
  });

  /** Strings mixing plain text, XML specials, controls and surrogates (paired, lone, reversed). */
  const tricky = fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 4 }),
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
        fc.constantFrom('\uFFFE', '\uFFFF', '\u0000', '\u0008', '\r', '\t', '-', '--', '&', '<', ']]>', '😀'),
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(''));

  /** One document holding every value at `place` (valid values only), and how to read them back. */
  function batch(
    place: Place,
    values: readonly string[],
  ): { tree: TwiMLElement; read: (doc: TwiMLElement) => string[] } {
    const kids = (doc: TwiMLElement) => doc.children.filter((c): c is TwiMLElement => typeof c !== 'string');
    switch (place) {
      case 'text':
        return {
          tree: (
            <Response>
              {values.map((v) => (
                <Say>x{v}</Say>
              ))}
            </Response>
          ),
          read: (doc) => kids(doc).map((say) => say.children.join('').slice(1)),
        };
      case 'attribute':
        return {
          tree: (
            <Response>
              <Start>
                <Stream url="wss://example.com/s">
                  {values.map((v, i) => (
                    <Parameter name={`p${i}`} value={v} />
                  ))}
                </Stream>
              </Start>
            </Response>
          ),
          read: (doc) => kids(kids(kids(doc)[0])[0]).map((parameter) => parameter.attributes.value),
        };
      case 'comment':
        return {
          tree: (
            <Response>
              {values.map((v) => (
                <Comment>{v}</Comment>
              ))}
              <Play>https://example.com/a.mp3</Play>
            </Response>
          ),
          read: (doc) =>
            doc.children
              .filter((c): c is TwiMLElement => typeof c !== 'string' && c.type === '#comment')
              .map((c) => c.children.join('')),
        };
    }
  }

  it('100,000 generated values (text, attribute, comment) render to well-formed XML or a clear error', () => {
    let total = 0;
    fc.assert(
      fc.property(
        fc.array(tricky, { minLength: 50, maxLength: 50 }),
        fc.constantFrom<Place>('text', 'attribute', 'comment'),
        (values, place) => {
          total += values.length;
          const { writable } = PLACES[place];
          // Each unwritable value is refused on its own, with one clear error at the right place.
          for (const value of values.filter((v) => !writable(v))) {
            const result = attempt(place, value);
            const refused =
              'codes' in result &&
              result.codes.length === 1 &&
              (result.codes[0] === 'invalid-character' || result.codes[0] === 'invalid-comment') &&
              result.message.includes(PLACES[place].path);
            if (!refused) expect.fail(`${place} ${JSON.stringify(value)}: ${JSON.stringify(result)}`);
          }
          // The writable ones, all in one document: it renders, parses, and gives every value back.
          const good = values.filter((v) => writable(v));
          if (good.length === 0) return;
          const { tree, read } = batch(place, good);
          const xml = render(tree, quiet);
          const normalize = normalizer(place);
          expect(read(parse(xml)).map((v) => v.trim())).toEqual(good.map((v) => normalize(v).trim()));
        },
      ),
      { numRuns: 2_000 },
    );
    expect(total).toBe(100_000);
  }, 300_000);
});
