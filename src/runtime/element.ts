/**
 * The element tree: plain data that JSX builds, `parse()` reads from XML, `render()` writes
 * and `validate()` checks.
 *
 * An element is `{ $$typeof, type, attributes, children }`:
 * - `type` is the XML tag as rendered (`Say`, `say-as`), or `#fragment` / `#comment`;
 * - `attributes` maps XML attribute names to their string form, in the order written
 *   (`numDigits={1}` is stored as `numDigits: "1"`, `input={['dtmf','speech']}` as
 *   `input: "dtmf speech"`);
 * - `children` holds elements and strings; adjacent text is already joined.
 *
 * `$$typeof` is a registered symbol, so objects that merely look like elements (parsed JSON,
 * hand-written literals) are never taken for one.
 *
 * Elements are immutable. Those built here also carry their compact XML, written once when the
 * element is built, so rendering a tree is mostly joining strings its elements already hold.
 */
import { isSafeName, writeAttribute, writeText } from '../render/escape.js';
import { COMMENT, ELEMENT, FRAGMENT, POSITION } from './brand.js';

export { COMMENT, ELEMENT, FRAGMENT, POSITION };

/** A 1-based line and column in a source document. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The source position of an element read by `parse()`, if any. */
export function positionOf(element: TwiMLElement): SourcePosition | undefined {
  return (element as TwiMLElement & { [POSITION]?: SourcePosition })[POSITION];
}

/** One node of the tree: an element, with its attributes and children. */
export interface TwiMLElement<Type extends string = string> {
  readonly $$typeof: typeof ELEMENT;
  /** XML tag as rendered (`Say`, `say-as`), `#fragment` or `#comment`. */
  readonly type: Type;
  /** XML attribute name → value as it will be written, in the order written. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Child elements and text; adjacent text is joined, nothing empty is kept. */
  readonly children: readonly TwiMLChild[];
}

/** What an element's `children` array holds. */
export type TwiMLChild = TwiMLElement | string;

/** Anything JSX accepts as a child: nested arrays, and `null`/`undefined`/booleans for nothing. */
export type TwiMLNode = TwiMLElement | string | number | bigint | boolean | null | undefined | readonly TwiMLNode[];

/** A React-style `key`: accepted on every element and never rendered. */
export type Key = string | number | bigint;

/** True for elements built by this copy of the library (the fast check of the runtime). */
export function isOwnElement(value: unknown): value is TwiMLElement {
  return value instanceof Element;
}

/** True for elements built by this library (or by `parse()`); false for look-alikes. */
export function isElement(value: unknown): value is TwiMLElement {
  return typeof value === 'object' && value !== null && (value as TwiMLElement).$$typeof === ELEMENT;
}

const NO_CHILDREN: readonly TwiMLChild[] = Object.freeze([]);

/** Deepest nesting of elements (the same limit as `parse()`); TwiML needs a handful of levels. */
export const MAX_DEPTH = 256;

/**
 * The elements this library builds. Besides the public fields, each holds its compact XML,
 * written once when the element is built (`undefined` when it cannot be written, e.g. it holds a
 * control character: `render()` then walks the tree to say where). Names are checked when the
 * element is built.
 */
class Element implements TwiMLElement {
  readonly $$typeof: typeof ELEMENT = ELEMENT;
  readonly #xml: string | undefined;
  /** Levels of elements from this one down: bounded, so every walk over a tree is safe. */
  readonly #depth: number;
  /**
   * What validation found in this element and below, once worked out: the element is
   * immutable, so a subtree reused across documents (a module-level constant) is checked once.
   */
  #checked: readonly unknown[] | undefined = undefined;

  /** `open` is the start tag with its attributes, without `>`, when the caller wrote it already. */
  constructor(
    readonly type: string,
    readonly attributes: Readonly<Record<string, string>>,
    readonly children: readonly TwiMLChild[],
    open?: string | null,
  ) {
    let depth = 0;
    let xml: string | undefined;
    if (type === COMMENT) {
      xml = commentXml(children.join(''));
    } else {
      if (open === undefined) open = startTag(type, attributes);
      // One pass over the children: the deepest nesting below, and the XML (undefined once unwritable).
      xml = open === null ? undefined : type === FRAGMENT ? '' : children.length === 0 ? open + '/>' : open + '>';
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (typeof child === 'string') {
          if (xml !== undefined) {
            const text = writeText(child);
            xml = text === undefined ? undefined : xml + text;
          }
        } else if (#xml in child) {
          const built = child as Element;
          if (built.#depth > depth) depth = built.#depth;
          if (xml !== undefined) xml = built.#xml === undefined ? undefined : xml + built.#xml;
        } else {
          xml = undefined;
        }
      }
      if (xml !== undefined && children.length > 0 && type !== FRAGMENT) xml += '</' + type + '>';
    }
    if (depth >= MAX_DEPTH) {
      throw new RangeError(
        `twiml-jsx: <${type}> holds elements nested ${depth} levels deep; TwiML allows at most ${MAX_DEPTH}`,
      );
    }
    this.#depth = type === FRAGMENT ? depth : depth + 1;
    this.#xml = xml;
  }

