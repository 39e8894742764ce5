/**
 * The XML writers behind `render()`: compact (byte-identical to the official helper) and
 * pretty (indented for people). They only write: a tree that cannot be written as XML makes
 * them throw an {@link UnwritableDocumentError}, and `render()` asks the validator where.
 */
import { COMMENT, FRAGMENT } from '../runtime/brand.js';
import { type TwiMLChild, type TwiMLElement, compactXmlOf } from '../runtime/element.js';
import { writeText } from '../xml-text/escape.js';
import { writeComment, writeStartTag } from '../xml-text/markup.js';

/** The tree holds a name, a character or a comment that XML cannot carry. */
export class UnwritableDocumentError extends Error {
  override name = 'UnwritableDocumentError' as const;
  constructor() {
    super('the document cannot be written as XML');
  }
}

function written<T>(value: T | undefined): T {
  if (value === undefined) throw new UnwritableDocumentError();
  return value;
}

const comment = (element: TwiMLElement): string => written(writeComment(element.children.join('')));
const startTag = (element: TwiMLElement): string => written(writeStartTag(element.type, element.attributes));
const text = (value: string): string => written(writeText(value));

/** Compact XML: no whitespace added anywhere. Elements built by this library carry theirs. */
function writeCompact(element: TwiMLElement): string {
  const cached = compactXmlOf(element);
  if (cached !== undefined) return cached;
  const type = element.type;
  if (type === FRAGMENT) return writeCompactChildren(element.children);
  if (type === COMMENT) return comment(element);
  const children = element.children;
  const open = startTag(element);
  if (children.length === 0) return open + '/>';
  return open + '>' + writeCompactChildren(children) + '</' + type + '>';
}

function writeCompactChildren(children: readonly TwiMLChild[]): string {
  let out = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    out += typeof child === 'string' ? text(child) : writeCompact(child);
  }
  return out;
}

/** Indented XML; an element with any text child is written compactly on its line. */
function writePretty(element: TwiMLElement, indent: string, depth: number): string {
  const type = element.type;
  const pad = '\n' + indent.repeat(depth);
  if (type === FRAGMENT) {
    let out = '';
    for (const child of element.children) {
      out += typeof child === 'string' ? pad + text(child) : writePretty(child, indent, depth);
    }
    return out;
  }
  if (type === COMMENT) return pad + comment(element);
  const children = element.children;
  if (children.length === 0 || children.some((c) => typeof c === 'string')) return pad + writeCompact(element);
  let out = pad + startTag(element) + '>';
  for (const child of children) out += writePretty(child as TwiMLElement, indent, depth + 1);
  return out + pad + '</' + type + '>';
}

/**
 * Writes a tree as XML (without the declaration); pretty output starts with a newline.
 *
 * @throws UnwritableDocumentError when the tree cannot be written as XML.
 */
export function writeXml(node: TwiMLElement, indent?: string): string {
  return indent === undefined ? writeCompact(node) : writePretty(node, indent, 0);
}
