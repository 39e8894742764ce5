/**
 * Prop normalisation: how JSX props become an element's attributes and children. Attribute
 * values are stringified as the official helper writes them; children are flattened (arrays,
 * fragments), adjacent text is joined and nothing empty is kept.
 */
import { writeAttribute } from '../xml-text/escape.js';
import { isSafeName } from '../xml-text/names.js';
import { COMMENT, FRAGMENT } from './brand.js';
import { describeValue } from './describe.js';
import { NO_CHILDREN, type TwiMLChild, type TwiMLElement, isElement, isOwnElement, makeElement } from './element.js';

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
  if (isOwnElement(children)) return children.type === FRAGMENT ? children.children : [children];
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
    } else if (isOwnElement(child) && child.type !== FRAGMENT) {
      text = false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * How a known prop is written: its XML name, and the text before its value (` name="`); and the
 * vocabulary's fast predicate of its values (`undefined`: any string).
 */
export interface AttributeName {
  readonly xml: string;
  readonly lead: string;
  /** The XML name differs from the prop's (`interpretAs` → `interpret-as`). */
  readonly renamed: boolean;
  readonly accepts?: ((value: string) => boolean) | undefined;
  /** Values `accepts` passed before (see {@link acceptAndRemember}). */
  readonly accepted?: Set<string> | undefined;
}

/** Values remembered as accepted, per attribute or text, at most. */
const MEMO_SIZE = 64;
/** Longer values are checked every time and never remembered. */
const MEMO_MAX_LENGTH = 200;

/**
 * Runs a fast predicate on a value not seen before, and remembers it when it passes: the values
 * of a flow repeat from call to call (`voice="Polly.Joanna"`, `action="/menu"`), so most checks
 * are one set lookup. At most {@link MEMO_SIZE} values of at most {@link MEMO_MAX_LENGTH}
 * characters are remembered per attribute; past that, values are checked every time.
 */
function acceptAndRemember(accepts: (value: string) => boolean, memo: Set<string>, value: string): boolean {
  if (!accepts(value)) return false;
  if (memo.size < MEMO_SIZE && value.length <= MEMO_MAX_LENGTH) memo.add(value);
  return true;
}

/** The {@link AttributeName}s of a table's props, as `buildElement` reads them. */
export function attributeNames(
  names: Iterable<readonly [prop: string, xml: string, accepts?: (value: string) => boolean]>,
): ReadonlyMap<string, AttributeName> {
  const map = new Map<string, AttributeName>();
  for (const [prop, xml, accepts] of names) {
    const accepted = accepts === undefined ? undefined : new Set<string>();
    map.set(prop, { xml, lead: ' ' + xml + '="', renamed: xml !== prop, accepts, accepted });
  }
  return map;
}

/**
 * What an element's own values must be for the validator to skip them (`acceptedWhenBuilt`):
 * its allowed children, whether it holds text and the fast predicate of that text, the attributes
 * it needs. Made once per component from its table.
 */
export interface BuildChecks {
  /** Tags allowed as children. */
  readonly children: ReadonlySet<string>;
  /** The element may hold text. */
  readonly text: boolean;
  /**
   * Blank text needs the validator: the text is required (maybe excused by a child or attribute),
   * or blank text means something it may warn about (`<Redirect/>` requests the same document).
   */
  readonly blankNeedsCheck: boolean;
  /** The fast predicate of non-blank text; `undefined`: any text. */
  readonly acceptsText: ((text: string) => boolean) | undefined;
  /** Texts `acceptsText` passed before. */
  readonly acceptedTexts: Set<string>;
  /** XML names of the attributes it needs. */
  readonly required: readonly string[];
}

const NOT_BLANK = /\S/;

/** True when the children are of allowed kinds and the text is certainly valid. */
function childrenAccepted(children: readonly TwiMLChild[], checks: BuildChecks): boolean {
  let text: string | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (typeof child === 'string') text = text === undefined ? child : text + child;
    else if (child.type !== COMMENT && !checks.children.has(child.type)) return false;
  }
  // Most texts start with a letter or a digit: not blank, no need for the regular expression.
  if (text === undefined || (text.charCodeAt(0) <= 32 && !NOT_BLANK.test(text))) return !checks.blankNeedsCheck;
  if (!checks.text) return false;
  const accepts = checks.acceptsText;
  return (
    accepts === undefined || checks.acceptedTexts.has(text) || acceptAndRemember(accepts, checks.acceptedTexts, text)
  );
}

/**
 * Builds the element for a vocabulary tag from JSX props: `children` becomes the children,
 * `key` is dropped, `null`/`undefined` attributes are left out, the rest are stringified in
 * the order written. Only the props object's own enumerable props are read. `names` maps the props the table knows to their XML names
 * (`interpretAs` → `interpret-as`); other props keep their name if it is a valid XML name.
 */
export function buildElement(
  tag: string,
  props: Record<string, unknown> | null | undefined,
  names: ReadonlyMap<string, AttributeName>,
  checks: BuildChecks,
): TwiMLElement {
  const attributes: Record<string, string> = {};
  // Whether every value read so far passes the vocabulary's fast predicates.
  let accepted = true;
  let children = NO_CHILDREN;
  // The start tag is written as the props are read; null once a value cannot be written.
  let open: string | null = '<' + tag;
  let rewrite = false;
  for (const name in props) {
    // Own props only: a prop inherited from a polluted Object.prototype is never an attribute.
    if (!Object.hasOwn(props, name)) continue;
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
      // Not in the table: the validator says what it is (a typo, the helper's spelling…).
      accepted = false;
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
    if (accepted && known !== undefined && known.accepted !== undefined && !known.accepted.has(text)) {
      accepted = acceptAndRemember(known.accepts!, known.accepted, text);
    }
  }
  if (accepted) {
    const required = checks.required;
    for (let i = 0; i < required.length && accepted; i++) accepted = Object.hasOwn(attributes, required[i]);
    accepted &&= !rewrite && childrenAccepted(children, checks);
  }
  return makeElement(tag, attributes, children, rewrite ? undefined : open, accepted);
}

/** Wraps whatever a component or fragment produced into one `#fragment` element. */
export function fragmentOf(children: unknown): TwiMLElement {
  return makeElement(FRAGMENT, {}, normalizeChildren(children, 'Fragment'));
}