  /** The compact XML of an element built here, or `undefined` (not built here, or unwritable). */
  static xmlOf(element: TwiMLElement): string | undefined {
    return #xml in element ? (element as Element).#xml : undefined;
  }

  static checkedOf(element: TwiMLElement): readonly unknown[] | undefined {
    return #checked in element ? (element as Element).#checked : undefined;
  }

  static remember(element: TwiMLElement, checked: readonly unknown[]): void {
    if (#checked in element) (element as Element).#checked = checked;
  }
}

/** `<tag name="value"…` (no `>`), or null when a value cannot be written. */
function startTag(type: string, attributes: Readonly<Record<string, string>>): string | null {
  let out = '<' + type;
  for (const name in attributes) {
    const value = writeAttribute(attributes[name]);
    if (value === undefined) return null;
    out += ' ' + name + '="' + value + '"';
  }
  return out;
}

/** A comment's XML, or undefined when its text cannot be in one. */
function commentXml(text: string): string | undefined {
  return text.includes('--') || writeText(text) === undefined ? undefined : '<!-- ' + text + ' -->';
}

/** The compact XML an element carries, if it was built by this library and can be written. */
export const compactXmlOf: (element: TwiMLElement) => string | undefined = Element.xmlOf;

/**
 * The validation result an element built here keeps for its subtree (see `validate.ts`), or
 * `undefined` when it was never checked or was built elsewhere; `rememberChecked` stores it.
 */
export const checkedOf: (element: TwiMLElement) => readonly unknown[] | undefined = Element.checkedOf;
export const rememberChecked: (element: TwiMLElement, checked: readonly unknown[]) => void = Element.remember;

/**
 * Builds an element from already-normalised parts (used by `parse()` and the runtime). Names
 * must be valid XML names: the caller has checked them.
 */
export function makeElement(
  type: string,
  attributes: Record<string, string>,
  children: readonly TwiMLChild[],
): TwiMLElement {
  return new Element(type, attributes, children.length === 0 ? NO_CHILDREN : children);
}

/** Describes a value for error messages: `an object`, `a function (Menu)`, `the symbol Symbol(x)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'function':
      return `a function${value.name ? ` (${value.name})` : ''}`;
    case 'object':
      return 'then' in value && typeof value.then === 'function' ? 'a Promise' : 'an object';
    case 'symbol':
      return `the symbol ${String(value)}`;
    case 'string':
      return JSON.stringify(value);
    default:
      return `${typeof value} ${String(value)}`;
  }
}

/** The string form of one attribute value, as the official helper writes it. */
function attributeString(value: unknown, tag: string, name: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) {
    let joined = '';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || item === undefined || typeof item === 'object' || typeof item === 'function') {
        throw new TypeError(
          `twiml-jsx: <${tag} ${name}> got ${describeValue(item)} at index ${i}; list items must be strings, numbers or booleans`,
        );
      }
      joined += (i === 0 ? '' : ' ') + attributeString(item, tag, name);
    }
    return joined;
  }
  throw new TypeError(
    `twiml-jsx: <${tag} ${name}> got ${describeValue(value)}; attribute values must be strings, numbers, booleans or arrays of them`,
  );
}

/** Appends one JSX child to `out`, flattening arrays and fragments and joining adjacent text. */
function pushChild(out: TwiMLChild[], child: unknown, tag: string): void {
  switch (typeof child) {
    case 'string':
      if (child === '') return;
      break;
    case 'number':
    case 'bigint':
      child = String(child);
      break;
    case 'boolean':
    case 'undefined':
      return;
    case 'object':
      if (child === null) return;
      if (Array.isArray(child)) {
        for (let i = 0; i < child.length; i++) pushChild(out, child[i], tag);
        return;
      }
      if (isElement(child)) {
        if (child.type === FRAGMENT) {
          for (let i = 0; i < child.children.length; i++) pushChild(out, child.children[i], tag);
          return;
        }
        out.push(child);
        return;
      }
      throw new TypeError(
        `twiml-jsx: <${tag}> got ${describeValue(child)} as a child; children must be elements, strings or numbers` +
          (describeValue(child) === 'a Promise' ? ' (components must be synchronous)' : ''),
      );
    default:
      throw new TypeError(
        `twiml-jsx: <${tag}> got ${describeValue(child)} as a child; children must be elements, strings or numbers` +
          (typeof child === 'function' ? ' (did you mean to render it as <Component />?)' : ''),
      );
  }
  const last = out.length - 1;
  if (last >= 0 && typeof out[last] === 'string') out[last] += child as string;
  else out.push(child as string);
}

