/** What the validator reports, and the error `render()` throws. */

/** One thing wrong (error) or worth a look (warning) in a document. */
export interface Problem {
  readonly severity: 'error' | 'warning';
  /** Stable identifier of the rule, e.g. `invalid-child`; the README lists them all. */
  readonly code: string;
  /** What is wrong and what is allowed instead. */
  readonly message: string;
  /** Where: `Response > Gather > Say`, with `[n]` (1-based) when a parent has several of a tag. */
  readonly path: string;
  /** Twilio's own error or warning code for the same problem, when it has one. */
  readonly twilioCode?: number;
  /** 1-based line and column in the source XML, for documents read by `parse()`. */
  readonly line?: number;
  readonly column?: number;
}

/** Formats problems one per line: `error invalid-child at Response > Gather: …`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((p) => {
      const where = p.line !== undefined ? ` (line ${p.line}, column ${p.column ?? 1})` : '';
      return `${p.severity} ${p.code} at ${p.path || '(document)'}${where}: ${p.message}`;
    })
    .join('\n');
}

/** Problems written out in a `TwiMLValidationError`'s message at most; `problems` has them all. */
export const MAX_PROBLEMS_IN_MESSAGE = 50;

/**
 * Thrown by `render()` when a document has errors. `problems` lists every one of them; the
 * message lists the first {@link MAX_PROBLEMS_IN_MESSAGE}, then how many more there are.
 */
export class TwiMLValidationError extends Error {
  override name = 'TwiMLValidationError' as const;
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    let errors = 0;
    for (const problem of problems) if (problem.severity === 'error') errors++;
    const count = errors === 1 ? '1 error' : `${errors} errors`;
    const shown = problems.length > MAX_PROBLEMS_IN_MESSAGE ? problems.slice(0, MAX_PROBLEMS_IN_MESSAGE) : problems;
    const more =
      problems.length > shown.length
        ? `\n… and ${problems.length - shown.length} more problems (error.problems lists them all)`
        : '';
    super(`Invalid TwiML (${count}):\n${formatProblems(shown)}${more}`);
    this.problems = problems;
  }
}
