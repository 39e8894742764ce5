/**
 * The JSX runtime. One function builds every element; `jsx`, `jsxs`, `jsxDEV` and
 * `createElement` are that function under the names compilers call.
 *
 * Components run as soon as JSX calls them, so the tree a flow returns holds only TwiML
 * elements (and `#fragment`/`#comment`), never functions.
 */
import { fragmentOf, normalizeChildren } from './build.js';
import { describeValue } from './describe.js';
import {
  COMMENT,
  type Key,
  type TwiMLElement,
  type TwiMLNode,
  isElement,
  isOwnElement,
  makeElement,
} from './element.js';

/** Any function component: takes props, returns a node. */
export type Component<P = never> = (props: P) => TwiMLNode;

/**
 * Globals of JavaScript runtimes named like TwiML components: written as a JSX tag without the
 * import, they would be called in place of the component (the Fetch API's `Response` and
 * `Headers`, the DOM's `Comment`, the `Number` function).
 */
const SHADOWING_GLOBALS = ['Response', 'Headers', 'Comment', 'Number'] as const;

/** The TwiML component a global stands in for, when `type` is one of {@link SHADOWING_GLOBALS}. */
function shadowedComponent(type: unknown): string | undefined {
  const globals = globalThis as Record<string, unknown>;
  return SHADOWING_GLOBALS.find((name) => globals[name] === type);
}

/** The error for a global written as a tag, naming the import to add. */
function shadowError(component: string, cause?: unknown): TypeError {
  const alias =
    component === 'Response'
      ? ' (or TwiMLResponse, which leaves the global alone)'
      : component === 'Number'
        ? ' (or DialNumber)'
        : '';
  return new TypeError(
    `twiml-jsx: <${component}> is the global ${component} of JavaScript, not TwiML's <${component}>: ` +
      `import { ${component} } from 'twiml-jsx'${alias}`,
    cause === undefined ? undefined : { cause },
  );
}

function run(type: unknown, props: Record<string, unknown> | null | undefined): TwiMLElement {
  if (typeof type !== 'function') {
    throw new TypeError(
      `twiml-jsx: cannot create <${String(type)}>: ${describeValue(type)} is not a component. ` +
        `Import the TwiML components from 'twiml-jsx' (e.g. import { Say } from 'twiml-jsx')`,
    );
  }
  // The globals are looked for only when something went wrong: a class such as the Fetch API's
  // Response throws when called without `new`; Number returns a number.
  let result: unknown;
  try {
    result = (type as (p: unknown) => unknown)(props ?? {});
  } catch (error) {
    const shadowed = shadowedComponent(type);
    throw shadowed === undefined ? error : shadowError(shadowed, error);
  }
  if (isOwnElement(result) || isElement(result)) return result;
  const shadowed = shadowedComponent(type);
  if (shadowed !== undefined) throw shadowError(shadowed);
  return fragmentOf(result);
}

/**
 * Creates an element (automatic runtime). `key` is accepted and ignored.
 * @example jsx(Say, { voice: 'man', children: 'Hi' }) // same as <Say voice="man">Hi</Say>
 */
export function jsx(type: unknown, props: Record<string, unknown> | null | undefined, _key?: Key): TwiMLElement {
  return run(type, props);
}

/** `jsxs` (static children), `jsxDEV` (development builds: Vite, Vitest) are `jsx`. */
export const jsxs = jsx;
export const jsxDEV = jsx;

/**
 * Classic `createElement(type, props, ...children)`. TypeScript also calls it from the
 * automatic runtime for `<X {...props} key="k" />`.
 */
export function createElement(
  type: unknown,
  props: Record<string, unknown> | null | undefined,
  ...children: unknown[]
): TwiMLElement {
  if (children.length === 0) return run(type, props);
  return run(type, { ...props, children: children.length === 1 ? children[0] : children });
}

/**
 * Groups children without a wrapper: `<>…</>`. Fragments dissolve into their parent.
 * @example <Response><><Say>a</Say><Say>b</Say></></Response> // two Says in Response
 */
export function Fragment(props: { children?: TwiMLNode }): TwiMLElement {
  return fragmentOf(props.children);
}

/**
 * An XML comment, ignored by Twilio. Inside an element, or around `<Response>` in a fragment.
 * @example <Response><Comment>menu v2</Comment><Hangup /></Response>
 * // <Response><!-- menu v2 --><Hangup/></Response>
 */
export function Comment(props: { children: string | number | readonly (string | number)[] }): TwiMLElement {
  const children = normalizeChildren(props.children, 'Comment');
  for (const child of children) {
    if (typeof child !== 'string') {
      throw new TypeError('twiml-jsx: <Comment> holds text only');
    }
  }
  return makeElement(COMMENT, {}, children);
}

/** TypeScript's view of this JSX dialect. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace JSX {
  /** What a JSX expression evaluates to. */
  type Element = TwiMLElement;
  /** Components may return any node (null, text, arrays…); JSX wraps it into an element. */
  type ElementType = (props: never) => TwiMLNode;
  /** There are no lowercase intrinsic tags: every TwiML element is an imported component. */
  interface IntrinsicElements {}
  interface ElementChildrenAttribute {
    children: unknown;
  }
  interface IntrinsicAttributes {
    /** Accepted for lists built with `.map()`, never rendered. */
    key?: Key | null | undefined;
  }
}