/** Normalises a `children` prop into the array an element stores. */
export function normalizeChildren(children: unknown, tag: string): readonly TwiMLChild[] {
  if (typeof children === 'string') return children === '' ? NO_CHILDREN : [children];
  if (children === undefined || children === null) return NO_CHILDREN;
  if (children instanceof Element) return children.type === FRAGMENT ? children.children : [children];
  if (Array.isArray(children) && isClean(children)) return children.slice();
  const out: TwiMLChild[] = [];
  pushChild(out, children, tag);
  return out.length === 0 ? NO_CHILDREN : out;
}

/**
 * True when a JSX children array needs no normalising: it holds only elements built here (no
 * fragments) and non-empty strings, never two strings in a row. The usual case of `jsxs`.
 */
function isClean(children: readonly unknown[]): boolean {
  if (children.length === 0) return false;
  let text = false;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (typeof child === 'string') {
      if (text || child === '') return false;
      text = true;
    } else if (child instanceof Element && child.type !== FRAGMENT) {
      text = false;
    } else {
      return false;
    }
  }
  return true;
}

/** How a known prop is written: its XML name, and the text before its value (` name="`). */
export interface AttributeName {
  readonly xml: string;
  readonly lead: string;
  /** The XML name differs from the prop's (`interpretAs` → `interpret-as`). */
  readonly renamed: boolean;
}

/** The {@link AttributeName}s of a table's props, as `buildElement` reads them. */
export function attributeNames(
  names: Iterable<readonly [prop: string, xml: string]>,
): ReadonlyMap<string, AttributeName> {
  const map = new Map<string, AttributeName>();
  for (const [prop, xml] of names) map.set(prop, { xml, lead: ' ' + xml + '="', renamed: xml !== prop });
  return map;
}

/**
 * Builds the element for a vocabulary tag from JSX props: `children` becomes the children,
 * `key` is dropped, `null`/`undefined` attributes are left out, the rest are stringified in
 * the order written. `names` maps the props the table knows to their XML names
 * (`interpretAs` → `interpret-as`); other props keep their name if it is a valid XML name.
 */
export function buildElement(
  tag: string,
  props: Record<string, unknown> | null | undefined,
  names: ReadonlyMap<string, AttributeName>,
): TwiMLElement {
  const attributes: Record<string, string> = {};
  let children = NO_CHILDREN;
  // The start tag is written as the props are read; null once a value cannot be written.
  let open: string | null = '<' + tag;
  let rewrite = false;
  for (const name in props) {
    const value = props[name];
    if (value === undefined || value === null) continue;
    if (name === 'children') {
      children = normalizeChildren(value, tag);
      continue;
    }
    if (name === 'key') continue;
    const known = names.get(name);
    let xml: string;
    let lead: string;
    if (known === undefined) {
      if (name === '__proto__' || !isSafeName(name)) {
        throw new TypeError(
          `twiml-jsx: <${tag}> got a prop named ${JSON.stringify(name)}, which is not a valid XML attribute name`,
        );
      }
      xml = name;
      lead = ' ' + name + '="';
      // Two props for one XML name (interpretAs and interpret-as): the last one wins.
      if (xml in attributes) rewrite = true;
    } else {
      xml = known.xml;
      lead = known.lead;
      if (known.renamed && xml in attributes) rewrite = true;
    }
    let text: string;
    let escaped: string | undefined;
    if (typeof value === 'string') {
      text = value;
      escaped = open === null ? undefined : writeAttribute(value);
    } else if (typeof value === 'number') {
      // Digits, '.', '-', 'e', '+', NaN, Infinity: nothing to escape.
      text = escaped = String(value);
    } else {
      text = attributeString(value, tag, name);
      escaped = open === null ? undefined : writeAttribute(text);
    }
    attributes[xml] = text;
    if (open !== null) open = escaped === undefined ? null : open + lead + escaped + '"';
  }
  return new Element(tag, attributes, children, rewrite ? undefined : open);
}

/** Wraps whatever a component or fragment produced into one `#fragment` element. */
export function fragmentOf(children: unknown): TwiMLElement {
  return new Element(FRAGMENT, {}, normalizeChildren(children, 'Fragment'));
}
