import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_REMEMBERED_WARNINGS, warnOnce } from '../src/render/warnings.js';
import {
  Break,
  Comment,
  Conference,
  Dial,
  ELEMENT,
  Gather,
  Hangup,
  Lang,
  Message,
  Media,
  Number as DialNumber,
  Pause,
  Play,
  Prosody,
  Redirect,
  render,
  resetSeenWarnings,
  Response,
  Say,
  SayAs,
  seenWarnings,
  type TwiMLElement,
  TwiMLValidationError,
  validate,
} from 'twiml-jsx';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

describe('render() output, byte for byte', () => {
  const cases: [string, TwiMLElement, string][] = [
    ['an empty response self-closes', <Response />, '<Response/>'],
    [
      'empty elements self-close',
      <Response>
        <Hangup />
      </Response>,
      '<Response><Hangup/></Response>',
    ],
    [
      'attributes keep the order written',
      <Response>
        <Gather timeout={3} action="/a" numDigits={1} />
      </Response>,
      '<Response><Gather timeout="3" action="/a" numDigits="1"/></Response>',
    ],
    [
      'booleans are true/false, numbers String(n)',
      <Response>
        <Dial>
          <Conference muted beep={false} maxParticipants={10}>
            room
          </Conference>
        </Dial>
      </Response>,
      '<Response><Dial><Conference muted="true" beep="false" maxParticipants="10">room</Conference></Dial></Response>',
    ],
    [
      'arrays are joined by spaces',
      <Response>
        <Gather input={['dtmf', 'speech']} />
      </Response>,
      '<Response><Gather input="dtmf speech"/></Response>',
    ],
    [
      'null and undefined attributes are left out',
      <Response>
        <Gather action={undefined} method={null} timeout={0 || undefined} />
      </Response>,
      '<Response><Gather/></Response>',
    ],
    [
      'an empty string attribute is kept',
      <Response>
        <Gather hints="" />
      </Response>,
      '<Response><Gather hints=""/></Response>',
    ],
    [
      'text escapes & < > and CR only',
      <Response>
        <Say>{`Tom & Jerry <3 "quotes" 'apostrophes' >\r\n\ttab`}</Say>
      </Response>,
      `<Response><Say>Tom &amp; Jerry &lt;3 "quotes" 'apostrophes' &gt;&#xD;\n\ttab</Say></Response>`,
    ],
    [
      'attribute values escape & < " TAB LF CR, not > or \'',
      <Response>
        <Gather hints={`a&b<c>"d'e\tf\ng\rh`} />
      </Response>,
      `<Response><Gather hints="a&amp;b&lt;c>&quot;d'e&#x9;f&#xA;g&#xD;h"/></Response>`,
    ],
    [
      'non-ASCII text passes through',
      <Response>
        <Say language="ja-JP">こんにちは 👋 café</Say>
      </Response>,
      '<Response><Say language="ja-JP">こんにちは 👋 café</Say></Response>',
    ],
    [
      'SSML tags render by their SSML names',
      <Response>
        <Say voice="Polly.Joanna">
          Hi <Break time="1s" />
          <SayAs interpretAs="digits">123</SayAs> <Lang xmlLang="fr-FR">oui</Lang>
          <Prosody rate="90%">ok</Prosody>
        </Say>
      </Response>,
      '<Response><Say voice="Polly.Joanna">Hi <break time="1s"/><say-as interpret-as="digits">123</say-as> <lang xml:lang="fr-FR">oui</lang><prosody rate="90%">ok</prosody></Say></Response>',
    ],
    [
      'mixed content keeps its order',
      <Response>
        <Message>
          Hello <Media>https://example.com/a.png</Media>
        </Message>
      </Response>,
      '<Response><Message>Hello <Media>https://example.com/a.png</Media></Message></Response>',
    ],
    [
      'comments inside and around the root',
      <>
        <Comment>before</Comment>
        <Response>
          <Comment>inside</Comment>
          <Hangup />
        </Response>
        <Comment>after</Comment>
      </>,
      '<!-- before --><Response><!-- inside --><Hangup/></Response><!-- after -->',
    ],
  ];
  it.each(cases)('%s', (_, tree, expected) => {
    expect(render(tree)).toBe(DECLARATION + expected);
  });
});

