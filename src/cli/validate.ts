/**
 * `twiml-jsx validate <file|->...`: checks each document and reports every file, valid or not;
 * exits 1 when any file has errors, 2 when a file cannot be read (after checking the others).
 */
import { validate, type Problem } from '../core.js';
import { parse, XmlParseError } from '../xml/index.js';
import { commandArgs, UsageError } from './args.js';
import { readDocument, type Stdin } from './input.js';
import { counts, plural, problemLine } from './output.js';
import { commandUsage } from './usage.js';

/** One file's result in `--json` output. `error` is there only when the file could not be read. */
export interface FileReport {
  /** The file as given; `<stdin>` for `-`. */
  readonly file: string;
  readonly problems: readonly Problem[];
  readonly error?: string;
}

export interface ValidateIo {
  readonly stdin: Stdin;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** A malformed document as one problem, where parsing stopped. */
const malformed = (reason: string, line: number, column: number): Problem => ({
  severity: 'error',
  code: 'malformed-xml',
  message: reason,
  path: '',
  line,
  column,
});

/** Reads, parses and validates one file. */
async function check(file: string, stdin: Stdin): Promise<FileReport> {
  const name = file === '-' ? '<stdin>' : file;
  const input = await readDocument(file, stdin);
  if ('unreadable' in input) return { file: name, problems: [], error: input.unreadable };
  if ('reason' in input) return { file: name, problems: [malformed(input.reason, input.line, input.column)] };
  try {
    return { file: name, problems: validate(parse(input.text)) };
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return { file: name, problems: [malformed(error.reason, error.line, error.column)] };
  }
}

const hasErrors = (report: FileReport) => report.problems.some((p) => p.severity === 'error');

/** The closing line: `3 errors, 1 warning` for one file; with the files counted for several. */
function closing(reports: readonly FileReport[]): string {
  const problems = reports.flatMap((r) => r.problems);
  if (reports.length === 1) return `${counts(problems)}\n`;
  const unreadable = reports.filter((r) => r.error !== undefined).length;
  const invalid = reports.filter(hasErrors).length;
  const parts = [`${plural(invalid, 'file')} with errors`, `${reports.length - invalid - unreadable} valid`];
  if (unreadable > 0) parts.push(`${unreadable} unreadable`);
  return `${plural(reports.length, 'file')}: ${parts.join(', ')}; ${counts(problems)}\n`;
}

/**
 * Runs `validate`. Resolves to the exit code: 0 when no file has errors (warnings allowed),
 * 1 when any has, 2 when any file cannot be read.
 *
 * @throws UsageError without files, with `-` twice, or with an unknown option.
 */
export async function validateCommand(args: readonly string[], io: ValidateIo): Promise<number> {
  const { positionals: files, values } = commandArgs('validate', args, { json: 'boolean' });
  if (values.help) {
    io.stdout(commandUsage('validate'));
    return 0;
  }
  if (files.length === 0) throw new UsageError('validate needs at least one file (or - for standard input)');
  if (files.filter((f) => f === '-').length > 1)
    throw new UsageError('validate: standard input (-) can be read only once');

  const reports: FileReport[] = [];
  for (const file of files) {
    const report = await check(file, io.stdin);
    reports.push(report);
    if (report.error !== undefined) io.stderr(`twiml-jsx: ${report.error}\n`);
    if (values.json) continue;
    for (const problem of report.problems) io.stdout(problemLine(report.file, problem));
    if (report.error === undefined && report.problems.length === 0) io.stdout(`${report.file}: valid TwiML\n`);
  }
  if (values.json) io.stdout(JSON.stringify(reports, null, 2) + '\n');
  else if (reports.length > 1 || reports[0].problems.length > 0) io.stdout(closing(reports));
  if (reports.some((r) => r.error !== undefined)) return 2;
  return reports.some(hasErrors) ? 1 : 0;
}
