/** Snapshot serializer, matchers and canonical forms for Vitest (and Jest: same API). */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { Gather, Hangup, Pause, Response, Say } from 'twiml-jsx';
import {
  canonical,
  canonicalXml,
  type MatcherContext,
  type MatcherResult,
  twimlMatchers,
  twimlSerializer,
  type TwiMLMatchers,
} from 'twiml-jsx/testing';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends TwiMLMatchers<T> {}
}

/** The message of the assertion `run` fails with, and the error, without colours. */
function failure(run: () => unknown): { message: string; error: Error & { actual?: unknown; expected?: unknown } } {
  try {
    run();
  } catch (error) {
    return { message: (error as Error).message.replace(/\u001b\[\d+m/g, ''), error: error as Error };
  }
  throw new Error('the assertion passed');
}

expect.extend(twimlMatchers);
expect.addSnapshotSerializer(twimlSerializer);

const menu = (
  <Response>
    <Gather numDigits={1} action="/menu">
      <Say voice="Polly.Joanna">Press 1</Say>
    </Gather>
    <Hangup />
  </Response>
);

describe('twimlSerializer', () => {
  it('prints elements as indented XML', () => {
    expect(menu).toMatchInlineSnapshot(`
      <Response>
        <Gather numDigits="1" action="/menu">
          <Say voice="Polly.Joanna">Press 1</Say>
        </Gather>
        <Hangup/>
      </Response>
    `);
  });

  it('prints TwiML strings the same way, and leaves other strings alone', () => {
    expect('<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="2"/></Response>').toMatchInlineSnapshot(`
      <Response>
        <Pause length="2"/>
      </Response>
    `);
    expect(twimlSerializer.test('hello')).toBe(false);
    expect(twimlSerializer.test('<Response')).toBe(false);
    expect(twimlSerializer.serialize('<Response><Say>broken')).toBe('<Response><Say>broken');
  });
});

describe('toRenderTwiML', () => {
  it('ignores formatting, attribute order, comments and the declaration', () => {
    expect(menu).toRenderTwiML(`
      <Response>
        <!-- the main menu -->
        <Gather action="/menu" numDigits="1">
          <Say voice="Polly.Joanna">
            Press 1
          </Say>
        </Gather>
        <Hangup />
      </Response>`);
    expect('<?xml version="1.0"?><Response><Hangup/></Response>').toRenderTwiML(
      <Response>
        <Hangup />
      </Response>,
    );
  });

  const other =
    '<Response><Gather numDigits="2" action="/menu"><Say voice="Polly.Joanna">Press 1</Say></Gather><Hangup/></Response>';

  it('fails with a readable diff of the canonical documents', () => {
    // Vitest colours the diff; compare the text.
    const { message } = failure(() => expect(menu).toRenderTwiML(other));
    expect(message).toContain('expected the same TwiML document (ignoring formatting and attribute order)');
    expect(message).toMatch(/- +<Gather action="\/menu" numDigits="2">/);
    expect(message).toMatch(/\+ +<Gather action="\/menu" numDigits="1">/);
  });

  it('prints the diff once in Vitest: in the message, with no actual/expected for Vitest to diff again', () => {
    const { message, error } = failure(() => expect(menu).toRenderTwiML(other));
    expect(message.match(/- Expected/g)).toEqual(['- Expected']);
    // Vitest prints a second diff of `error.actual` and `error.expected` whenever both are set.
    expect({ actual: error.actual, expected: error.expected }).toEqual({ actual: undefined, expected: undefined });
  });

  it('prints the diff once in Jest, which shows the message only: the diff is in the message', () => {
    // What Jest passes as `this`: its own diff, and `isNot` (optional in Jest 30's types).
    const jest = { isNot: false, utils: { diff: (a: unknown, b: unknown) => `[diff of ${a} and ${b}]` } };
    const result = twimlMatchers.toRenderTwiML.call(jest, '<Response><Hangup/></Response>', '<Response/>');
    expect(Object.keys(result).sort()).toEqual(['message', 'pass']);
    expect(result.message()).toBe(
      'expected the same TwiML document (ignoring formatting and attribute order)\n\n' +
        '[diff of <Response/> and <Response>\n  <Hangup/>\n</Response>]',
    );
  });

  it('tells when a side is not TwiML', () => {
    expect(() => expect(menu).toRenderTwiML('<Response>')).toThrow(
      /the expected value is not well-formed XML \(line 1, column 10/,
    );
    expect(() => expect(42).toRenderTwiML(menu)).toThrow(
      /the received value is not an element or TwiML text \(got number 42\)/,
    );
  });

  it('works with .not', () => {
    expect(menu).not.toRenderTwiML('<Response><Hangup/></Response>');
    expect(() => expect(menu).not.toRenderTwiML(menu)).toThrow(/expected a different document/);
  });
});

describe('toBeValidTwiML', () => {
  it('passes valid documents (warnings allowed) and lists the problems of invalid ones', () => {
    expect(menu).toBeValidTwiML();
    expect('<Response><Hangup/><Say>never</Say></Response>').toBeValidTwiML();
    expect(() =>
      expect(
        <Response>
          <Pause length={0} />
        </Response>,
      ).toBeValidTwiML(),
    ).toThrow(/expected valid TwiML, but found:\nerror out-of-range at Response > Pause/);
    expect(() => expect('<Response><Say>').toBeValidTwiML()).toThrow(/it is not well-formed XML: line 1/);
    expect(<Say>outside</Say>).not.toBeValidTwiML();
  });

  it.each([
    ['a number', 42, 'expected valid TwiML, got number 42: pass an element or TwiML text'],
    ['a boolean', true, 'expected valid TwiML, got boolean true: pass an element or TwiML text'],
    ['null', null, 'expected valid TwiML, got null: pass an element or TwiML text'],
    ['undefined', undefined, 'expected valid TwiML, got undefined: pass an element or TwiML text'],
    ['an object', { type: 'Say' }, 'expected valid TwiML, got an object: pass an element or TwiML text'],
    // Values are named by the core's describeValue(), as in every other message of the package.
    ['an array', ['<Response/>'], 'expected valid TwiML, got an array: pass an element or TwiML text'],
    [
      'a Fetch Response',
      new globalThis.Response('<Response/>'),
      'expected valid TwiML, got an object: pass an element or TwiML text',
    ],
    ['a component', () => menu, 'expected valid TwiML, got a function: pass an element or TwiML text'],
    [
      'a named component',
      function Menu() {
        return menu;
      },
      'expected valid TwiML, got a function (Menu): pass an element or TwiML text',
    ],
    ['a symbol', Symbol('x'), 'expected valid TwiML, got the symbol Symbol(x): pass an element or TwiML text'],
  ])('fails %s with a message that names it', (_, value, message) => {
    expect(failure(() => expect(value).toBeValidTwiML()).message).toBe(message);
    expect(value).not.toBeValidTwiML();
  });
});

describe('the matcher context', () => {
  /**
   * Jest 30's types for `expect.extend()` (package `expect`, which @jest/globals re-exports), reduced to
   * what twimlMatchers meets: the context's `isNot` is optional there.
   */
  interface JestMatcherState {
    assertionCalls: number;
    currentTestName?: string;
    expand?: boolean;
    isNot?: boolean;
    promise?: string;
    testPath?: string;
  }
  interface JestMatcherUtils {
    equals(a: unknown, b: unknown): boolean;
    utils: { diff(a: unknown, b: unknown, options?: object): string | null };
  }
  type JestMatcherContext = JestMatcherUtils & Readonly<JestMatcherState>;
  type JestResult = { pass: boolean; message(): string };
  type JestMatchersObject = {
    [name: string]: (this: JestMatcherContext, actual: any, ...expected: any[]) => JestResult | Promise<JestResult>;
  };

  it('accepts a context whose isNot is optional, as Jest 30 types it (checked by tsc)', () => {
    expectTypeOf<{ readonly isNot?: boolean }>().toExtend<MatcherContext>();
    expectTypeOf<JestMatcherContext>().toExtend<MatcherContext>();
    const jestExtend = (matchers: JestMatchersObject) => Object.keys(matchers);
    expect(jestExtend(twimlMatchers)).toEqual(['toRenderTwiML', 'toBeValidTwiML']);
  });

  it.each<[string, MatcherContext, boolean]>([
    ['without isNot', {}, true],
    ['with isNot undefined', { isNot: undefined }, true],
    ['with isNot true (the runner applies .not)', { isNot: true }, true],
  ])('works %s', (_, context, pass) => {
    const result: MatcherResult = twimlMatchers.toRenderTwiML.call(context, menu, menu);
    expect(result.pass).toBe(pass);
    expect(twimlMatchers.toBeValidTwiML.call(context, menu).pass).toBe(pass);
  });
});

describe('twimlSerializer inside other values', () => {
  it('indents a document under its key or in a list', () => {
    expect({
      doc: (
        <Response>
          <Hangup />
        </Response>
      ),
      list: ['<Response><Pause length="2"/></Response>'],
    }).toMatchInlineSnapshot(`
      {
        "doc": <Response>
          <Hangup/>
        </Response>,
        "list": [
          <Response>
            <Pause length="2"/>
          </Response>,
        ],
      }
    `);
  });

  it.each([
    ['', '<Response>\n  <Gather action="/menu">\n    <Say>Hi</Say>\n  </Gather>\n</Response>'],
    ['  ', '<Response>\n    <Gather action="/menu">\n      <Say>Hi</Say>\n    </Gather>\n  </Response>'],
    [
      '      ',
      '<Response>\n        <Gather action="/menu">\n          <Say>Hi</Say>\n        </Gather>\n      </Response>',
    ],
  ])('serialize(value, config, %j) indents every line after the first by the indentation', (indentation, text) => {
    const value = '<Response><Gather action="/menu"><Say>Hi</Say></Gather></Response>';
    expect(twimlSerializer.serialize(value, {}, indentation)).toBe(text);
  });
});

describe('canonical', () => {
  const expected = canonical(
    <Response>
      <Gather action="/menu" numDigits={1}>
        <Say voice="Polly.Joanna">Press 1</Say>
      </Gather>
      <Hangup />
    </Response>,
  );

  it.each([
    ['an element', menu],
    [
      'TwiML text',
      '<Response><Gather numDigits="1" action="/menu"><Say voice="Polly.Joanna">Press 1</Say></Gather><Hangup/></Response>',
    ],
    [
      'TwiML text with a declaration, a comment and indentation',
      `<?xml version="1.0" encoding="UTF-8"?>
<!-- recorded -->
<Response>
  <Gather action="/menu" numDigits="1">
    <Say voice="Polly.Joanna">  Press 1 </Say>
  </Gather>
  <Hangup/>
</Response>`,
    ],
  ])('takes %s, like canonicalXml()', (_, value) => {
    expect(canonical(value)).toEqual(expected);
    expect(canonicalXml(canonical(value))).toBe(canonicalXml(value));
  });

  it.each([
    [42, 'twiml-jsx/testing: expected an element or TwiML text, got number 42'],
    [null, 'twiml-jsx/testing: expected an element or TwiML text, got null'],
    [undefined, 'twiml-jsx/testing: expected an element or TwiML text, got undefined'],
    [{}, 'twiml-jsx/testing: expected an element or TwiML text, got an object'],
  ])('throws a TypeError naming anything else: %o', (value, message) => {
    expect(() => canonical(value as never)).toThrow(new TypeError(message));
    expect(() => canonicalXml(value as never)).toThrow(new TypeError(message));
  });
});
