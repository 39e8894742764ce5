/**
 * `parse()` reads XML 1.0 as XML 1.0 says (issue 13, item 7): what it allows is read (a byte order
 * mark, attribute values holding `name=`, quotes of the other kind or references…), what it
 * forbids is refused with the line and column (miscased entities, `]]>` in text, CDATA outside the
 * root…). Literal cases first (the inputs leading each table), then generated documents
 * that must parse to the tree they describe, and one-defect mutations of them that must be
 * refused where the defect is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT, FRAGMENT, makeElement, type TwiMLChild, type TwiMLElement, validate } from 'twiml-jsx/core';
import { parse, XmlParseError } from 'twiml-jsx/xml';

/** The error `parse(input)` throws (fails the test when it returns). */
function refusal(input: string, options?: Parameters<typeof parse>[1]): unknown {
  try {
    parse(input, options);
  } catch (error) {
    return error;
  }
  throw new Error(`parse() accepted ${JSON.stringify(input)}`);
}

/** Line and column of `offset` in `source` as an editor counts them: no BOM, CR LF and CR are one break. */
function positionIn(source: string, offset: number): { line: number; column: number } {
  let prefix = source.slice(0, offset);
  if (prefix.startsWith('\uFEFF')) prefix = prefix.slice(1);
  prefix = prefix.replace(/\r\n?/g, '\n');
  return { line: prefix.split('\n').length, column: prefix.length - (prefix.lastIndexOf('\n') + 1) + 1 };
}

const el = (type: string, attributes: Record<string, string> = {}, children: TwiMLChild[] = []) =>
  makeElement(type, attributes, children);

describe('parse() accepts what XML 1.0 allows', () => {
  const parameter = '<Parameter name="filter" value="where name=42"/>';
  const cases: [string, string, TwiMLElement][] = [
    [
      'a UTF-8 byte order mark before the XML declaration (issue 13)',
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
      el('Response', {}, [el('Hangup')]),
    ],
    [
      'an attribute value holding "name=" (issue 13)',
      `<Response><Dial><Client><Identity>alice</Identity>${parameter}</Client></Dial></Response>`,
      el('Response', {}, [
        el('Dial', {}, [
          el('Client', {}, [
            el('Identity', {}, ['alice']),
            el('Parameter', { name: 'filter', value: 'where name=42' }),
          ]),
        ]),
      ]),
    ],
    ['a byte order mark without a declaration', '\uFEFF<Response/>', el('Response')],
    [
      'a value that looks like a second attribute, in single quotes',
      `<Response><Parameter value='x" name="y' name="z"/></Response>`,
      el('Response', {}, [el('Parameter', { value: 'x" name="y', name: 'z' })]),
    ],
    [
      'quotes written as entities inside a value',
      '<Response><Parameter value="a&quot; name=&quot;b" name="c"/></Response>',
      el('Response', {}, [el('Parameter', { value: 'a" name="b', name: 'c' })]),
    ],
    [
      'equals signs, ">" and "]]>" in a value, spaces around "="',
      '<Response><Parameter name = "a=b=c" value=\'>]]>\'/></Response>',
      el('Response', {}, [el('Parameter', { name: 'a=b=c', value: '>]]>' })]),
    ],
    [
      'attribute names an object already has',
      '<Response><Parameter hasOwnProperty="1" __proto__="2" constructor="3"/></Response>',
      el('Response', {}, [
        el(
          'Parameter',
          Object.fromEntries([
            ['hasOwnProperty', '1'],
            ['__proto__', '2'],
            ['constructor', '3'],
          ]),
        ),
      ]),
    ],
    [
      'Windows line ends: CR LF and CR are read as LF (§2.11)',
      '\uFEFF<?xml version="1.0"?>\r\n<Response>\r\n  <Say>one\r\ntwo\rthree</Say>\r\n</Response>\r\n',
      el('Response', {}, [el('Say', {}, ['one\ntwo\nthree'])]),
    ],
    [
      'literal tabs and line breaks in a value are spaces; references to them are kept (§3.3.3)',
      '<Response><Gather hints="a\tb\r\nc\nd&#9;e&#xA;f&#xD;"/></Response>',
      el('Response', {}, [el('Gather', { hints: 'a b c d\te\nf\r' })]),
    ],
    [
      'character references with leading zeros, either case of hex digit, outside the BMP',
      '<Response><Say>&#x0041;&#0066;&#x1f600;&#x1F600;&#65533;</Say></Response>',
      el('Response', {}, [el('Say', {}, ['AB😀😀\uFFFD'])]),
    ],
    [
      '"]]" and "]>" in text, and "]]>" written ]]&gt;',
      '<Response><Say>]] ]> ]]&gt;</Say></Response>',
      el('Response', {}, [el('Say', {}, [']] ]> ]]>'])]),
    ],
    [
      'a full XML declaration in single quotes, and whitespace before ">" of an end tag',
      "<?xml version='1.0' encoding='utf-8' standalone='yes' ?><Response><Say>a</Say\n></Response >",
      el('Response', {}, [el('Say', {}, ['a'])]),
    ],
    [
      'CDATA inside the root, holding "<", "&" and "]]"',
      '<Response><Say><![CDATA[<a & b>]]]]><![CDATA[>]]></Say></Response>',
      el('Response', {}, [el('Say', {}, ['<a & b>]]>'])]),
    ],
  ];

  it.each(cases)('%s', (_, input, expected) => {
    expect(parse(input)).toEqual(expected);
  });

  it('the Parameter of the issue is valid TwiML once parsed', () => {
    expect(validate(parse(cases[1][1]))).toEqual([]);
  });
});

