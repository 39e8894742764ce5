/**
 * Matchers for Vitest and Jest (`expect.extend(twimlMatchers)`):
 * - `toRenderTwiML(expected)`: the same document, whatever the formatting and attribute order;
 * - `toBeValidTwiML()`: no validation errors.
 */
import { isElement } from '../runtime/element.js';
import { formatProblems } from '../validate/problem.js';
import { validate } from '../validate/validate.js';
import { XmlParseError } from '../xml/parse.js';
import { type TwiMLLike, canonicalXml, toTree } from './canonical.js';

/** What Vitest and Jest pass matchers as `this` (the part used here). */
export interface MatcherContext {
  readonly isNot: boolean;
  readonly utils?: { diff?: (a: unknown, b: unknown) => string | null | undefined };
}

export interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function read(value: unknown, what: string): { xml: string } | { error: string } {
  if (typeof value !== 'string' && !isElement(value)) {
    return { error: `${what} is not an element or TwiML text (got ${value === null ? 'null' : typeof value})` };
  }
  try {
    return { xml: canonicalXml(value as TwiMLLike) };
  } catch (error) {
    const reason = error instanceof XmlParseError ? `not well-formed XML (${error.message})` : (error as Error).message;
    return { error: `${what} is ${reason}` };
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
    return {
      pass,
      actual: actual.xml,
      expected: wanted.xml,
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
    let problems;
    try {
      problems = validate(toTree(received as TwiMLLike));
    } catch (error) {
      const reason =
        error instanceof XmlParseError ? `not well-formed XML: ${error.message}` : (error as Error).message;
      return { pass: false, message: () => `expected valid TwiML, but it is ${reason}` };
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
 * The matchers' types, to merge into your test framework's assertion interface:
 * ```ts
 * // vitest.d.ts
 * import type { TwiMLMatchers } from 'twiml-jsx/testing';
 * declare module 'vitest' {
 *   interface Assertion<T = any> extends TwiMLMatchers<T> {}
 * }
 * ```
 */
export interface TwiMLMatchers<R = unknown> {
  /** The same TwiML document as `expected`, ignoring formatting, attribute order and comments. */
  toRenderTwiML(expected: TwiMLLike): R;
  /** No validation errors (warnings are allowed). */
  toBeValidTwiML(): R;
}
