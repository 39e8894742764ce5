/** How the CLI writes problems: `file:line:column: severity code at path: message`, and counts. */
import type { Problem } from '../core.js';

/** One problem on one line, compiler style, so editors and CI annotate the source. */
export function problemLine(file: string, problem: Problem): string {
  const where = problem.line !== undefined ? `${file}:${problem.line}:${problem.column ?? 1}` : file;
  return `${where}: ${problem.severity} ${problem.code} at ${problem.path || '(document)'}: ${problem.message}\n`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 errors, 1 warning`. */
export function counts(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}`;
}
