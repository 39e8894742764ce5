/**
 * Matchers for Vitest and Jest (`expect.extend(twimlMatchers)`):
 * - `toRenderTwiML(expected)`: the same document, whatever the formatting and attribute order;
 * - `toBeValidTwiML()`: no validation errors.
 */
import { formatProblems, isElement, validate } from '../core.js';
import { XmlParseError } from '../xml/index.js';
import { type TwiMLLike, canonicalXml, toTree } from './canonical.js';
import { describe } from './describe.js';

/**
 * What Vitest and Jest pass matchers as `this` (the part used here). `isNot` is optional, as in
 * Jest 30's `MatcherContext`; the matchers do not read it (the runner applies `.not`).
 */
export interface MatcherContext {
  readonly isNot?: boolean;
  readonly utils?: { diff?: (a: unknown, b: unknown) => string | null | undefined };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

const isTwiMLLike = (value: unknown): value is TwiMLLike => typeof value === 'string' || isElement(value);

function read(value: unknown, what: string): { xml: string } | { error: string } {
  if (!isTwiMLLike(value)) return { error: `${what} is not an element or TwiML text (got ${describe(value)})` };
  try {
    return { xml: canonicalXml(value) };
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return { error: `${what} is not well-formed XML (${error.message})` };
  }
}

export const twimlMatchers = {
  /**
   * Passes when `received` (an element or TwiML text) is the same document as `expected`,
   * ignoring indentation, whitespace runs in text, attribute order and comments.
   * @example expect(<Menu />).toRenderTwiML('<Response><Say>Hi</Say></Response>')
   */
  toRenderTwiML(this: MatcherContext, received: unknown, expected: TwiMLLike): MatcherResult {
    const actual = read(received, 'the received value');
    const wanted = read(expected, 'the expected value');
    if ('error' in actual || 'error' in wanted) {
      const problem = 'error' in actual ? actual.error : (wanted as { error: string }).error;
      return { pass: false, message: () => `toRenderTwiML: ${problem}` };
    }
    const pass = actual.xml === wanted.xml;
    // The diff goes in the message, and `actual` and `expected` are deliberately not returned: Jest
    // prints a custom matcher's message only (it keeps the result on `error.matcherResult` for custom
    // reporters), so a diff outside the message would not show there at all; Vitest prints the message
    // and, when a result has both `actual` and `expected`, a second diff of its own. This way both
    // print the diff once.
    return {
      pass,
      message: () => {
        if (pass) return `expected a different document than:\n${wanted.xml}`;
        const diff = this.utils?.diff?.(wanted.xml, actual.xml);
        return `expected the same TwiML document (ignoring formatting and attribute order)\n\n${
          diff ?? `Expected:\n${wanted.xml}\n\nReceived:\n${actual.xml}`
        }`;
      },
    };
  },

  /**
   * Passes when `received` (an element or TwiML text) has no validation errors; warnings are allowed.
   * @example expect(<Menu />).toBeValidTwiML()
   */
  toBeValidTwiML(this: MatcherContext, received: unknown): MatcherResult {
    if (!isTwiMLLike(received)) {
      const got = describe(received);
      return { pass: false, message: () => `expected valid TwiML, got ${got}: pass an element or TwiML text` };
    }
    let problems;
    try {
      problems = validate(toTree(received));
    } catch (error) {
      if (!(error instanceof XmlParseError)) throw error;
      return { pass: false, message: () => `expected valid TwiML, but it is not well-formed XML: ${error.message}` };
    }
    const errors = problems.filter((p) => p.severity === 'error');
    return {
      pass: errors.length === 0,
      message: () =>
        errors.length === 0
          ? `expected invalid TwiML, but it validates${problems.length ? ` (warnings:\n${formatProblems(problems)})` : ''}`
          : `expected valid TwiML, but found:\n${formatProblems(problems)}`,
    };
  },
};

/**
 * The matchers' types, to merge into your test framework's. With Vitest 3.2 or later, in a
 * declaration file your `tsconfig.json` includes (e.g. `test/vitest.d.ts`); `Matchers` types
 * `expect(x).toRenderTwiML()`, the asymmetric `expect.toRenderTwiML()` and `expect.extend()`. Keep
 * the `import 'vitest'` line: it makes the file augment Vitest's module (with `import type` alone,
 * an `Assertion` augmentation is ignored without a word).
 * ```ts
 * import 'vitest';
 * import type { TwiMLMatchers } from 'twiml-jsx/testing';
 *
 * declare module 'vitest' {
 *   interface Matchers<T = any> extends TwiMLMatchers<T> {}
 * }
 * ```
 * docs/testing.md has the setup for older Vitest and for Jest.
 */
export interface TwiMLMatchers<R = unknown> {
  /** The same TwiML document as `expected`, ignoring formatting, attribute order and comments. */
  toRenderTwiML(expected: TwiMLLike): R;
  /** No validation errors (warnings are allowed). */
  toBeValidTwiML(): R;
}
