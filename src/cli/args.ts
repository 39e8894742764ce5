/**
 * Command-line arguments: node:util `parseArgs` in strict mode, its errors turned into usage
 * errors that name the option (exit code 2).
 */
import { parseArgs } from 'node:util';

/** A mistake in how the command was called; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError' as const;
}

/** The options of one command: `string` ones take a value (`--name Menu` or `--name=Menu`). */
export type OptionKinds = Readonly<Record<string, 'string' | 'boolean'>>;

export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

const listed = (options: OptionKinds) =>
  Object.entries(options)
    .map(([name, kind]) => (kind === 'string' ? `--${name} <value>` : `--${name}`))
    .join(', ');

/**
 * Splits the arguments of `command` into positionals (`-` among them) and options.
 *
 * @throws UsageError for an unknown option, an option without its value, or a value given to a
 * flag; the message names the option and lists the command's options.
 * @example
 * commandArgs('validate', ['--json', 'a.xml'], { json: 'boolean' })
 * // { positionals: ['a.xml'], values: { json: true } }
 * commandArgs('validate', ['--bogus'], { json: 'boolean' })
 * // UsageError: validate: unknown option --bogus (options: --json, --help)
 */
export function commandArgs(command: string, args: readonly string[], options: OptionKinds): ParsedArgs {
  const all: OptionKinds = { ...options, help: 'boolean' };
  try {
    const { positionals, values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: Object.fromEntries(
        Object.entries(all).map(([name, type]) => [name, name === 'help' ? { type, short: 'h' } : { type }]),
      ),
    });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    const name = option.replace(/^-+/, '');
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`${command}: unknown option ${option} (options: ${listed(all)})`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        if (all[name] === 'boolean') throw new UsageError(`${command}: ${option} takes no value`);
        if (/ambiguous/.test(message)) {
          throw new UsageError(
            `${command}: ${option} needs a value; what follows it looks like an option (write ${option}=<value> for a value that starts with "-")`,
          );
        }
        throw new UsageError(`${command}: ${option} needs a value`);
      default:
        throw new UsageError(`${command}: ${message}`);
    }
  }
}
