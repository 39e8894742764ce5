/**
 * What `render()` does with the warnings of a valid document by default: each distinct warning
 * (same code, path and message) is printed once per process, on the first render that has it;
 * later renders only count it. A server that renders the same flow on every call prints it once.
 */
import type { Problem } from '../validate/problem.js';

/** A warning `render()` has seen, and how many renders had it. */
export interface SeenWarning {
  readonly code: string;
  readonly path: string;
  readonly message: string;
  /** Renders that had this warning, the first (printed) one included. */
  readonly count: number;
}

/** Distinct warnings remembered at most; past it, new ones are counted in one line only. */
export const MAX_REMEMBERED_WARNINGS = 1000;

const seen = new Map<string, { warning: Problem; count: number }>();
let unremembered = 0;

const keyOf = (warning: Problem) => `${warning.code}\u0000${warning.path}\u0000${warning.message}`;

/** One line per warning: `twiml-jsx warning say-too-long at Response > Say: …`. */
const line = (w: Problem) => `twiml-jsx warning ${w.code} at ${w.path || '(document)'}: ${w.message}`;

/** Prints the warnings not printed before in this process (console.warn); counts every one. */
export function warnOnce(warnings: readonly Problem[]): void {
  const fresh: string[] = [];
  for (const warning of warnings) {
    const key = keyOf(warning);
    const known = seen.get(key);
    if (known !== undefined) {
      known.count++;
    } else if (seen.size < MAX_REMEMBERED_WARNINGS) {
      seen.set(key, { warning, count: 1 });
      fresh.push(line(warning));
    } else {
      if (unremembered === 0) {
        fresh.push(
          `twiml-jsx: more than ${MAX_REMEMBERED_WARNINGS} distinct warnings; later ones are not printed (see seenWarnings())`,
        );
      }
      unremembered++;
    }
  }
  if (fresh.length > 0) console.warn(fresh.join('\n'));
}

/** Prints every warning of every render (`onWarning: 'always'`). */
export function warnAlways(warnings: readonly Problem[]): void {
  console.warn(warnings.map(line).join('\n'));
}

/**
 * The warnings `render()` printed once (the default `onWarning: 'once'`), with how many renders
 * had each, in the order first seen; `unremembered` counts warnings past the first
 * {@link MAX_REMEMBERED_WARNINGS} distinct ones.
 *
 * @example
 * seenWarnings() // { warnings: [{ code: 'unreachable', path: 'Response > Hangup', message: '…', count: 102431 }], unremembered: 0 }
 */
export function seenWarnings(): { readonly warnings: readonly SeenWarning[]; readonly unremembered: number } {
  return {
    warnings: [...seen.values()].map(({ warning, count }) => ({
      code: warning.code,
      path: warning.path,
      message: warning.message,
      count,
    })),
    unremembered,
  };
}

/** Forgets the warnings seen, so each is printed again once (for tests and long-lived tools). */
export function resetSeenWarnings(): void {
  seen.clear();
  unremembered = 0;
}
