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

/** Thrown by `render()` when a document has errors. `problems` lists every one of them. */
export class TwiMLValidationError extends Error {
  override name = 'TwiMLValidationError' as const;
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    super(`Invalid TwiML (${count}):\n${formatProblems(problems)}`);
    this.problems = problems;
  }
}
