/**
 * A canonical form of TwiML for comparisons that ignore formatting: attributes sorted by
 * name, indentation dropped, text with its whitespace collapsed, comments left out.
 */
import { COMMENT, FRAGMENT, isElement, makeElement, render, type TwiMLChild, type TwiMLElement } from '../core.js';
import { parse } from '../xml/index.js';
import { describe } from './describe.js';

/** A TwiML document as an element or as XML text. */
export type TwiMLLike = TwiMLElement | string;

/** Reads an element or TwiML text into a tree; anything else is a TypeError. */
export function toTree(value: TwiMLLike): TwiMLElement {
  if (isElement(value)) return value;
  if (typeof value === 'string') return parse(value);
  throw new TypeError(`twiml-jsx/testing: expected an element or TwiML text, got ${describe(value)}`);
}

function canonicalChildren(children: readonly TwiMLChild[]): TwiMLChild[] {
  const out: TwiMLChild[] = [];
  for (const child of children) {
    if (typeof child === 'string') {
      const text = child.replace(/\s+/g, ' ');
      const last = out.length - 1;
      if (last >= 0 && typeof out[last] === 'string') out[last] += text;
      else out.push(text);
    } else if (child.type === FRAGMENT) {
      out.push(...canonicalChildren(child.children));
    } else if (child.type !== COMMENT) {
      out.push(canonicalElement(child));
    }
  }
  // Whitespace at the edges of an element's content is formatting; so is whitespace alone.
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  const end = out.length - 1;
  if (end >= 0 && typeof out[end] === 'string') out[end] = (out[end] as string).trimEnd();
  return out.filter((c) => c !== '');
}

/**
 * The canonical tree: sorted attributes, collapsed whitespace, no comments, no fragments. Like
 * `canonicalXml()`, it takes an element or TwiML text (parsed, so malformed XML throws an
 * `XmlParseError`); anything else throws a `TypeError`.
 */
export function canonical(value: TwiMLLike): TwiMLElement {
  return canonicalElement(toTree(value));
}

function canonicalElement(element: TwiMLElement): TwiMLElement {
  if (element.type === FRAGMENT) {
    const roots = canonicalChildren(element.children).filter((c): c is TwiMLElement => typeof c !== 'string');
    return roots.length === 1 ? roots[0] : makeElement(FRAGMENT, {}, roots);
  }
  const attributes: Record<string, string> = {};
  for (const name of Object.keys(element.attributes).sort()) attributes[name] = element.attributes[name];
  return makeElement(element.type, attributes, canonicalChildren(element.children));
}

/** The canonical form written as indented XML, for readable diffs. Takes what `canonical()` takes. */
export function canonicalXml(value: TwiMLLike): string {
  return render(canonical(value), { validate: false, pretty: true, declaration: false });
}
