/** `twiml-jsx/xml`: parsing raw TwiML, refusing hostile XML, and converting to .tsx. */
import fc from 'fast-check';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as core from 'twiml-jsx';
import {
  Break,
  Comment,
  Gather,
  Hangup,
  Pause,
  render,
  Response,
  Say,
  SayAs,
  type TwiMLElement,
  validate,
} from 'twiml-jsx';
import { parse, toTsx, XmlParseError } from 'twiml-jsx/xml';
import { toElement } from './support/official.js';
import { documentOf, xmlText } from './support/samples.js';

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;

describe('parse()', () => {
  it('gives the tree JSX builds', () => {
    const parsed = parse(
      xml(
        '<Response><Gather input="dtmf speech" numDigits="1"><Say voice="Polly.Joanna">Press 1 &amp; wait</Say><Pause length="2"/></Gather><Hangup/></Response>',
      ),
    );
    expect(parsed).toEqual(
      <Response>
        <Gather input={['dtmf', 'speech']} numDigits={1}>
          <Say voice="Polly.Joanna">Press 1 &amp; wait</Say>
          <Pause length={2} />
        </Gather>
        <Hangup />
      </Response>,
    );
    expect(core.isElement(parsed)).toBe(true);
  });

  it('ignores indentation of pretty-printed documents but keeps meaningful spaces', () => {
    const pretty = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Gather numDigits="1">
    <Say>Press 1</Say>
  </Gather>
  <Say voice="Polly.Joanna"><say-as interpret-as="digits">12</say-as> <break time="1s"/></Say>
</Response>
`;
    expect(parse(pretty)).toEqual(
      <Response>
        <Gather numDigits={1}>
          <Say>Press 1</Say>
        </Gather>
        <Say voice="Polly.Joanna">
          <SayAs interpretAs="digits">12</SayAs> <Break time="1s" />
        </Say>
      </Response>,
    );
    const tree = (
      <Response>
        <Say>a</Say>
        <Hangup />
      </Response>
    );
    expect(parse(render(tree, { pretty: true }))).toEqual(tree);
  });

  it('keeps comments, inside the root and around it', () => {
    const parsed = parse(xml('<!-- before --><Response><!-- inside --><Hangup/></Response><!-- after -->'));
    expect(parsed).toEqual(
      <>
        <Comment>before</Comment>
        <Response>
          <Comment>inside</Comment>
          <Hangup />
        </Response>
        <Comment>after</Comment>
      </>,
    );
  });

  it('decodes entities, character references and CDATA', () => {
    expect(
      parse('<Response><Say>&lt;&gt;&amp;&quot;&apos;&#233;&#x1F600;<![CDATA[<raw & text>]]></Say></Response>'),
    ).toEqual(
      <Response>
        <Say>{`<>&"'é😀<raw & text>`}</Say>
      </Response>,
    );
    expect(parse('<Response><Gather hints="a&#xA;b&#x9;c&#xD;"/></Response>')).toMatchObject({
      children: [{ attributes: { hints: 'a\nb\tc\r' } }],
    });
  });

  it('remembers where each element is, and validate() reports it', () => {
    const problems = validate(parse('<Response>\n  <Gather>\n    <Dial>+15555550100</Dial>\n  </Gather>\n</Response>'));
    expect(problems).toMatchObject([{ code: 'invalid-child', path: 'Response > Gather > Dial', line: 3, column: 5 }]);
  });

  it('round-trips anything render() wrote, byte for byte', () => {
    const noBlankText = xmlText.filter((text) => text.trim() !== '');
    fc.assert(
      fc.property(documentOf(noBlankText), fc.boolean(), (doc, declaration) => {
        const written = render(toElement(doc), { validate: false, declaration });
        expect(render(parse(written), { validate: false, declaration })).toBe(written);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parse() refuses hostile and malformed XML, saying where', () => {
  const cases: [string, string, RegExp, number, number][] = [
    ['a DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE Response>\n<Response/>', /DOCTYPE is not allowed/, 2, 1],
    [
      'entity declarations (billion laughs)',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Response><Say>&lol2;</Say></Response>',
      /DOCTYPE is not allowed/,
      1,
      1,
    ],
    [
      'an external entity (XXE)',
      '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Response><Say>&xxe;</Say></Response>',
      /DOCTYPE/,
      1,
      1,
    ],
    ['an undefined entity', '<Response><Say>&nbsp;</Say></Response>', /&nbsp; is not an XML entity/, 1, 16],
    ['a second root', '<Response/>\n<Response/>', /a second root element <Response>/, 2, 1],
    ['trailing text', '<Response/>trailing', /text outside the root element/, 1, 12],
    ['text before the root', 'hello<Response/>', /text before the root element/, 1, 1],
    ['a mismatched closing tag', '<Response><Say>x</Gather></Response>', /closing tag that does not match/, 1, 25],
    ['an unclosed root', '<Response><Say>x</Say>', /ends before its root element is closed/, 1, 22],
    [
      'a duplicate attribute',
      '<Response><Gather timeout="1" timeout="2"/></Response>',
      /attribute timeout appears twice in <Gather>/,
      1,
      31,
    ],
    ['an unquoted attribute', '<Response><Pause length=2/></Response>', /Unquoted attribute value/, 1, 25],
    [
      '"<" in an attribute value',
      '<Response><Gather action="/a<b"/></Response>',
      /"<" cannot appear in an attribute value/,
      1,
      29,
    ],
    [
      'a processing instruction',
      '<Response><?php echo 1; ?></Response>',
      /processing instruction <\?php\?> is not allowed/,
      1,
      11,
    ],
    ['a misplaced XML declaration', '\n<?xml version="1.0"?><Response/>', /XML declaration must come first/, 2, 1],
    ['a control character', '<Response>\n<Say>a\u0007b</Say></Response>', /U\+0007 cannot appear in XML/, 2, 7],
    ['a lone surrogate', '<Response><Say>\uD800</Say></Response>', /U\+D800 cannot appear in XML/, 1, 16],
    ['an empty document', '', /no root element/, 1, 1],
    [
      'nesting past the limit',
      '<Response>' + '<Say>'.repeat(300) + '</Say>'.repeat(300) + '</Response>',
      /nest deeper than 256 levels/,
      1,
      1286,
    ],
  ];

  it.each(cases)('%s', (_, input, message, line, column) => {
    let error: unknown;
    try {
      parse(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlParseError);
    const { reason, line: l, column: c, message: full } = error as XmlParseError;
    expect(reason).toMatch(message);
    expect({ line: l, column: c }).toEqual({ line, column });
    expect(full).toBe(`line ${line}, column ${column}: ${reason}`);
  });

  it('takes large flat documents without trouble', () => {
    const big = '<Response>' + '<Pause length="1"/>'.repeat(20000) + '</Response>';
    expect(parse(big).children).toHaveLength(20000);
  });
});

/** Compiles a toTsx() module with esbuild and renders its default export. */
function compileAndRender(source: string): string {
  const { code } = transformSync(source, {
    loader: 'tsx',
    jsx: 'transform',
    jsxFactory: 'createElement',
    jsxFragment: 'Fragment',
    format: 'cjs',
  });
  const module = { exports: {} as Record<string, unknown> };
  const requireCore = (id: string) => {
    if (id !== 'twiml-jsx') throw new Error(`unexpected import ${id}`);
    return core;
  };
  new Function('module', 'exports', 'require', 'createElement', 'Fragment', code)(
    module,
    module.exports,
    requireCore,
    core.createElement,
    core.Fragment,
  );
  const Flow = module.exports.default as () => TwiMLElement;
  return render(core.createElement(Flow, {}), { validate: false });
}

describe('toTsx()', () => {
  it('writes a typed module with its imports', () => {
    const source = toTsx(
      parse(
        xml(
          '<Response><Gather input="dtmf speech" numDigits="1" actionOnEmptyResult="true" speechTimeout="3" action="/m?a=1&amp;b=2"><Say voice="Polly.Joanna">Press "1" {now}</Say></Gather><Say><say-as interpret-as="digits">12</say-as> <break time="1s"/></Say><!-- end --><Hangup/></Response>',
        ),
      ),
    );
    expect(source).toBe(
      [
        "import { Break, Comment, Gather, Hangup, Response, Say, SayAs } from 'twiml-jsx';",
        '',
        'export default function Flow() {',
        '  return (',
        '    <Response>',
        '      <Gather input={["dtmf", "speech"]} numDigits={1} actionOnEmptyResult speechTimeout={3} action={"/m?a=1&b=2"}>',
        '        <Say voice="Polly.Joanna">{"Press \\"1\\" {now}"}</Say>',
        '      </Gather>',
        '      <Say><SayAs interpretAs="digits">12</SayAs>{" "}<Break time="1s" /></Say>',
        '      <Comment>end</Comment>',
        '      <Hangup />',
        '    </Response>',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('refuses elements TwiML does not have', () => {
    expect(() => toTsx(parse('<Response><Speak>x</Speak></Response>'))).toThrow(
      /cannot convert <Speak>: TwiML has no such element/,
    );
  });

  it('converting, compiling and rendering gives the same document', () => {
    fc.assert(
      fc.property(documentOf(xmlText.filter((t) => t.trim() !== '')), (doc) => {
        const original = render(toElement(doc), { validate: false });
        expect(compileAndRender(toTsx(parse(original)))).toBe(original);
      }),
      { numRuns: 300 },
    );
  });
});
