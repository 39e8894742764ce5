/** The CLI's help text: the whole (`twiml-jsx --help`) and each command's (`twiml-jsx <command> --help`). */

/** The commands whose options the CLI parses itself (`dev` has its own help, `DEV_USAGE`). */
export type CommandName = 'validate' | 'render' | 'convert';

/** Each command's lines of the help: what it takes, what it does, its options. */
const COMMANDS: Readonly<Record<CommandName | 'dev', string>> = {
  validate: `  validate <file.xml|->...     Check TwiML documents; prints each problem with its file, line,
                               column and path, or "<file>: valid TwiML". Exits 1 if any file
                               has errors, 2 if a file cannot be read. - reads standard input
                               (once).
      --json                   Print one JSON array for all files: [{ "file", "problems" }]
                               (and "error" for a file that cannot be read).
`,
  render: `  render <flow.tsx> [options]  Render a flow's default export to TwiML.
      --props <json>           Props to pass to the component (a JSON object).
      --export <name>          Render this named export instead of the default one.
      --pretty                 Indent the output.
      --no-validate            Skip validation.
`,
  convert: `  convert <file.xml|->         Print the equivalent .tsx module (imports included).
      --name <Name>            Name of the exported component (default: Flow).
`,
  dev: `  dev <module> | --url <url>   A phone in the browser that calls your flows
                               (twiml-jsx dev --help for its options).
`,
};

const EXIT_CODES = `Exit codes: 0 done, 1 invalid TwiML, 2 usage error (unknown option, missing argument,
unreadable file).
`;

/** `twiml-jsx --help`: every command. */
export const USAGE = `Usage: twiml-jsx <command> [options]

Commands:
${Object.values(COMMANDS).join('')}
Options: --help (-h), --version (-v)
${EXIT_CODES}`;

/**
 * `twiml-jsx <command> --help`: that command's lines alone, and the exit codes.
 *
 * @example
 * commandUsage('convert')
 * // 'Usage: twiml-jsx convert <file.xml|->\n\n  convert <file.xml|->  Print …\n      --name <Name> …\n      --help (-h) …\n\nExit codes: …'
 */
export function commandUsage(command: CommandName): string {
  const lines = COMMANDS[command];
  const synopsis = lines.trimStart().split(/ {2,}/, 1)[0];
  return `Usage: twiml-jsx ${synopsis}

${lines}      --help (-h)              Print this help.

${EXIT_CODES}`;
}

/** Whether `name` is a command with its own help here. */
export const isCommandName = (name: string | undefined): name is CommandName =>
  name === 'validate' || name === 'render' || name === 'convert';
