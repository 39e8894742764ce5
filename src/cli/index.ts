/**
 * The `twiml-jsx` command line: validate TwiML, render a .tsx flow, convert XML to .tsx.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './run.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

runCli(process.argv.slice(2), {
  version,
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`twiml-jsx: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
