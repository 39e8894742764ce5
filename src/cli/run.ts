/** The CLI's commands, separate from process wiring so tests can run them in-process. */
import { readFile } from 'node:fs/promises';
import { createElement, isElement, render, TwiMLValidationError, validate, type Problem } from '../core.js';
import { toTsx } from '../xml/index.js';
import { parse, XmlParseError } from '../xml/index.js';
import { loadFlow } from './load-flow.js';

export interface CliIo {
  readonly version: string;
  readonly stdin: AsyncIterable<string | Uint8Array>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const USAGE = `Usage: twiml-jsx <command> [options]

Commands:
  validate <file.xml|->        Check a TwiML document; prints each problem with its path and
                               line, exits 1 if there are errors.
      --json                   Print the problems as JSON.
  render <flow.tsx> [options]  Render a flow's default export to TwiML.
      --props <json>           Props to pass to the component.
      --export <name>          Render this named export instead of the default one.
      --pretty                 Indent the output.
      --no-validate            Skip validation.
  convert <file.xml|->         Print the equivalent .tsx module (imports included).
      --name <Name>            Name of the exported component (default: Flow).
  dev <module> | --url <url>   A phone in the browser that calls your flows
                               (twiml-jsx dev --help for its options).

Options: --help, --version
`;

class UsageError extends Error {}

/** Splits `args` into positionals and `--flag` / `--flag value` options. */
function parseArgs(
  args: readonly string[],
  valued: readonly string[],
): { positionals: string[]; flags: Map<string, string | true> } {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (valued.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        flags.set(name, true);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, flags };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of io.stdin)
      text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return text + decoder.decode();
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function problemLine(file: string, problem: Problem): string {
  const where = problem.line !== undefined ? `${file}:${problem.line}:${problem.column ?? 1}` : file;
  return `${where}: ${problem.severity} ${problem.code} at ${problem.path || '(document)'}: ${problem.message}\n`;
}

function summary(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`;
}

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, []);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('validate needs a file (or - for standard input)');
  const name = file === '-' ? '<stdin>' : file;
  const xml = await readInput(file, io);
  let problems: Problem[];
  try {
    problems = validate(parse(xml));
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    problems = [
      {
        severity: 'error',
        code: 'malformed-xml',
        message: error.reason,
        path: '',
        line: error.line,
        column: error.column,
      },
    ];
  }
  if (flags.has('json')) io.stdout(JSON.stringify(problems, null, 2) + '\n');
  else {
    for (const problem of problems) io.stdout(problemLine(name, problem));
    io.stdout(problems.length === 0 ? `${name}: valid TwiML\n` : summary(problems));
  }
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, ['props', 'export']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('render needs a flow file (.tsx, .jsx, .ts or .js)');
  let props: Record<string, unknown> = {};
  const rawProps = flags.get('props');
  if (typeof rawProps === 'string') {
    try {
      props = JSON.parse(rawProps) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--props is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof props !== 'object' || props === null || Array.isArray(props))
      throw new UsageError('--props must be a JSON object');
  }
  const exportName = typeof flags.get('export') === 'string' ? (flags.get('export') as string) : 'default';
  const flow = await loadFlow(file, exportName);
  const node = typeof flow === 'function' ? createElement(flow, props) : flow;
  if (!isElement(node)) {
    throw new UsageError(`the ${exportName} export of ${file} is neither a component nor an element`);
  }
  try {
    io.stdout(
      render(node, {
        pretty: flags.has('pretty'),
        validate: !flags.has('no-validate'),
        onWarning: (w) => w.forEach((p) => io.stderr(problemLine(file, p))),
      }) + '\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof TwiMLValidationError)) throw error;
    for (const problem of error.problems) io.stderr(problemLine(file, problem));
    io.stderr(summary(error.problems));
    return 1;
  }
}

async function convertCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, ['name']);
  const file = positionals[0];
  if (file === undefined) throw new UsageError('convert needs a file (or - for standard input)');
  const xml = await readInput(file, io);
  let tree;
  try {
    tree = parse(xml);
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    io.stderr(`${file === '-' ? '<stdin>' : file}:${error.line}:${error.column}: ${error.reason}\n`);
    return 1;
  }
  const name = flags.get('name');
  io.stdout(toTsx(tree, { name: typeof name === 'string' ? name : undefined }));
  return 0;
}

/** Runs the CLI; resolves to the exit code (0 ok, 1 invalid input, 2 usage error). */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io);
      case 'render':
        return await renderCommand(rest, io);
      case 'convert':
        return await convertCommand(rest, io);
      case 'dev':
        // Loaded only for `dev`: the dev server is a layer above the CLI.
        return await (await import('../dev/index.js')).runDev(rest, io);
      case '--version':
      case '-v':
        io.stdout(`${io.version}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`twiml-jsx: ${error.message}\n\n${USAGE}`);
    return 2;
  }
}