describe('render() options', () => {
  const flow = (
    <Response>
      <Gather numDigits={1} action="/menu">
        <Say>For sales press 1.</Say>
        <Pause length={1} />
      </Gather>
      <Say>
        Goodbye <Break time="1s" /> now
      </Say>
      <Hangup />
    </Response>
  );

  it('pretty indents elements and keeps text-bearing elements on one line', () => {
    expect(render(flow, { pretty: true })).toBe(
      [
        DECLARATION,
        '<Response>',
        '  <Gather numDigits="1" action="/menu">',
        '    <Say>For sales press 1.</Say>',
        '    <Pause length="1"/>',
        '  </Gather>',
        '  <Say>Goodbye <break time="1s"/> now</Say>',
        '  <Hangup/>',
        '</Response>',
      ].join('\n'),
    );
  });

  it('pretty takes a custom indent and leaves the compact form otherwise identical', () => {
    const pretty = render(flow, { pretty: '\t', declaration: false });
    expect(pretty.split('\n')[1]).toBe('\t<Gather numDigits="1" action="/menu">');
    expect(pretty.replace(/\n\t*/g, '')).toBe(render(flow, { declaration: false }));
  });

  it('declaration: false leaves out the XML declaration', () => {
    expect(render(<Response />, { declaration: false })).toBe('<Response/>');
    expect(render(<Response />, { declaration: false, pretty: true })).toBe('<Response/>');
  });

  it('validate: false renders what validation would refuse', () => {
    const invalid = <Say>not in a Response</Say>;
    expect(() => render(invalid)).toThrow(TwiMLValidationError);
    expect(render(invalid, { validate: false })).toBe(DECLARATION + '<Say>not in a Response</Say>');
  });

  it('warnings go to onWarning, or once to console.warn', () => {
    resetSeenWarnings();
    const unreachable = (
      <Response>
        <Hangup />
        <Say>never heard</Say>
      </Response>
    );
    const seen: unknown[] = [];
    expect(render(unreachable, { onWarning: (w) => seen.push(...w) })).toContain('<Hangup/>');
    expect(seen).toMatchObject([{ severity: 'warning', code: 'unreachable', path: 'Response > Say' }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(unreachable);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toBe(
      'twiml-jsx warning unreachable at Response > Say: <Say> never runs: the call ends at <Hangup>',
    );
    warn.mockRestore();
  });
});

describe('warnings of valid documents (onWarning)', () => {
  const warned = (
    <Response>
      <Redirect>/next</Redirect>
      <Hangup />
    </Response>
  );
  let lines: string[];
  beforeEach(() => {
    resetSeenWarnings();
    lines = [];
    vi.spyOn(console, 'warn').mockImplementation((text: unknown) => void lines.push(...String(text).split('\n')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('by default, a document rendered 10,000 times prints its warning once, and counts the renders', () => {
    for (let i = 0; i < 10_000; i++) render(warned);
    expect(lines).toEqual([
      'twiml-jsx warning unreachable at Response > Hangup: <Hangup> never runs: control moves to the <Redirect> URL',
    ]);
    expect(seenWarnings()).toEqual({
      warnings: [
        {
          code: 'unreachable',
          path: 'Response > Hangup',
          message: '<Hangup> never runs: control moves to the <Redirect> URL',
          count: 10_000,
        },
      ],
      unremembered: 0,
    });
  });

  it("'once' prints each distinct warning once: another path or message is another warning", () => {
    const other = (
      <Response>
        <Hangup />
        <Say>late</Say>
      </Response>
    );
    for (let i = 0; i < 3; i++) {
      render(warned, { onWarning: 'once' });
      render(other, { onWarning: 'once' });
    }
    expect(lines).toHaveLength(2);
    expect(seenWarnings().warnings.map((w) => w.count)).toEqual([3, 3]);
  });

  it("'always' prints on every render, 'never' prints nothing, a function gets every render's warnings", () => {
    for (let i = 0; i < 3; i++) render(warned, { onWarning: 'always' });
    expect(lines).toHaveLength(3);
    lines.length = 0;
    for (let i = 0; i < 3; i++) render(warned, { onWarning: 'never' });
    const received: number[] = [];
    for (let i = 0; i < 3; i++) render(warned, { onWarning: (w) => received.push(w.length) });
    expect(lines).toEqual([]);
    expect(received).toEqual([1, 1, 1]);
    expect(seenWarnings().warnings).toEqual([]);
  });

  it(`remembers at most ${MAX_REMEMBERED_WARNINGS} distinct warnings, then says so once`, () => {
    const warning = (i: number) => ({
      severity: 'warning' as const,
      code: 'unreachable',
      path: `Response > Say[${i}]`,
      message: 'm',
    });
    for (let i = 0; i < MAX_REMEMBERED_WARNINGS + 5; i++) warnOnce([warning(i), warning(0)]);
    expect(lines).toHaveLength(MAX_REMEMBERED_WARNINGS + 1);
    expect(lines.at(-1)).toBe(
      `twiml-jsx: more than ${MAX_REMEMBERED_WARNINGS} distinct warnings; later ones are not printed (see seenWarnings())`,
    );
    const { warnings, unremembered } = seenWarnings();
    expect(warnings).toHaveLength(MAX_REMEMBERED_WARNINGS);
    expect(warnings[0].count).toBe(MAX_REMEMBERED_WARNINGS + 5 + 1);
    expect(unremembered).toBe(5);
  });
});

describe('characters XML cannot carry are an error naming the element', () => {
  it.each([
    [
      'a control character in text',
      <Response>
        <Say>bell{'\u0007'}</Say>
      </Response>,
      'Response > Say',
      /the text of <Say> contains U\+0007 at index 4/,
    ],
    [
      'NUL in an attribute',
      <Response>
        <Gather hints={'1\u00002'} />
      </Response>,
      'Response > Gather',
      /attribute hints of <Gather> contains U\+0000 at index 1/,
    ],
    [
      'a lone surrogate',
      <Response>
        <Say>{'a\uD800b'}</Say>
        <Say>{'\uDC00'}</Say>
      </Response>,
      'Response > Say[1]',
      /U\+D800 at index 1/,
    ],
    [
      'U+FFFF',
      <Response>
        <Gather>
          <Say>{'\uFFFF'}</Say>
        </Gather>
      </Response>,
      'Response > Gather > Say',
      /U\+FFFF/,
    ],
    [
      'a comment with --',
      <Response>
        <Comment>a--b</Comment>
      </Response>,
      'Response > comment()',
      /cannot contain "--"/,
    ],
  ])('%s', (_, tree, path, message) => {
    for (const validate of [true, false]) {
      try {
        render(tree, { validate });
        expect.unreachable('render() should throw');
      } catch (error) {
        expect(error).toBeInstanceOf(TwiMLValidationError);
        const problems = (error as TwiMLValidationError).problems;
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatchObject({ severity: 'error', path });
        expect(problems[0].message).toMatch(message);
      }
    }
  });

  it('accepts surrogate pairs, tab, LF and CR', () => {
    expect(
      render(
        <Response>
          <Say>{'😀\t\n\r'}</Say>
        </Response>,
      ),
    ).toContain('<Say>😀\t\n&#xD;</Say>');
  });

  it('refuses attribute names that would break the markup, even without validation', () => {
    const props = { 'x="1" onload': 'y' } as Record<string, string>;
    // Where the element is built…
    expect(() => <Hangup {...(props as object)} />).toThrow(
      /<Hangup> got a prop named "x=\\"1\\" onload", which is not a valid XML attribute name/,
    );
    // …and where a hand-made look-alike is written.
    const forged = { $$typeof: ELEMENT, type: 'Hangup', attributes: props, children: [] } as TwiMLElement;
    expect(() => render(<Response>{forged}</Response>, { validate: false })).toThrow(
      /"x=\\"1\\" onload" is not a valid XML name/,
    );
  });
});

describe('nesting', () => {
  const nested = (levels: number) => {
    let node = <Prosody rate="90%">x</Prosody>;
    for (let i = 1; i < levels; i++) node = <Prosody rate="90%">{node}</Prosody>;
    return node;
  };

  it('takes deep documents up to the limit, in every walk', () => {
    const document = (
      <Response>
        <Say voice="Polly.Joanna">{nested(250)}</Say>
      </Response>
    );
    expect(render(document)).toMatch(/^<\?xml.*<Response><Say voice="Polly.Joanna">(<prosody rate="90%">){250}x/);
    expect(render(document, { pretty: true, validate: false }).split('\n')).toHaveLength(504);
  });

  it('refuses deeper nesting where the element is built, instead of overflowing the stack later', () => {
    expect(() => <Say>{nested(300)}</Say>).toThrow(RangeError);
    expect(() => <Say>{nested(300)}</Say>).toThrow(
      '<prosody> holds elements nested 256 levels deep; TwiML allows at most 256',
    );
  });

  it('renders a flat 10,000-element document', () => {
    const big = (
      <Response>
        {Array.from({ length: 10_000 }, (_, i) => (
          <Pause key={i} />
        ))}
      </Response>
    );
    expect(render(big, { validate: false })).toHaveLength(38 + 10 + 10_000 * 8 + 11);
  });
});

describe("the README's Performance sample: static parts as module constants", () => {
  // The sample, as the README writes it (the test below checks they agree).
  const MENU = (
    <>
      <Say>For sales, press 1. For support, press 2.</Say>
      <Play>https://example.com/prompts/menu.mp3</Play>
    </>
  );

  const Welcome = ({ company }: { company: string }) => (
    <Response>
      <Say>Thanks for calling {company}.</Say>
      <Gather numDigits={1} action="/menu/choice">
        {MENU}
      </Gather>
    </Response>
  );

  it('is the README sample', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const sample = /## Performance\n[^#]*?```tsx\n([\s\S]*?)\n```/.exec(readme)?.[1];
    // The README's imports are its own (the docs-samples test runs it as written); the code must be the same.
    const words = (code: string) =>
      code
        .replace(/^import .*$/gm, '')
        .replace(/export /g, '')
        .replace(/\s+/g, ' ')
        .trim();
    const here = readFileSync(new URL(import.meta.url), 'utf8');
    expect(sample).toBeDefined();
    expect(words(here)).toContain(words(sample!));
  });

  it('reuses the constant elements in every document, rendered and checked as in place', () => {
    const first = <Welcome company="Owl & Co." />;
    const second = <Welcome company="Bee" />;
    const menuOf = (tree: TwiMLElement) => (tree.children[1] as TwiMLElement).children;
    expect(menuOf(first)[0]).toBe(menuOf(second)[0]);
    const menu =
      '<Gather numDigits="1" action="/menu/choice"><Say>For sales, press 1. For support, press 2.</Say>' +
      '<Play>https://example.com/prompts/menu.mp3</Play></Gather>';
    const warn = vi.fn();
    expect(render(first, { onWarning: warn })).toBe(
      `${DECLARATION}<Response><Say>Thanks for calling Owl &amp; Co..</Say>${menu}</Response>`,
    );
    expect(render(second, { onWarning: warn })).toBe(
      `${DECLARATION}<Response><Say>Thanks for calling Bee.</Say>${menu}</Response>`,
    );
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('render() options are checked (issue 13 item 8)', () => {
  const doc = (
    <Response>
      <Hangup />
    </Response>
  );

  it("refuses a pretty indent that is not whitespace (the issue's input), which would write several roots", () => {
    expect(() => render(doc, { pretty: '</Response><Hangup/><Response>' })).toThrow(
      new TypeError(
        'twiml-jsx: render() option pretty must be true, false, or an indent made of spaces and tabs; got "</Response><Hangup/><Response>"',
      ),
    );
  });

  it.each([
    [{ pretty: 'x' }, 'pretty must be true, false, or an indent made of spaces and tabs; got "x"'],
    [{ pretty: '\n' }, 'pretty must be true, false, or an indent made of spaces and tabs; got "\\n"'],
    [{ pretty: 2 }, 'pretty must be true, false, or an indent made of spaces and tabs; got number 2'],
    [{ declaration: 'no' }, 'declaration must be true or false; got "no"'],
    [{ validate: 0 }, 'validate must be true or false; got number 0'],
    [{ onWarning: 'sometimes' }, `onWarning must be 'once', 'always', 'never' or a function; got "sometimes"`],
    [{ onWarning: null }, `onWarning must be 'once', 'always', 'never' or a function; got null`],
  ])('refuses %j', (options, message) => {
    expect(() => render(doc, options as never)).toThrow(new TypeError(`twiml-jsx: render() option ${message}`));
  });

  it.each([[{ pretty: true }], [{ pretty: '\t' }], [{ pretty: '    ' }], [{ pretty: '' }], [{ pretty: false }], [{}]])(
    'accepts %j',
    (options) => {
      expect(render(doc, options)).toContain('<Hangup/>');
    },
  );

  it('refuses options that are not an object', () => {
    expect(() => render(doc, 'pretty' as never)).toThrow('twiml-jsx: render() options must be an object, got "pretty"');
  });
});

describe('validate: false still writes well-formed XML only (issue 13 item 8)', () => {
  const say = (text: string) => <Say>{text}</Say>;
  it.each([
    [
      'two roots',
      <>
        <Response />
        <Response />
      </>,
      'multiple-roots',
    ],
    ['text outside the root', <>hello{<Response />}</>, 'text-outside-root'],
    ['no root at all', <></>, 'root-not-response'],
    ['only a comment', <Comment>nothing here</Comment>, 'root-not-response'],
    [
      'two roots of other kinds',
      <>
        {say('a')}
        {say('b')}
      </>,
      'multiple-roots',
    ],
  ])('refuses %s', (_, tree, code) => {
    expect(() => render(tree, { validate: false })).toThrow(TwiMLValidationError);
    try {
      render(tree, { validate: false });
    } catch (error) {
      expect((error as TwiMLValidationError).problems.map((p) => p.code)).toEqual([code]);
    }
  });

  it('still writes one root of any kind, with comments around it', () => {
    expect(
      render(
        <>
          <Comment>v2</Comment>
          {say('not in a Response')}
        </>,
        { validate: false },
      ),
    ).toBe(DECLARATION + '<!-- v2 --><Say>not in a Response</Say>');
  });
});

describe("a document over Twilio's 64 kB (issue 15 item 4)", () => {
  it('is refused at once, read from the tree, before anything else is checked or written', () => {
    const big = (
      <Response>
        <Gather numDigits={0} />
        {Array.from({ length: 10_000 }, (_, i) => (
          <Pause key={i} length={1} />
        ))}
      </Response>
    );
    try {
      render(big);
      expect.unreachable('render() should throw');
    } catch (error) {
      // The out-of-range numDigits is not even looked at: the size alone refuses it.
      expect((error as TwiMLValidationError).problems.map((p) => p.code)).toEqual(['document-too-large']);
      expect((error as TwiMLValidationError).message).toMatch(
        /the document is 1\d{5} bytes; Twilio accepts at most 65536/,
      );
    }
    // validate() still lists every problem, the size last.
    expect(validate(big).map((p) => p.code)).toEqual(['out-of-range', 'document-too-large']);
    // Pretty output is measured as written; unvalidated output is not limited.
    expect(() => render(big, { pretty: true })).toThrow(TwiMLValidationError);
    expect(render(big, { validate: false }).length).toBeGreaterThan(65_536);
  });
});
