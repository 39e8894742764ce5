/** The CLI's help text. */
export const USAGE = `Usage: twiml-jsx <command> [options]

Commands:
  validate <file.xml|->...     Check TwiML documents; prints each problem with its file, line,
                               column and path, or "<file>: valid TwiML". Exits 1 if any file
                               has errors, 2 if a file cannot be read. - reads standard input
                               (once).
      --json                   Print one JSON array for all files: [{ "file", "problems" }]
                               (and "error" for a file that cannot be read).
  render <flow.tsx> [options]  Render a flow's default export to TwiML.
      --props <json>           Props to pass to the component (a JSON object).
      --export <name>          Render this named export instead of the default one.
      --pretty                 Indent the output.
      --no-validate            Skip validation.
  convert <file.xml|->         Print the equivalent .tsx module (imports included).
      --name <Name>            Name of the exported component (default: Flow).
  dev <module> | --url <url>   A phone in the browser that calls your flows
                               (twiml-jsx dev --help for its options).

Options: --help (-h), --version (-v)
Exit codes: 0 done, 1 invalid TwiML, 2 usage error (unknown option, missing argument,
unreadable file).
`;
