/**
 * `parse()`: raw TwiML (XML) to the same element tree JSX builds, so `validate()` and
 * `render()` take it. Built on `sax` in strict mode, which finds the structure and its line and
 * column; what sax lets through although XML 1.0 forbids it, or refuses although XML 1.0 allows
 * it, is settled here, from the source text itself:
 * - read as XML 1.0 reads: a byte order mark before the document is no part of it (§4.3.3, F.1);
 *   line breaks (CR LF, CR) are line feeds (§2.11); literal tabs and line breaks in attribute
 *   values are spaces (§3.3.3); attributes are read here, one quoted value after another;
 * - refused, with the line and column: DOCTYPE (so no entity declarations, external entities or
 *   expansion bombs), references other than `&amp; &lt; &gt; &quot; &apos;` and character
 *   references to characters XML can carry (names are case-sensitive: `&AMP;` is refused),
 *   `]]>` in text, CDATA outside the root, `<!…>` declarations, whitespace between `<` or `</`
 *   and the name, a malformed XML declaration, processing instructions, duplicate attributes,
 *   a second root, characters XML cannot carry, and nesting deeper than `maxDepth`.
 *
 * @see https://www.w3.org/TR/xml/ (XML 1.0, fifth edition)
 */
import sax from 'sax';
import {
  COMMENT,
  describeValue,
  FRAGMENT,
  invalidCharacterIndex,
  makeElement,
  MAX_DEPTH,
  POSITION,
  specOf,
  type SourcePosition,
  type TwiMLChild,
  type TwiMLElement,
} from '../core.js';

/** Malformed or refused XML. `line` and `column` are 1-based (a byte order mark is not counted). */
export class XmlParseError extends Error {
  override name = 'XmlParseError' as const;

  constructor(
    /** What is wrong, without the position. */
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
  }
}

export interface ParseOptions {
  /**
   * Deepest nesting accepted, in levels of elements; deeper documents are refused with the line
   * and column of the first element too deep. An integer from 1 to 256 (`MAX_DEPTH`, the most
   * any element tree may hold).
   * @default 256
   */
  readonly maxDepth?: number;
}

/** sax's messages, said in TwiML terms. */
const SAX_REASONS: Record<string, string> = {
  'Text data outside of root node.':
    'text outside the root element (only comments and whitespace may surround <Response>)',
  'Unclosed root tag': 'the document ends before its root element is closed',
  'Unexpected close tag': 'a closing tag that does not match the open element',
  'Non-whitespace before first tag.': 'text before the root element',
};

/** The five entities XML predefines (XML 1.0 §4.6); names are case-sensitive. */
const PREDEFINED = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const PREDEFINED_LIST = '&amp; &lt; &gt; &quot; &apos;';

/** From `&` on: what a reference could be, for the message, and its `;` if it has one. */
const REFERENCE = /&([^\s;&<>"']*)(;?)/y;
/** A character reference, `&#233;` or `&#xE9;` (lowercase x: XML 1.0 §4.1). */
const CHARACTER_REFERENCE = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/;
/** What needs a look in text: references and `]]>` (XML 1.0 §2.4). */
const TEXT_MARK = /&|\]\]>/g;
/** A comment sax does not report. */
const EMPTY_COMMENT = '<!---->';
/** What needs work in an attribute value: references, `<`, and tabs and line feeds (§3.3.3). */
const VALUE_MARK = /[&<\t\n]/g;
/** One attribute: whitespace, name, `=`, a value in double or single quotes (XML 1.0 §3.1). */
const ATTRIBUTE = /[ \t\n]+([^ \t\n=/>"'<]+)[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)')/y;
/** The end of a start tag. */
const START_TAG_END = /[ \t\n]*\/?>/y;
/** The XML declaration (XML 1.0 §2.8, §4.3.3, §2.9). */
const DECLARATION = (() => {
  const s = '[ \\t\\n]+';
  const eq = '[ \\t\\n]*=[ \\t\\n]*';
  const quoted = (value: string) => `(?:"${value}"|'${value}')`;
  return new RegExp(
    `^<\\?xml${s}version${eq}${quoted('1\\.[0-9]+')}` +
      `(?:${s}encoding${eq}${quoted('[A-Za-z][A-Za-z0-9._-]*')})?` +
      `(?:${s}standalone${eq}${quoted('(?:yes|no)')})?[ \\t\\n]*\\?>$`,
  );
})();

/** Converts character offsets to 1-based lines and columns. */
class Lines {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): SourcePosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}

interface Open {
  readonly type: string;
  readonly attributes: Record<string, string>;
  readonly children: TwiMLChild[];
  readonly position: SourcePosition;
  readonly selfClosing: boolean;
}

/** True when `text` is whitespace only. */
const blank = (text: string) => /^[ \t\r\n]*$/.test(text);

/**
 * Drops what is only layout: whitespace-only text in an element that holds no text at all
 * (`<Response>`, `<Gather>`…), and indentation (whitespace with a line break) in an element
 * whose only text is whitespace. A space between two SSML tags in `<Say>` is kept.
 */
function withoutIndentation(type: string, children: TwiMLChild[]): TwiMLChild[] {
  const spec = specOf(type);
  if (spec !== undefined && spec.text === undefined) return children.filter((c) => typeof c !== 'string' || !blank(c));
  if (!children.every((c) => typeof c !== 'string' || blank(c))) return children;
  return children.filter((c) => typeof c !== 'string' || !c.includes('\n'));
}

function finish(open: Open): TwiMLElement {
  const element = makeElement(open.type, open.attributes, withoutIndentation(open.type, open.children));
  Object.defineProperty(element, POSITION, { value: open.position, enumerable: false });
  return element;
}

/** Comments are written `<!-- text -->`; one space each side is the writer's, not the text's. */
function commentText(raw: string): string {
  return raw.length >= 2 && raw.startsWith(' ') && raw.endsWith(' ') ? raw.slice(1, -1) : raw;
}

/** `maxDepth`, checked: an integer from 1 to `MAX_DEPTH`. */
function depthLimit(value: unknown): number {
  if (value === undefined) return MAX_DEPTH;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_DEPTH) return value;
  const message = `twiml-jsx: parse() option maxDepth must be an integer from 1 to ${MAX_DEPTH} (no element tree nests deeper than ${MAX_DEPTH} levels); got ${typeof value === 'number' ? value : describeValue(value)}`;
  throw typeof value === 'number' ? new RangeError(message) : new TypeError(message);
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, '0');