describe('parse() refuses what XML 1.0 forbids, saying where', () => {
  const cases: [string, string, RegExp, number, number][] = [
    // The inputs first.
    [
      'a miscased entity &AMP; (issue 13)',
      '<Response><Say>&AMP;</Say></Response>',
      /^&AMP; is not an XML entity: entity names are case-sensitive; write &amp;$/,
      1,
      16,
    ],
    ['a miscased entity &Lt; (issue 13)', '<Response><Say>&Lt;</Say></Response>', /write &lt;$/, 1, 16],
    ['CDATA after the root (issue 13)', '<Response/><![CDATA[x]]>', /^a CDATA section outside the root element/, 1, 12],
    ['"]]>" in text (issue 13)', '<Response><Say>a]]>b</Say></Response>', /^"]]>" cannot appear in text/, 1, 17],
    // The kind: references.
    [
      '&AMP; in an attribute value',
      '<Response><Redirect method="&AMP;">/a</Redirect></Response>',
      /case-sensitive/,
      1,
      29,
    ],
    ['&Quot; after a BOM and CR LF lines', '\uFEFF<Response>\r\n<Say>&Quot;</Say></Response>', /write &quot;/, 2, 6],
    ['an undefined entity', '<Response><Say>&nbsp;</Say></Response>', /^&nbsp; is not an XML entity \(only/, 1, 16],
    ['&constructor;', '<Response><Say>&constructor;</Say></Response>', /not an XML entity/, 1, 16],
    ['an uppercase X in a character reference', '<Response><Say>&#X41;</Say></Response>', /lowercase x/, 1, 16],
    ['a reference to U+0000', '<Response><Say>&#0;</Say></Response>', /^&#0; refers to U\+0000, which XML/, 1, 16],
    ['a reference to U+FFFE', '<Response><Say a="&#xFFFE;"/></Response>', /U\+FFFE, which XML/, 1, 19],
    ['a reference to a surrogate', '<Response><Say>&#xD800;</Say></Response>', /U\+D800/, 1, 16],
    ['a reference past U+10FFFF', '<Response><Say>&#x110000;</Say></Response>', /refers to no character/, 1, 16],
    ['digits and letters mixed', '<Response><Say>&#12a;</Say></Response>', /not a character reference/, 1, 16],
    ['a lone "&"', '<Response><Say>fish & chips</Say></Response>', /^"&" starts a reference; write &amp;/, 1, 21],
    ['a reference without ";"', '<Response><Say>&amp chips</Say></Response>', /&amp has no closing ";"/, 1, 16],
    // The kind: CDATA, "]]>" and declarations.
    ['CDATA before the root', '<![CDATA[]]><Response/>', /CDATA section outside the root/, 1, 1],
    ['CDATA in lowercase', '<Response><Say><![cdata[x]]></Say></Response>', /in capitals/, 1, 16],
    ['"]]>" after a CDATA section', '<Response><Say><![CDATA[a]]>]]></Say></Response>', /"]]>" cannot appear/, 1, 29],
    ['an SGML declaration', '<Response><!ELEMENT Say ANY></Response>', /<!ELEMENT Say ANY> is not XML content/, 1, 11],
    // The kind: markup sax lets through.
    ['space after "<"', '< Response/>', /nothing may come between "<" and what follows it/, 1, 2],
    ['space after "</"', '<Response><Say>a</ Say></Response>', /must follow "<\/" directly/, 1, 19],
    [
      '"<" in an attribute value',
      '<Response><Gather action="/a<b"/></Response>',
      /^"<" cannot appear in an attribute value/,
      1,
      29,
    ],
    [
      'a duplicate attribute, on its own line',
      '<Response><Gather\n\ttimeout="1"\n\ttimeout="2"/></Response>',
      /attribute timeout appears twice in <Gather>/,
      3,
      2,
    ],
    ['a second byte order mark', '\uFEFF\uFEFF<Response/>', /a second byte order mark/, 1, 1],
    ['an XML declaration of version 2.0', '<?xml version="2.0"?><Response/>', /malformed XML declaration/, 1, 1],
    ['an XML declaration without version', '<?xml encoding="UTF-8"?><Response/>', /malformed XML declaration/, 1, 1],
    [
      'an XML declaration with other fields',
      '<?xml version="1.0" lang="en"?><Response/>',
      /malformed XML declaration/,
      1,
      1,
    ],
    ['an XML declaration after a BOM and a space', '\uFEFF <?xml version="1.0"?><Response/>', /must come first/, 1, 2],
  ];

  it.each(cases)('%s', (_, input, reason, line, column) => {
    const error = refusal(input);
    expect(error).toBeInstanceOf(XmlParseError);
    expect(error).toMatchObject({
      name: 'XmlParseError',
      line,
      column,
      message: `line ${line}, column ${column}: ${(error as XmlParseError).reason}`,
    });
    expect((error as XmlParseError).reason).toMatch(reason);
  });
});

describe('maxDepth', () => {
  const nested = (levels: number) =>
    '<Response>' + '<Say>'.repeat(levels - 1) + '</Say>'.repeat(levels - 1) + '</Response>';

  it('above 256 is refused as an option value, saying which values are allowed (issue 13)', () => {
    expect(() => parse('<Response/>', { maxDepth: 300 })).toThrow(
      new RangeError(
        'twiml-jsx: parse() option maxDepth must be an integer from 1 to 256 (no element tree nests deeper than 256 levels); got 300',
      ),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, 257])('refuses %s as a RangeError', (maxDepth) => {
    expect(() => parse('<Response/>', { maxDepth })).toThrow(RangeError);
    expect(() => parse('<Response/>', { maxDepth })).toThrow(/maxDepth must be an integer from 1 to 256/);
  });

  it('refuses a value that is not a number as a TypeError', () => {
    expect(() => parse('<Response/>', { maxDepth: '10' as unknown as number })).toThrow(
      /maxDepth must be an integer from 1 to 256 .*; got the string "10"|got '10'|got "10"/,
    );
  });

  it('from 1 to 256: deeper documents are refused at the first element too deep', () => {
    expect(parse(nested(256), { maxDepth: 256 })).toBeTruthy();
    expect(refusal(nested(257))).toMatchObject({
      reason: 'elements nest deeper than 256 levels',
      line: 1,
      column: 11 + 5 * 255,
    });
    expect(refusal('<Response>\n  <Gather>\n    <Say/>', { maxDepth: 2 })).toMatchObject({ line: 3, column: 5 });
    expect(parse('<Response/>', { maxDepth: 1 })).toEqual(el('Response'));
  });
});

// ── Generated documents ──

/** A piece of a generated document; `slot` pieces are empty places where a mutation may insert. */
interface Token {
  src: string;
  kind: 'bom' | 'decl' | 'misc' | 'open' | 'attr' | 'tail' | 'text' | 'ref' | 'cdata' | 'comment' | 'close' | 'slot';
  /** Where a slot is: element content, an attribute value, a comment, outside the root, or after a tag's attributes. */
  where?: 'content' | 'value' | 'comment' | 'outside' | 'attributes';
  /** For `ref`: the named entity; for `attributes` slots: the names already there. */
  entity?: string;
  names?: string[];
  name?: string;
}

interface Doc {
  tokens: Token[];
  expected: TwiMLElement;
}

interface Built {
  tokens: Token[];
  node: TwiMLChild;
}

const slot = (where: Token['where']): Token => ({ src: '', kind: 'slot', where });
const lf = (text: string) => text.replace(/\r\n?/g, '\n');
const blank = (text: string) => /^[ \t\r\n]*$/.test(text);

/** Whitespace XML allows between markup: spaces, tabs and the three line ends, never ending in a lone CR. */
const space = (min: number) =>
  fc.array(fc.constantFrom(' ', '\t', '\n', '\r\n'), { minLength: min, maxLength: 3 }).map((s) => s.join(''));

/** Element and attribute names TwiML does not define (so parse() keeps all their text). */
const elementName = fc.constantFrom('el', 'x-y', 'n:m', '_q', 'v.w1');
const attributeNames = fc.uniqueArray(
  fc.constantFrom('name', 'value', 'a', 'b-c', 'x:y', '_u', 'hasOwnProperty', '__proto__', 'constructor'),
  { maxLength: 4 },
);

/** Characters XML can carry; text is only ever written with `&`, `<` as references. */
const CHAR = [
  'a',
  'Z',
  '0',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '>',
  ']',
  '"',
  "'",
  '=',
  'é',
  '😀',
  '\uFEFF',
  '\u00A0',
  '/',
  '?',
  '!',
  '-',
];
const plain = (extra: string[] = [], minLength = 1) =>
  fc
    .array(fc.constantFrom(...CHAR, ...extra), { minLength, maxLength: 6 })
    .map((s) => s.join(''))
    .filter((s) => !s.includes(']]>') && !s.endsWith(']') && !s.endsWith('\r'));

const codePoint = fc.oneof(
  fc.constantFrom(
    0x9,
    0xa,
    0xd,
    0x20,
    0x22,
    0x26,
    0x27,
    0x3c,
    0x3e,
    0x5d,
    0xe9,
    0xfeff,
    0xfffd,
    0xd7ff,
    0xe000,
    0x10000,
    0x1f600,
    0x10ffff,
  ),
  fc.integer({ min: 0x20, max: 0xd7ff }),
);
/** A reference and the character it stands for. */
const reference: fc.Arbitrary<[Token, string]> = fc.oneof(
  fc
    .constantFrom<[string, string]>(['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"])
    .map(([name, char]): [Token, string] => [{ src: `&${name};`, kind: 'ref', entity: name }, char]),
  fc
    .tuple(codePoint, fc.nat(2), fc.boolean(), fc.boolean())
    .map(([code, zeros, hexadecimal, upper]): [Token, string] => {
      const digits = hexadecimal ? code.toString(16)[upper ? 'toUpperCase' : 'toLowerCase']() : String(code);
      return [
        { src: `&#${hexadecimal ? 'x' : ''}${'0'.repeat(zeros)}${digits};`, kind: 'ref' },
        String.fromCodePoint(code),
      ];
    }),
);

/** Literal text of an attribute value: may hold `name=`, `]]>`, `>` and either quote (the other one is dropped). */
const valueText = fc
  .array(fc.constantFrom(...CHAR, 'name=', '=', ']]>', ' x="1"'), { minLength: 1, maxLength: 6 })
  .map((s) => s.join(''))
  .filter((s) => !s.endsWith('\r'));

/** One attribute: its tokens (value pieces between slots) and its name and value as XML reads them. */
const attribute = (name: string) =>
  fc
    .tuple(
      space(1),
      space(0),
      space(0),
      fc.constantFrom('"', "'"),
      fc.array(
        fc.oneof(
          valueText.map((text): [Token, string] => [{ src: text, kind: 'text' }, lf(text).replace(/[\t\n]/g, ' ')]),
          reference,
        ),
        { maxLength: 4 },
      ),
    )
    .map(([lead, before, after, quote, pieces]) => {
      const kept = pieces.filter(([token]) => token.kind === 'ref' || !token.src.includes(quote));
      const tokens: Token[] = [{ src: `${lead}${name}${before}=${after}${quote}`, kind: 'attr', name }, slot('value')];
      for (const [token] of kept) tokens.push({ ...token, where: 'value' }, slot('value'));
      tokens.push({ src: quote, kind: 'attr' });
      return { tokens, name, value: kept.map(([, value]) => value).join('') };
    });

const comment: fc.Arbitrary<Built> = fc
  .array(fc.constantFrom('a', ' ', '-', '<', '&', '>', ']]>', '\n', '\r\n', 'é'), { maxLength: 6 })
  .map((s) => s.join(''))
  .filter((body) => !body.includes('--') && !body.endsWith('-'))
  .map((body) => {
    const text = lf(body);
    const inner = text.length >= 2 && text.startsWith(' ') && text.endsWith(' ') ? text.slice(1, -1) : text;
    return {
      tokens: [{ src: '<!--', kind: 'comment' }, slot('comment'), { src: `${body}-->`, kind: 'comment' }],
      node: makeElement(COMMENT, {}, inner === '' ? [] : [inner]),
    };
  });

const cdata: fc.Arbitrary<Built> = fc
  .array(fc.constantFrom('a', ' ', '<', '&', ']', ']]', '>', '\n', '\r\n', '&amp;'), { maxLength: 5 })
  .map((s) => s.join(''))
  .filter((body) => !body.includes(']]>'))
  .map((body) => ({ tokens: [{ src: `<![CDATA[${body}]]>`, kind: 'cdata' }], node: lf(body) }));

const text: fc.Arbitrary<Built> = plain().map((raw) => ({ tokens: [{ src: raw, kind: 'text' }], node: lf(raw) }));
const textReference: fc.Arbitrary<Built> = reference.map(([token, char]) => ({ tokens: [token], node: char }));

/** Children as parse() gives them: adjacent text joined, and indentation dropped where all text is blank. */
function children(nodes: TwiMLChild[]): TwiMLChild[] {
  const joined: TwiMLChild[] = [];
  for (const node of nodes) {
    if (node === '') continue;
    const last = joined.length - 1;
    if (typeof node === 'string' && typeof joined[last] === 'string') joined[last] += node;
    else joined.push(node);
  }
  if (!joined.every((c) => typeof c !== 'string' || blank(c))) return joined;
  return joined.filter((c) => typeof c !== 'string' || !c.includes('\n'));
}

const element: (depth: number) => fc.Arbitrary<Built> = fc.memo((depth: number) =>
  fc
    .tuple(
      elementName,
      attributeNames.chain((names) => fc.tuple(...names.map(attribute))),
      space(0),
      space(0),
      fc.boolean(),
      depth > 1
        ? fc.array(fc.oneof({ weight: 3, arbitrary: text }, textReference, cdata, comment, element(depth - 1)), {
            maxLength: 4,
          })
        : fc.array(fc.oneof(text, textReference, cdata, comment), { maxLength: 3 }),
    )
    .map(([name, attributes, beforeEnd, closeSpace, selfClose, content]): Built => {
      const tokens: Token[] = [{ src: `<${name}`, kind: 'open', name }];
      for (const a of attributes) tokens.push(...a.tokens);
      tokens.push({ src: '', kind: 'slot', where: 'attributes', names: attributes.map((a) => a.name) });
      const values = Object.fromEntries(attributes.map((a) => [a.name, a.value]));
      if (content.length === 0 && selfClose) {
        tokens.push({ src: `${beforeEnd}/>`, kind: 'tail' });
        return { tokens, node: makeElement(name, values, []) };
      }
      tokens.push({ src: `${beforeEnd}>`, kind: 'tail' }, slot('content'));
      for (const item of content) tokens.push(...item.tokens, slot('content'));
      tokens.push({ src: `</${name}${closeSpace}>`, kind: 'close', name });
      return { tokens, node: makeElement(name, values, children(content.map((c) => c.node))) };
    }),
);

const declaration = fc.oneof(
  fc.constant(''),
  fc
    .tuple(
      fc.constantFrom('"', "'"),
      space(1),
      space(0),
      fc.constantFrom('', ' encoding="UTF-8"', " encoding='utf-8'", '\nencoding = "UTF-16"'),
      fc.constantFrom('', ' standalone="yes"', " standalone='no'"),
      space(0),
    )
    .map(
      ([q, s1, s2, encoding, standalone, s3]) => `<?xml${s1}version${s2}=${q}1.0${q}${encoding}${standalone}${s3}?>`,
    ),
);

const misc = fc.array(
  fc.oneof(
    space(1).map((s): Built => ({ tokens: [{ src: s, kind: 'misc' }], node: '' })),
    comment,
  ),
  {
    maxLength: 3,
  },
);

/** A well-formed document (with a BOM, CR LF line ends, comments around the root…) and the tree it holds. */
const documents: fc.Arbitrary<Doc> = fc
  .tuple(fc.boolean(), declaration, misc, element(3), misc)
  .map(([bom, decl, before, root, after]) => {
    const tokens: Token[] = [];
    if (bom) tokens.push({ src: '\uFEFF', kind: 'bom' });
    if (decl) tokens.push({ src: decl, kind: 'decl' });
    tokens.push(slot('outside'));
    for (const item of before) tokens.push(...item.tokens, slot('outside'));
    tokens.push(...root.tokens, slot('outside'));
    for (const item of after) tokens.push(...item.tokens, slot('outside'));
    const nodes = [...before, root, ...after]
      .map((b) => b.node)
      .filter((n): n is TwiMLElement => typeof n !== 'string');
    return { tokens, expected: nodes.length === 1 ? nodes[0] : makeElement(FRAGMENT, {}, nodes) };
  });

const source = (tokens: readonly Token[]) => tokens.map((t) => t.src).join('');

/** A document with one defect, where the defect starts, and what parse() must say about it. */
interface Mutant {
  label: string;
  source: string;
  offset: number;
  reason: RegExp;
}

/** Every one-defect mutation of a document whose defect is `variant`-th of its kind. */
function mutants(doc: Doc, variant: number): Mutant[] {
  const out: Mutant[] = [];
  const { tokens } = doc;
  const pick = <T>(list: readonly T[]) => list[variant % list.length];
  const replace = (index: number, src: string, inner: number, label: string, reason: RegExp) => {
    const mutated = tokens.map((t, i) => (i === index ? { ...t, src } : t));
    out.push({ label, source: source(mutated), offset: source(tokens.slice(0, index)).length + inner, reason });
  };
  tokens.forEach((token, i) => {
    if (token.kind === 'ref' && token.entity !== undefined) {
      const cased = pick([token.entity.toUpperCase(), token.entity[0].toUpperCase() + token.entity.slice(1)]);
      replace(i, `&${cased};`, 0, 'miscased entity', new RegExp(`case-sensitive; write &${token.entity};`));
    }
    if (token.kind === 'open') replace(i, `< ${token.name}`, 1, 'space after <', /nothing may come between "<"/);
    if (token.kind === 'close')
      replace(i, token.src.replace('</', '</ '), 2, 'space after </', /must follow "<\/" directly/);
    if (token.kind === 'cdata') replace(i, token.src.replace('CDATA', 'cdata'), 0, 'lowercase CDATA', /in capitals/);
    if (token.kind === 'decl')
      replace(i, token.src.replace('1.0', pick(['2.0', '1.x', '1'])), 0, 'declaration', /malformed XML declaration/);
    if (token.kind !== 'slot') return;
    const inserted = (src: string, label: string, reason: RegExp, inner = 0) => replace(i, src, inner, label, reason);
    const badCharacter = pick(['\u0001', '\u000B', '\uFFFF', '\uDC00', '\uD800x']);
    const badCode = `U\\+${badCharacter.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    switch (token.where) {
      case 'content':
        inserted(']]>', ']]> in text', /"]]>" cannot appear in text/);
        inserted(pick(['&nbsp;', '&copy;', '&Amp;']), 'undefined entity', /is not an XML entity/);
        inserted(
          pick(['&#0;', '&#xFFFE;', '&#xD800;', '&#x110000;', '&#X41;', '&#;', '&#1a;']),
          'bad character reference',
          /refers to|not a character reference|lowercase x/,
        );
        inserted('& ', 'lone &', /"&" starts a reference/);
        inserted(badCharacter, 'bad character', new RegExp(`${badCode} cannot appear in XML`));
        break;
      case 'value':
        inserted(
          pick(['&nbsp;', '&GT;', '&#X9;', '&#xFFFF;', '& ']),
          'bad reference in a value',
          /not an XML entity|lowercase x|refers to|"&" starts/,
        );
        inserted('<', '< in a value', /"<" cannot appear in an attribute value/);
        inserted(badCharacter, 'bad character in a value', new RegExp(`${badCode} cannot appear in XML`));
        break;
      case 'comment':
        inserted(badCharacter, 'bad character in a comment', new RegExp(`${badCode} cannot appear in XML`));
        break;
      case 'outside':
        inserted('<![CDATA[x]]>', 'CDATA outside the root', /CDATA section outside the root/);
        break;
      case 'attributes':
        if (token.names?.length) {
          const name = pick(token.names);
          inserted(
            `${pick([' ', '\n', '\t'])}${name}="again"`,
            'duplicate attribute',
            new RegExp(`attribute ${name} appears twice`),
            1,
          );
        }
        break;
    }
  });
  return out;
}

describe('generated documents', () => {
  it('every well-formed document parses to the tree it holds (BOM, declarations, CR LF, references, CDATA, comments)', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        expect(parse(source(doc.tokens))).toEqual(doc.expected);
      }),
      { numRuns: Number(process.env.XML_RUNS ?? 1000) },
    );
  });

  it('every one-defect mutation is refused at the defect', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(documents, fc.nat(), fc.nat(), (doc, which, variant) => {
        const all = mutants(doc, variant);
        const mutant = all[which % all.length];
        kinds.add(mutant.label);
        const error = refusal(mutant.source);
        expect(error, mutant.label).toBeInstanceOf(XmlParseError);
        expect((error as XmlParseError).reason, mutant.label).toMatch(mutant.reason);
        const { line, column } = error as XmlParseError;
        expect({ line, column }, `${mutant.label} in ${JSON.stringify(mutant.source)}`).toEqual(
          positionIn(mutant.source, mutant.offset),
        );
      }),
      { numRuns: Number(process.env.XML_RUNS ?? 2000) },
    );
    // Every kind of defect was tried.
    expect([...kinds].sort()).toEqual(
      [
        '< in a value',
        ']]> in text',
        'CDATA outside the root',
        'bad character',
        'bad character in a comment',
        'bad character in a value',
        'bad character reference',
        'bad reference in a value',
        'declaration',
        'duplicate attribute',
        'lone &',
        'lowercase CDATA',
        'miscased entity',
        'space after <',
        'space after </',
        'undefined entity',
      ].sort(),
    );
  });
});
