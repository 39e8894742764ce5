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
 * element is built, so rendering a tree is mostly joining strings its elements already hold, and
 * a memo slot where a higher layer keeps what it worked out from the subtree (the validator
 * keeps its problems there).
 *
 * How JSX props become attributes and children is `build.ts`; this module is the model only.
 */
import { writeText } from '../xml-text/escape.js';
import { writeComment, writeStartTag } from '../xml-text/markup.js';
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

/** The `children` of every element that has none. */
export const NO_CHILDREN: readonly TwiMLChild[] = Object.freeze([]);

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
   * What a higher layer worked out from this element and its subtree (the validator's problems):
   * the element is immutable, so a subtree reused across documents is worked out once.
   */
  #memo: unknown = undefined;
  /**
   * Its own values were all accepted by the vocabulary's fast predicates when it was built from
   * JSX props (attributes, text, the kinds of its children): the validator need not check them.
   */
  readonly #accepted: boolean;

  /** `open` is the start tag with its attributes, without `>`, when the caller wrote it already. */
  constructor(
    readonly type: string,
    readonly attributes: Readonly<Record<string, string>>,
    readonly children: readonly TwiMLChild[],
    open?: string | null,
    accepted = false,
  ) {
    this.#accepted = accepted;
    let depth = 0;
    let xml: string | undefined;
    if (type === COMMENT) {
      xml = writeComment(children.join(''));
    } else {
      if (open === undefined) open = writeStartTag(type, attributes) ?? null;
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

  static memoOf(element: TwiMLElement): unknown {
    return #memo in element ? (element as Element).#memo : undefined;
  }

  static remember(element: TwiMLElement, memo: unknown): void {
    if (#memo in element) (element as Element).#memo = memo;
  }

  static acceptedOf(element: TwiMLElement): boolean {
    return #accepted in element && (element as Element).#accepted;
  }
}

/** The compact XML an element carries, if it was built by this library and can be written. */
export const compactXmlOf: (element: TwiMLElement) => string | undefined = Element.xmlOf;

/**
 * What a higher layer remembered for the subtree of an element built here (`remember`), or
 * `undefined`: never worked out, or the element was built elsewhere (then nothing is kept).
 */
export const memoOf: (element: TwiMLElement) => unknown = Element.memoOf;
export const remember: (element: TwiMLElement, memo: unknown) => void = Element.remember;

/**
 * True for an element built here from JSX props whose attributes, text and kinds of children the
 * vocabulary's fast predicates all accepted (`build.ts`); false otherwise (parsed, built
 * elsewhere, or a value that needs the validator's full check).
 */
export const acceptedWhenBuilt: (element: TwiMLElement) => boolean = Element.acceptedOf;

/**
 * Builds an element from already-normalised parts (used by `parse()` and the runtime).
 * `startTag` is its start tag without `>`, when the caller wrote it already (`null`: it cannot be
 * written); left out, it is written here. `accepted`: see {@link acceptedWhenBuilt}.
 *
 * @throws RangeError when the element holds elements nested deeper than {@link MAX_DEPTH}.
 */
export function makeElement(
  type: string,
  attributes: Readonly<Record<string, string>>,
  children: readonly TwiMLChild[],
  startTag?: string | null,
  accepted?: boolean,
): TwiMLElement {
  return new Element(type, attributes, children.length === 0 ? NO_CHILDREN : children, startTag, accepted);
}