/**
 * Parses TwiML into an element tree.
 *
 * Whitespace-only text between elements (indentation of pretty-printed documents) is dropped;
 * comments are kept (as `#comment` elements). A document with comments around `<Response>`
 * gives a `#fragment`. `render(parse(x), { validate: false })` is `x` for any `x` that `render`
 * wrote. Elements remember their line and column, which `validate()` reports.
 *
 * Reads as XML 1.0 does: a leading byte order mark (U+FEFF) is skipped, CR LF and CR are read as
 * LF, and literal tabs and line breaks in attribute values as spaces (write `&#xA;` to keep one).
 *
 * @throws XmlParseError for anything XML 1.0 does not allow (malformed markup, an undefined or
 * miscased entity such as `&AMP;`, `]]>` in text, CDATA outside the root, duplicate attributes…)
 * and for what TwiML refuses (a DOCTYPE, processing instructions, a second root, text outside the
 * root, nesting deeper than `maxDepth`); `line` and `column` say where.
 * @throws RangeError (TypeError when it is not a number) for a `maxDepth` that is not an integer
 * from 1 to 256.
 * @see https://www.w3.org/TR/xml/
 * @example
 * parse('<Response><Say>Hi</Say></Response>') // the same tree as <Response><Say>Hi</Say></Response>
 * parse('<Response><Say>&AMP;</Say></Response>')
 * // XmlParseError: line 1, column 16: &AMP; is not an XML entity: entity names are case-sensitive; write &amp;
 */
