/**
 * `parse()`: raw TwiML (XML) to the same element tree JSX builds, so `validate()` and
 * `render()` take it. Built on `sax` in strict mode, with what sax leaves out added here:
 * no DOCTYPE (so no entity declarations, external entities or expansion bombs), no
 * processing instructions besides the XML declaration, no duplicate attributes, no second
 * root, no characters XML cannot carry, and a depth limit.
 */
import sax from 'sax';
import {
  COMMENT,
  FRAGMENT,
  makeElement,
  MAX_DEPTH,
  POSITION,
  specOf,
  type SourcePosition,
  type TwiMLChild,
  type TwiMLElement,
} from '../core.js';

/** Malformed or refused XML. `line` and `column` are 1-based. */
export class XmlParseError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'XmlParseError';
  }
}

export interface ParseOptions {
  /**
   * Deepest nesting accepted; deeper documents are refused rather than risking the stack.
   * @default 256
   */
  readonly maxDepth?: number;
}

/** sax's messages, said in TwiML terms. */
const SAX_REASONS: Record<string, string> = {
  'Text data outside of root node.':
    'text outside the root element (only comments and whitespace may surround <Response>)',
  'Invalid character entity':
    'an entity TwiML does not define (only &amp; &lt; &gt; &quot; &apos; and character references like &#233; exist)',
  'Unclosed root tag': 'the document ends before its root element is closed',
  'Unexpected close tag': 'a closing tag that does not match the open element',
  'Non-whitespace before first tag.': 'text before the root element',
};

const INVALID_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ATTRIBUTE_NAME = /\s([^\s=/>]+)\s*=/g;

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

/**
 * Parses TwiML into an element tree.
 *
 * Whitespace-only text between elements (indentation of pretty-printed documents) is dropped;
 * comments are kept (as `#comment` elements). A document with comments around `<Response>`
 * gives a `#fragment`. `render(parse(x), { validate: false })` is `x` for any `x` that `render`
 * wrote. Elements remember their line and column, which `validate()` reports.
 *
 * @throws XmlParseError for malformed XML, a DOCTYPE or entity declaration, an undefined
 * entity, processing instructions, trailing content after the root, or nesting deeper than
 * `maxDepth`; the message gives the line and column.
 * @example
 * parse('<Response><Say>Hi</Say></Response>') // the same tree as <Response><Say>Hi</Say></Response>
 */
export function parse(xml: string, options?: ParseOptions): TwiMLElement {
  if (typeof xml !== 'string') throw new TypeError(`twiml-jsx: parse() expects a string, got ${typeof xml}`);
  const maxDepth = options?.maxDepth ?? MAX_DEPTH;
  const lines = new Lines(xml);
  const fail = (reason: string, offset: number): never => {
    const { line, column } = lines.at(offset);
    throw new XmlParseError(reason, line, column);
  };

  const bad = INVALID_CHAR.exec(xml);
  if (bad) {
    const offset = bad.index + (bad[0].length === 2 && !/[\uD800-\uDBFF]/.test(bad[0][0]) ? 1 : 0);
    const code = xml.charCodeAt(offset).toString(16).toUpperCase().padStart(4, '0');
    fail(`U+${code} cannot appear in XML`, offset);
  }

  // strictEntities: only XML's five entities (the types lag behind sax's options).
  const parser = sax.parser(true, { position: true, strictEntities: true } as sax.SAXOptions);
  const stack: Open[] = [];
  const top: TwiMLChild[] = [];
  let roots = 0;
  let sawContent = false;
  const here = () => parser.startTagPosition - 1;
  const append = (child: TwiMLChild) => {
    const children = stack.length > 0 ? stack[stack.length - 1].children : top;
    const last = children.length - 1;
    if (typeof child === 'string' && last >= 0 && typeof children[last] === 'string') children[last] += child;
    else children.push(child);
  };

  parser.onerror = (error) => {
    const reason = error.message.split('\n')[0];
    const unmatched = /^Unmatched closing tag: (.*)$/.exec(reason);
    const friendly = unmatched ? `a closing tag </${unmatched[1]}> with no open element` : SAX_REASONS[reason];
    throw new XmlParseError(friendly ?? reason, parser.line + 1, parser.column);
  };
  parser.ondoctype = () =>
    fail('DOCTYPE is not allowed in TwiML (no DTDs, no entity declarations)', Math.max(0, xml.search(/<!DOCTYPE/i)));
  parser.onprocessinginstruction = (instruction) => {
    if (instruction.name !== 'xml')
      fail(`processing instruction <?${instruction.name}?> is not allowed in TwiML`, here());
    if (sawContent || here() !== 0) fail('the XML declaration must come first, at the very start', here());
    sawContent = true;
  };
  parser.onopentag = (tag) => {
    const offset = here();
    sawContent = true;
    if (stack.length === 0 && roots++ > 0) fail(`a second root element <${tag.name}>; a document has one root`, offset);
    if (stack.length >= maxDepth) fail(`elements nest deeper than ${maxDepth} levels`, offset);
    const source = xml.slice(offset, parser.position);
    if (source.indexOf('<', 1) !== -1)
      fail(`"<" cannot appear inside the tag <${tag.name}> (write &lt; in attribute values)`, offset);
    const seen = new Set<string>();
    for (const match of source.matchAll(ATTRIBUTE_NAME)) {
      if (seen.has(match[1])) fail(`attribute ${match[1]} appears twice in <${tag.name}>`, offset);
      seen.add(match[1]);
    }
    stack.push({
      type: tag.name,
      attributes: { ...(tag.attributes as Record<string, string>) },
      children: [],
      position: lines.at(offset),
    });
  };
  parser.onclosetag = () => {
    const open = stack.pop();
    if (open) append(finish(open));
  };
  parser.ontext = (text) => {
    sawContent = true;
    if (stack.length > 0) append(text);
  };
  parser.oncdata = (text) => append(text);
  parser.oncomment = (text) => {
    sawContent = true;
    const position = lines.at(here());
    const body = commentText(text);
    const comment = makeElement(COMMENT, {}, body === '' ? [] : [body]);
    Object.defineProperty(comment, POSITION, { value: position, enumerable: false });
    append(comment);
  };

  parser.write(xml).close();

  // sax refuses non-whitespace text outside the root; what is left there is whitespace.
  const nodes = top.filter((c): c is TwiMLElement => typeof c !== 'string');
  if (roots === 0) fail('the document has no root element', xml.length);
  return nodes.length === 1 ? nodes[0] : makeElement(FRAGMENT, {}, nodes);
}
