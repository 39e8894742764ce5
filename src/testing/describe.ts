/**
 * How the simulator and the matchers show values and bodies in messages: values named by the
 * core's `describeValue()`, long text cut to its beginning, so a message stays readable (and
 * small) whatever the app answered.
 */
import { describeValue } from '../core.js';

/**
 * Characters of a body (or a value's description) a message shows before cutting it.
 * @default 2000
 */
export const EXCERPT_LENGTH = 2000;

/**
 * `text` as a message shows it: whole up to {@link EXCERPT_LENGTH} characters, otherwise its
 * beginning and how much was left out. A cut never splits a surrogate pair.
 *
 * @example
 * excerpt('x'.repeat(5000)) // 'xxx…x (2000 x's)… (3000 more characters)'
 */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text[length - 1]) ? length - 1 : length;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/**
 * A value named for a message by the core's `describeValue()` (`an object`, `number 42`, a
 * string quoted), cut like a body.
 *
 * @example
 * describe(42) // 'number 42'
 * describe(undefined) // 'undefined'
 */
export function describe(value: unknown): string {
  return excerpt(describeValue(value));
}
