import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
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
  Response,
  Say,
  SayAs,
  type TwiMLElement,
  TwiMLValidationError,
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
    expect(String(warn.mock.calls[0][0])).toMatch(/1 warning\n {2}unreachable at Response > Say/);
    warn.mockRestore();
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
    const words = (code: string) =>
      code
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