export function parse(xml: string, options?: ParseOptions): TwiMLElement {
  if (typeof xml !== 'string') throw new TypeError(`twiml-jsx: parse() expects a string, got ${typeof xml}`);
  const maxDepth = depthLimit(options?.maxDepth);
  // A byte order mark is no part of the document (XML 1.0 §4.3.3, F.1); line ends are LF (§2.11).
  const text = (xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml).replace(/\r\n?/g, '\n');
  const lines = new Lines(text);
  const fail = (reason: string, offset: number): never => {
    const { line, column } = lines.at(offset);
    throw new XmlParseError(reason, line, column);
  };

  // sax would skip this one too: it is text before the root.
  if (text.charCodeAt(0) === 0xfeff) fail('text before the root element (U+FEFF, a second byte order mark)', 0);
  const bad = invalidCharacterIndex(text);
  if (bad !== -1) fail(`U+${hex(text.charCodeAt(bad))} cannot appear in XML`, bad);

  /** The character the reference at `at` (an `&`) stands for, and where the reference ends. */
  const reference = (at: number): [string, number] => {
    REFERENCE.lastIndex = at;
    const [written, body, semicolon] = REFERENCE.exec(text) as RegExpExecArray;
    const end = at + written.length;
    if (body === '') fail('"&" starts a reference; write &amp; for the character itself', at);
    if (semicolon === '') fail(`the reference &${body} has no closing ";" (write &amp; for a lone "&")`, at);
    const named = PREDEFINED.get(body);
    if (named !== undefined) return [named, end];
    const numeric = CHARACTER_REFERENCE.exec(body);
    if (numeric !== null) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
      const char = code <= 0x10ffff ? String.fromCodePoint(code) : '';
      if (char === '' || invalidCharacterIndex(char) !== -1)
        fail(`${written} refers to ${char === '' ? 'no character' : `U+${hex(code)}, which XML cannot carry`}`, at);
      return [char, end];
    }
    if (body.startsWith('#X')) fail(`${written}: hexadecimal character references start with "&#x" (lowercase x)`, at);
    if (body.startsWith('#')) fail(`${written} is not a character reference (they read &#233; or &#xE9;)`, at);
    const lower = body.toLowerCase();
    if (PREDEFINED.has(lower))
      fail(`${written} is not an XML entity: entity names are case-sensitive; write &${lower};`, at);
    return fail(
      `${written} is not an XML entity (only ${PREDEFINED_LIST} and character references such as &#233; exist)`,
      at,
    );
  };

  /**
   * Text or an attribute value as XML reads it, from `start` to `end`: references decoded; `]]>`
   * refused in text; in attribute values `<` refused and literal tabs and line feeds read as spaces.
   */
  const decode = (start: number, end: number, marks: RegExp): string => {
    const raw = text.slice(start, end);
    let out = '';
    let from = 0;
    marks.lastIndex = 0;
    for (let mark = marks.exec(raw); mark !== null; mark = marks.exec(raw)) {
      out += raw.slice(from, mark.index);
      const at = start + mark.index;
      if (mark[0] === '&') {
        const [char, after] = reference(at);
        out += char;
        marks.lastIndex = after - start;
      } else if (mark[0] === ']]>') {
        fail('"]]>" cannot appear in text (write ]]&gt;)', at);
      } else if (mark[0] === '<') {
        fail('"<" cannot appear in an attribute value (write &lt;)', at);
      } else {
        out += ' ';
      }
      from = marks.lastIndex;
    }
    return out + raw.slice(from);
  };

  /** The attributes of the start tag of `name` from `offset` (its `<`) to `end` (after its `>`). */
  const attributesOf = (name: string, offset: number, end: number): Record<string, string> => {
    const entries: [string, string][] = [];
    const seen = new Set<string>();
    let at = offset + 1 + name.length;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const match = ATTRIBUTE.exec(text);
      if (match === null) break;
      const attribute = match[1];
      if (seen.has(attribute))
        fail(`attribute ${attribute} appears twice in <${name}>`, match.index + match[0].search(/[^ \t\n]/));
      seen.add(attribute);
      const raw = match[2] ?? match[3];
      const valueStart = ATTRIBUTE.lastIndex - 1 - raw.length;
      entries.push([attribute, decode(valueStart, valueStart + raw.length, VALUE_MARK)]);
      at = ATTRIBUTE.lastIndex;
    }
    START_TAG_END.lastIndex = at;
    if (!START_TAG_END.test(text) || START_TAG_END.lastIndex !== end) fail(`a malformed start tag <${name}>`, at);
    // Own properties, whatever the names (even __proto__).
    return Object.fromEntries(entries);
  };

  // strictEntities: only XML's five entities (the types lag behind sax's options).
  const parser = sax.parser(true, { position: true, strictEntities: true } as sax.SAXOptions);
  const stack: Open[] = [];
  const top: TwiMLChild[] = [];
  let roots = 0;
  /** Where the text after the last markup sax reported begins. */
  let textStart = 0;
  const here = () => parser.startTagPosition - 1;
  /**
   * Where the markup sax reports starts, checked to begin with `opener` exactly: sax lets
   * whitespace through after "<", and reads `<![cdata[` as CDATA.
   */
  const markup = (opener: string, reason: string, inside = 0): number => {
    const at = here();
    if (/[ \t\n]/.test(text.charAt(at + 1))) fail('nothing may come between "<" and what follows it', at + 1);
    if (!text.startsWith(opener, at)) fail(reason, at + inside);
    return at;
  };
  const append = (child: TwiMLChild) => {
    const children = stack.length > 0 ? stack[stack.length - 1].children : top;
    const last = children.length - 1;
    if (typeof child === 'string' && last >= 0 && typeof children[last] === 'string') children[last] += child;
    else children.push(child);
  };
  const comment = (content: string, offset: number) => {
    const body = commentText(content);
    const element = makeElement(COMMENT, {}, body === '' ? [] : [body]);
    Object.defineProperty(element, POSITION, { value: lines.at(offset), enumerable: false });
    append(element);
  };
  /**
   * Reads what lies between the last markup sax reported and `end` (the next one): text, read
   * from the source, and empty comments `<!---->`, which sax reports as nothing at all.
   */
  const between = (end: number) => {
    for (let at = textStart; at < end; ) {
      const next = text.indexOf('<', at);
      const stop = next === -1 || next > end ? end : next;
      if (stop > at) append(decode(at, stop, TEXT_MARK));
      if (stop === end) break;
      if (!text.startsWith(EMPTY_COMMENT, stop)) fail('markup the parser did not report', stop);
      comment('', stop);
      at = stop + EMPTY_COMMENT.length;
    }
    textStart = end;
  };

  parser.onerror = (error) => {
    const reason = error.message.split('\n')[0];
    // sax stops at the end of a reference it refuses; say what is wrong from its "&".
    if (reason === 'Invalid character entity' || reason === 'Invalid character in entity name') {
      const at = text.lastIndexOf('&', parser.position - 1);
      if (at !== -1) reference(at);
    }
    const unmatched = /^Unmatched closing tag: (.*)$/.exec(reason);
    const friendly = unmatched ? `a closing tag </${unmatched[1]}> with no open element` : SAX_REASONS[reason];
    throw new XmlParseError(friendly ?? reason, parser.line + 1, parser.column);
  };
  parser.ondoctype = () =>
    fail('DOCTYPE is not allowed in TwiML (no DTDs, no entity declarations)', Math.max(0, text.search(/<!DOCTYPE/i)));
  parser.onsgmldeclaration = (declaration) =>
    fail(`<!${declaration}> is not XML content: only comments <!-- --> and <![CDATA[ ]]> start with "<!"`, here());
  parser.onprocessinginstruction = (instruction) => {
    markup('<?', 'a malformed processing instruction');
    if (instruction.name !== 'xml')
      fail(`processing instruction <?${instruction.name}?> is not allowed in TwiML`, here());
    if (here() !== 0) fail('the XML declaration must come first, at the very start', here());
    if (!DECLARATION.test(text.slice(0, parser.position)))
      fail('a malformed XML declaration: it reads <?xml version="1.0" encoding="UTF-8"?> (standalone optional)', 0);
    textStart = parser.position;
  };
  // sax records attributes in its own object, dropping a repeated name silently and calling the
  // object's hasOwnProperty (which an attribute of that name replaces); keep it empty: attributes
  // are read from the source in onopentag.
  parser.onattribute = (attribute) => {
    delete (parser.tag.attributes as Record<string, unknown>)[attribute.name];
  };
  parser.onopentag = (tag) => {
    const offset = markup(`<${tag.name}`, 'a malformed start tag');
    between(offset);
    if (stack.length === 0 && roots++ > 0) fail(`a second root element <${tag.name}>; a document has one root`, offset);
    if (stack.length >= maxDepth) fail(`elements nest deeper than ${maxDepth} levels`, offset);
    stack.push({
      type: tag.name,
      attributes: attributesOf(tag.name, offset, parser.position),
      children: [],
      position: lines.at(offset),
      selfClosing: tag.isSelfClosing,
    });
    textStart = parser.position;
  };
  parser.onclosetag = (name) => {
    const open = stack[stack.length - 1];
    if (open === undefined) return;
    if (!open.selfClosing) {
      between(markup(`</${name}`, `the element name must follow "</" directly: </${name}>`, 2));
      textStart = parser.position;
    }
    stack.pop();
    append(finish(open));
  };
  parser.onopencdata = () => {
    between(markup('<![CDATA[', 'a CDATA section starts with "<![CDATA[" (in capitals)'));
    if (stack.length === 0) fail('a CDATA section outside the root element (CDATA is text: it belongs inside)', here());
  };
  // CDATA is text as written (sax reports an empty section as nothing).
  parser.oncdata = (content) => append(content);
  parser.onclosecdata = () => {
    textStart = parser.position;
  };
  parser.oncomment = (content) => {
    between(markup('<!--', 'a malformed comment'));
    comment(content, here());
    // sax reports a comment at its "--", before the ">".
    textStart = text.indexOf('-->', here() + 4) + 3;
  };

  parser.write(text).close();
  between(text.length);

  // sax refuses non-whitespace text outside the root; what is left there is whitespace.
  const nodes = top.filter((c): c is TwiMLElement => typeof c !== 'string');
  if (roots === 0) fail('the document has no root element', text.length);
  return nodes.length === 1 ? nodes[0] : makeElement(FRAGMENT, {}, nodes);
}
