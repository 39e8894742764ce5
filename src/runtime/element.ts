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
 */

/** Brand of every element; `Symbol.for` so that copies of the library agree. */
export const ELEMENT: unique symbol = Symbol.for('twiml-jsx.element');

/** Where `parse()` found an element in its source: a non-enumerable property of parsed elements. */
export const POSITION: unique symbol = Symbol.for('twiml-jsx.position');

/** A 1-based line and column in a source document. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The source position of an element read by `parse()`, if any. */
export function positionOf(element: TwiMLElement): SourcePosition | undefined {
  return (element as TwiMLElement & { [POSITION]?: SourcePosition })[POSITION];
}

/** `type` of the element a fragment (`<>…</>`) or a component returning non-elements builds. */
export const FRAGMENT = '#fragment';

/** `type` of an XML comment (`<Comment>`); its only child is the comment text. */
export const COMMENT = '#comment';

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

/** True for elements built by this library (or by `parse()`); false for look-alikes. */
export function isElement(value: unknown): value is TwiMLElement {
  return typeof value === 'object' && value !== null && (value as TwiMLElement).$$typeof === ELEMENT;
}

const NO_CHILDREN: readonly TwiMLChild[] = Object.freeze([]);

/** Builds an element from already-normalised parts (used by `parse()` and the runtime). */
export function makeElement(
  type: string,
  attributes: Record<string, string>,
  children: readonly TwiMLChild[],
): TwiMLElement {
  return { $$typeof: ELEMENT, type, attributes, children: children.length === 0 ? NO_CHILDREN : children };
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
  const out: TwiMLChild[] = [];
  pushChild(out, children, tag);
  return out.length === 0 ? NO_CHILDREN : out;
}

/**
 * Builds the element for a vocabulary tag from JSX props: `children` becomes the children,
 * `key` is dropped, `null`/`undefined` attributes are left out, the rest are stringified in
 * the order written. `renames` maps prop names to XML names (`interpretAs` → `interpret-as`).
 */
export function buildElement(
  tag: string,
  props: Record<string, unknown> | null | undefined,
  renames?: Readonly<Record<string, string>>,
): TwiMLElement {
  const attributes: Record<string, string> = {};
  let children = NO_CHILDREN;
  for (const name in props) {
    const value = props[name];
    if (name === 'children') {
      children = normalizeChildren(value, tag);
    } else if (value !== undefined && value !== null && name !== 'key') {
      attributes[(renames !== undefined && renames[name]) || name] = attributeString(value, tag, name);
    }
  }
  return { $$typeof: ELEMENT, type: tag, attributes, children };
}

/** Wraps whatever a component or fragment produced into one `#fragment` element. */
export function fragmentOf(children: unknown): TwiMLElement {
  return { $$typeof: ELEMENT, type: FRAGMENT, attributes: {}, children: normalizeChildren(children, 'Fragment') };
}
