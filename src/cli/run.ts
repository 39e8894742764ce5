/** The CLI's commands, separate from process wiring so tests can run them in-process. */
import { createElement, describeValue, isElement, render, TwiMLValidationError } from '../core.js';
import { parse, toTsx, XmlParseError } from '../xml/index.js';
import { commandArgs, UsageError } from './args.js';
import { readDocument, type Stdin } from './input.js';
import { loadFlow } from './load-flow.js';
import { counts, problemLine } from './output.js';
import { commandUsage, isCommandName, USAGE } from './usage.js';
import { validateCommand } from './validate.js';

export interface CliIo {
  readonly version: string;
  readonly stdin: Stdin;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** The one file a command takes. */
function oneFile(command: string, positionals: readonly string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`${command} needs ${what}`);
  if (positionals.length > 1)
    throw new UsageError(`${command} takes one file; got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

async function renderCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = commandArgs('render', args, {
    props: 'string',
    export: 'string',
    pretty: 'boolean',
    'no-validate': 'boolean',
  });
  if (values.help) {
    io.stdout(commandUsage('render'));
    return 0;
  }
  const file = oneFile('render', positionals, 'a flow file (.tsx, .jsx, .ts or .js)');
  let props: Record<string, unknown> = {};
  if (typeof values.props === 'string') {
    try {
      props = JSON.parse(values.props) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`--props is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof props !== 'object' || props === null || Array.isArray(props))
      throw new UsageError('--props must be a JSON object');
  }
  const exportName = typeof values.export === 'string' ? values.export : 'default';
  // A flow that cannot be compiled or lacks the export throws: exit 2, with the message alone.
  const flow = await loadFlow(file, exportName);
  const node = typeof flow === 'function' ? createElement(flow, props) : flow;
  if (!isElement(node)) {
    const which = exportName === 'default' ? 'default export' : `export ${exportName}`;
    throw new TypeError(
      `the ${which} of ${file} is ${describeValue(flow)}${typeof flow === 'function' ? `, which returned ${describeValue(node)}` : ''}; ` +
        'render takes a component (a function returning a TwiML element) or an element',
    );
  }
  try {
    io.stdout(
      render(node, {
        pretty: values.pretty === true,
        validate: values['no-validate'] !== true,
        onWarning: (w) => w.forEach((p) => io.stderr(problemLine(file, p))),
      }) + '\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof TwiMLValidationError)) throw error;
    for (const problem of error.problems) io.stderr(problemLine(file, problem));
    io.stderr(`${counts(error.problems)}\n`);
    return 1;
  }
}

async function convertCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, values } = commandArgs('convert', args, { name: 'string' });
  if (values.help) {
    io.stdout(commandUsage('convert'));
    return 0;
  }
  const file = oneFile('convert', positionals, 'a file (or - for standard input)');
  const name = file === '-' ? '<stdin>' : file;
  const input = await readDocument(file, io.stdin);
  if ('unreadable' in input) throw new UsageError(input.unreadable);
  if ('reason' in input) {
    io.stderr(`${name}:${input.line}:${input.column}: ${input.reason}\n`);
    return 1;
  }
  let tree;
  try {
    tree = parse(input.text);
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    io.stderr(`${name}:${error.line}:${error.column}: ${error.reason}\n`);
    return 1;
  }
  io.stdout(toTsx(tree, { name: typeof values.name === 'string' ? values.name : undefined }));
  return 0;
}

/**
 * Runs the CLI; resolves to the exit code: 0 done, 1 invalid input, 2 usage error (unknown
 * command or option, missing argument, unreadable file).
 */
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
        throw new UsageError(
          command.startsWith('-') ? `unknown option ${command}` : `unknown command ${JSON.stringify(command)}`,
        );
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`twiml-jsx: ${error.message}\n\n${isCommandName(command) ? commandUsage(command) : USAGE}`);
    return 2;
  }
}
