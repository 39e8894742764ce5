/**
 * The XML writers behind `render()`: compact (byte-identical to the official helper) and
 * pretty (indented for people). A document that cannot be written as XML throws a
 * `TwiMLValidationError` whose problem says where.
 */
import { COMMENT, FRAGMENT, type TwiMLChild, type TwiMLElement, compactXmlOf } from '../runtime/element.js';
import { joinPath, segmentOf } from '../validate/path.js';
import { type Problem, TwiMLValidationError } from '../validate/problem.js';
import { InvalidCharacterError, assertXmlChars, escapeAttribute, escapeText, isSafeName } from './escape.js';

/** Thrown inside the writers; turned into a `TwiMLValidationError` with a path by `render()`. */
class UnwritableError extends Error {}

function writeComment(element: TwiMLElement): string {
  const text = element.children.join('');
  assertXmlChars(text);
  if (text.includes('--')) throw new UnwritableError('comment');
  return '<!-- ' + text + ' -->';
}

function openTag(element: TwiMLElement): string {
  const type = element.type;
  if (!isSafeName(type)) throw new UnwritableError('name');
  let out = '<' + type;
  const attributes = element.attributes;
  for (const name in attributes) {
    if (!isSafeName(name)) throw new UnwritableError('name');
    out += ' ' + name + '="' + escapeAttribute(attributes[name]) + '"';
  }
  return out;
}

/** Compact XML: no whitespace added anywhere. Elements built by this library carry theirs. */
function writeCompact(element: TwiMLElement): string {
  const cached = compactXmlOf(element);
  if (cached !== undefined) return cached;
  const type = element.type;
  if (type === FRAGMENT) return writeCompactChildren(element.children);
  if (type === COMMENT) return writeComment(element);
  const children = element.children;
  const open = openTag(element);
  if (children.length === 0) return open + '/>';
  return open + '>' + writeCompactChildren(children) + '</' + type + '>';
}

function writeCompactChildren(children: readonly TwiMLChild[]): string {
  let out = '';
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    out += typeof child === 'string' ? escapeText(child) : writeCompact(child);
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
      out += typeof child === 'string' ? pad + escapeText(child) : writePretty(child, indent, depth);
    }
    return out;
  }
  if (type === COMMENT) return pad + writeComment(element);
  const children = element.children;
  if (children.length === 0 || children.some((c) => typeof c === 'string')) return pad + writeCompact(element);
  let out = pad + openTag(element) + '>';
  for (const child of children) out += writePretty(child as TwiMLElement, indent, depth + 1);
  return out + pad + '</' + type + '>';
}

/** Finds where a document cannot be written, for the error message (slow path, errors only). */
function unwritableProblem(root: TwiMLElement): Problem {
  const visit = (element: TwiMLElement, path: readonly string[]): Problem | undefined => {
    const at = joinPath(path);
    try {
      if (element.type === COMMENT) writeComment(element);
      else if (element.type !== FRAGMENT) openTag(element);
    } catch (error) {
      return describeUnwritable(error, element, at);
    }
    const children = element.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (typeof child !== 'string') {
        const found = visit(child, [...path, segmentOf(children, i)]);
        if (found) return found;
      } else if (element.type !== COMMENT) {
        try {
          escapeText(child);
        } catch (error) {
          return describeUnwritable(error, element, at, 'text');
        }
      }
    }
    return undefined;
  };
  return (
    visit(root, root.type === FRAGMENT ? [] : [root.type]) ?? {
      severity: 'error',
      code: 'unwritable',
      message: 'the document cannot be written as XML',
      path: '',
    }
  );
}

function describeUnwritable(error: unknown, element: TwiMLElement, path: string, where = ''): Problem {
  const tag = element.type === COMMENT ? 'comment' : `<${element.type}>`;
  if (error instanceof InvalidCharacterError) {
    const code = error.value.charCodeAt(error.index).toString(16).toUpperCase().padStart(4, '0');
    let owner = where === 'text' ? `the text of ${tag}` : `${tag}`;
    if (where !== 'text' && element.type !== COMMENT) {
      const name = Object.keys(element.attributes).find((n) => element.attributes[n] === error.value);
      if (name !== undefined) owner = `attribute ${name} of ${tag}`;
    }
    return {
      severity: 'error',
      code: 'invalid-character',
      message: `${owner} contains U+${code} at index ${error.index}, which XML 1.0 cannot carry; remove it`,
      path,
    };
  }
  if (element.type === COMMENT) {
    return {
      severity: 'error',
      code: 'invalid-comment',
      message: 'a comment cannot contain "--"',
      path,
    };
  }
  const bad = [element.type, ...Object.keys(element.attributes)].find((n) => !isSafeName(n)) ?? element.type;
  return {
    severity: 'error',
    code: 'invalid-name',
    message: `${JSON.stringify(bad)} is not a valid XML name`,
    path,
  };
}

/** Writes a tree as XML (without the declaration); pretty output starts with a newline. */
export function writeXml(node: TwiMLElement, indent?: string): string {
  try {
    return indent === undefined ? writeCompact(node) : writePretty(node, indent, 0);
  } catch (error) {
    if (error instanceof InvalidCharacterError || error instanceof UnwritableError) {
      throw new TwiMLValidationError([unwritableProblem(node)]);
    }
    throw error;
  }
}

/** Twilio refuses TwiML responses over 64 kB (error 11750). */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

/** The `document-too-large` problem for a written document, if it is over Twilio's limit. */
export function sizeProblem(xml: string): Problem | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: short documents need no counting.
  if (xml.length * 3 <= MAX_DOCUMENT_BYTES) return undefined;
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes <= MAX_DOCUMENT_BYTES) return undefined;
  return {
    severity: 'error',
    code: 'document-too-large',
    message: `the document is ${bytes} bytes; Twilio accepts at most ${MAX_DOCUMENT_BYTES} (64 kB). Split it with <Redirect>`,
    path: 'Response',
    twilioCode: 11750,
  };
}
