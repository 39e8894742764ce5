/** The `twiml-jsx` command, run as users run it: the built `dist/cli/index.js` in a child process. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, type RunResult } from './support/packed.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliPath = join(root, 'dist/cli/index.js');
const fixture = (name: string) => join(root, 'test/fixtures', name);

/** Runs the built CLI in the repository. */
const cli = (args: string[], input?: string): Promise<RunResult> =>
  run(process.execPath, [cliPath, ...args], root, { input });

beforeAll(() => {
  if (!existsSync(cliPath))
    throw new Error('dist/cli/index.js is missing: run `npm run build` first (`npm test` does)');
});

const BROKEN_LINES = [
  'test/fixtures/broken.xml:3:3: error invalid-value at Response > Gather: <Gather> input="dtmf voice": "voice" is not allowed; allowed: dtmf, speech (space-separated)',
  'test/fixtures/broken.xml:3:3: error out-of-range at Response > Gather: <Gather> numDigits="0" is out of range; allowed: at least 1',
  'test/fixtures/broken.xml:4:5: error invalid-child at Response > Gather > Dial: <Dial> cannot be inside <Gather>; allowed: Say, Play, Pause',
  'test/fixtures/broken.xml:7:3: warning unreachable at Response > Say: <Say> never runs: the call ends at <Hangup>',
];

describe('twiml-jsx validate', () => {
  it('checks every file it is given and exits 1 if any has errors (issue 12)', async () => {
    const run = await cli(['validate', 'test/fixtures/voicemail.xml', 'test/fixtures/broken.xml']);
    expect(run).toEqual({
      code: 1,
      stdout: [
        'test/fixtures/voicemail.xml: valid TwiML',
        ...BROKEN_LINES,
        '2 files: 1 file with errors, 1 valid; 3 errors, 1 warning',
        '',
      ].join('\n'),
      stderr: '',
    });
    // Whatever the order, and with an invalid file first.
    const reversed = await cli(['validate', 'test/fixtures/broken.xml', 'test/fixtures/voicemail.xml']);
    expect(reversed.code).toBe(1);
    expect(reversed.stdout).toContain('test/fixtures/voicemail.xml: valid TwiML\n');
  });

  it('exits 0 when every file is valid, warnings allowed', async () => {
    const run = await cli(
      ['validate', fixture('voicemail.xml'), fixture('bom-crlf.xml'), '-'],
      '<Response><Hangup/><Say>x</Say></Response>',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        `${fixture('voicemail.xml')}: valid TwiML`,
        `${fixture('bom-crlf.xml')}: valid TwiML`,
        '<stdin>:1:20: warning unreachable at Response > Say: <Say> never runs: the call ends at <Hangup>',
        '3 files: 0 files with errors, 3 valid; 0 errors, 1 warning',
        '',
      ].join('\n'),
    );
  });

  it('accepts a document saved with a byte order mark and Windows line ends (issue 13)', async () => {
    const run = await cli(['validate', fixture('bom-crlf.xml')]);
    expect(run).toEqual({ code: 0, stdout: `${fixture('bom-crlf.xml')}: valid TwiML\n`, stderr: '' });
  });

  it('accepts a valid document', async () => {
    const run = await cli(['validate', fixture('voicemail.xml')]);
    expect(run).toEqual({ code: 0, stdout: `${fixture('voicemail.xml')}: valid TwiML\n`, stderr: '' });
  });

  it('prints each problem with its line, column and path, and exits 1', async () => {
    const run = await cli(['validate', 'test/fixtures/broken.xml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe([...BROKEN_LINES, '3 errors, 1 warning', ''].join('\n'));
  });

  it('reads standard input with -', async () => {
    const run = await cli(['validate', '-'], '<Response><Pause length="0"/></Response>');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<stdin>:1:11: error out-of-range at Response > Pause');
  });

  it('reports malformed XML with its position', async () => {
    const run = await cli(['validate', '-'], '<Response>\n<Say>hi</Gather></Response>');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^<stdin>:2:\d+: error malformed-xml at \(document\): a closing tag that does not match/,
    );
  });

  it('reports bytes that are not UTF-8 where they are, instead of reading them as U+FFFD', async () => {
    const run = await cli(['validate', 'test/fixtures/latin1.xml', 'test/fixtures/voicemail.xml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'test/fixtures/latin1.xml:3:11: error malformed-xml at (document): not UTF-8: byte 0xE9 cannot be decoded (save the file as UTF-8)\n',
    );
    expect(run.stdout).toContain('test/fixtures/voicemail.xml: valid TwiML\n');
  });

  it('prints one JSON array for all files with --json: [{ file, problems }]', async () => {
    const run = await cli(
      ['validate', '--json', '-', 'test/fixtures/voicemail.xml'],
      '<Response><Hangup/><Say>x</Say></Response>',
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: '<stdin>',
        problems: [
          {
            severity: 'warning',
            code: 'unreachable',
            message: '<Say> never runs: the call ends at <Hangup>',
            path: 'Response > Say',
            line: 1,
            column: 20,
          },
        ],
      },
      { file: 'test/fixtures/voicemail.xml', problems: [] },
    ]);
    const broken = await cli(['validate', 'test/fixtures/broken.xml', '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject([{ file: 'test/fixtures/broken.xml', problems: { length: 4 } }]);
  });

  it('reports a file it cannot read, checks the others, and exits 2', async () => {
    const missing = join(tmpdir(), 'twiml-jsx-missing.xml');
    const run = await cli(['validate', 'test/fixtures/broken.xml', missing, 'test/fixtures/voicemail.xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`twiml-jsx: cannot read ${missing}: ENOENT (no such file)\n`);
    expect(run.stdout).toContain('test/fixtures/voicemail.xml: valid TwiML\n');
    expect(run.stdout).toContain(BROKEN_LINES[0]);
    expect(run.stdout).toMatch(/3 files: 1 file with errors, 1 valid, 1 unreadable; 3 errors, 1 warning\n$/);
    const json = await cli(['validate', '--json', missing]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual([
      { file: missing, problems: [], error: `cannot read ${missing}: ENOENT (no such file)` },
    ]);
  });
});

describe('twiml-jsx render', () => {
  it("renders a flow's default export with props", async () => {
    const run = await cli(['render', 'examples/ivr.tsx', '--props', '{"retries":2}']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><Response><Gather .*<Dial timeout="20"><Number>\+15555550100<\/Number><\/Dial><\/Response>\n$/,
    );
  });

  it('renders a named export, pretty', async () => {
    const run = await cli([
      'render',
      'examples/ivr.tsx',
      '--export',
      'MenuChoice',
      '--props',
      '{"digits":"9"}',
      '--pretty',
    ]);
    expect(run.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Response>',
        `  <Say voice="Polly.Joanna-Neural">Sorry, I didn't get that.</Say>`,
        '  <Redirect>/voice</Redirect>',
        '</Response>',
        '',
      ].join('\n'),
    );
  });

  it('refuses an invalid flow with its problems on stderr', async () => {
    const run = await cli(['render', 'test/fixtures/invalid-flow.tsx']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error invalid-child at Response > Gather > Dial');
    const unchecked = await cli(['render', 'test/fixtures/invalid-flow.tsx', '--no-validate']);
    expect(unchecked.stdout).toContain('<Gather><Dial>+15555550100</Dial></Gather>');
  });

  // A new user's trial: a module without the export render needs got two different messages.
  it.each([
    ['nothing.tsx', [], 'test/fixtures/exports/nothing.tsx has no default export (it exports nothing)'],
    [
      'named.tsx',
      [],
      'test/fixtures/exports/named.tsx has no default export (it exports: Goodbye, Menu; choose one with --export <name>)',
    ],
    [
      'named.tsx',
      ['--export', 'Welcome'],
      'test/fixtures/exports/named.tsx has no export named Welcome (it exports: Goodbye, Menu; choose one with --export <name>)',
    ],
    [
      'number.tsx',
      [],
      'the default export of test/fixtures/exports/number.tsx is number 42; render takes a component (a function returning a TwiML element) or an element',
    ],
  ])('%s %j: exit 2, %s', async (file, options, message) => {
    const run = await cli(['render', `test/fixtures/exports/${file}`, ...options]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `twiml-jsx: ${message}\n` });
  });

  it('explains bad arguments', async () => {
    expect(await cli(['render', 'examples/ivr.tsx', '--props', '{retries}'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--props is not valid JSON'),
    });
    expect(await cli(['render', 'examples/ivr.tsx', '--export', 'Nope'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('examples/ivr.tsx has no export named Nope'),
    });
  });
});

describe('twiml-jsx convert', () => {
  it('prints a .tsx module that renders the same document', async () => {
    const run = await cli(['convert', fixture('voicemail.xml'), '--name', 'Voicemail']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "import { Record, Response, Say } from 'twiml-jsx';",
        '',
        'export default function Voicemail() {',
        '  return (',
        '    <Response>',
        '      <Say voice="Polly.Matthew">Leave a message after the beep.</Say>',
        '      <Record action="/voicemail/saved" maxLength={120} finishOnKey="#" />',
        '    </Response>',
        '  );',
        '}',
        '',
      ].join('\n'),
    );
    // Rendered back through the CLI, it is the same document as the XML, written compactly.
    const dir = mkdtempSync(join(root, 'test/fixtures/.convert-'));
    try {
      const flow = join(dir, 'voicemail.tsx');
      writeFileSync(flow, run.stdout);
      const rendered = await cli(['render', flow]);
      const original = readFileSync(fixture('voicemail.xml'), 'utf8').replace(/\n\s*/g, '').replace(' />', '/>');
      expect(rendered.stdout.trim()).toBe(original);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('usage', () => {
  it('prints help and the version', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: twiml-jsx <command>');
    expect((await cli(['validate', '--help'])).stdout).toContain('validate <file.xml|->...');
    expect((await cli(['render', '-h'])).code).toBe(0);
  });

  // Each command's --help is its own (a new user's trial found the whole usage for each).
  it.each([
    ['validate', '--json', ['--props', '--name', 'dev <module>']],
    ['render', '--props <json>', ['--json', '--name', 'dev <module>']],
    ['convert', '--name <Name>', ['--json', '--props', 'dev <module>']],
  ])("%s --help lists %s and no other command's options", async (command, option, absent) => {
    for (const help of ['--help', '-h']) {
      const run = await cli([command, help]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: twiml-jsx ${command} `));
      expect(run.stdout).toContain(option);
      expect(run.stdout).toContain('--help (-h)');
      expect(run.stdout).toContain('Exit codes:');
      for (const other of absent) expect(run.stdout).not.toContain(other);
    }
  });

  it("a usage error shows the command's own usage", async () => {
    const run = await cli(['convert', '--bogus', 'x.xml']);
    expect(run.stderr).toMatch(/^twiml-jsx: convert: unknown option --bogus .*\n\nUsage: twiml-jsx convert /);
    expect(run.stderr).not.toContain('--json');
  });

  it('prints the version', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  // Unknown options and missing arguments exit 2 and name what is wrong (issue 12), the input first.
  const mistakes: [string[], string][] = [
    [['validate', '--bogus', 'x.xml'], 'validate: unknown option --bogus (options: --json, --help)'],
    [['validate', 'test/fixtures/voicemail.xml', '--bogus'], 'validate: unknown option --bogus'],
    [['validate', '-x', 'test/fixtures/voicemail.xml'], 'validate: unknown option -x'],
    [['validate', '--json=yes', 'test/fixtures/voicemail.xml'], 'validate: --json takes no value'],
    [['validate'], 'validate needs at least one file (or - for standard input)'],
    [['validate', '--json'], 'validate needs at least one file'],
    [['validate', '-', '-'], 'validate: standard input (-) can be read only once'],
    [
      ['render', 'examples/ivr.tsx', '--bogus'],
      'render: unknown option --bogus (options: --props <value>, --export <value>, --pretty, --no-validate, --help)',
    ],
    [['render', 'examples/ivr.tsx', '--props'], 'render: --props needs a value'],
    [
      ['render', 'examples/ivr.tsx', '--export', '--pretty'],
      'render: --export needs a value; what follows it looks like an option',
    ],
    [['render', 'examples/ivr.tsx', '--pretty=1'], 'render: --pretty takes no value'],
    [['render'], 'render needs a flow file (.tsx, .jsx, .ts or .js)'],
    [['render', 'examples/ivr.tsx', 'examples/apps.tsx'], 'render takes one file; got 2'],
    [
      ['convert', 'test/fixtures/voicemail.xml', '--bogus'],
      'convert: unknown option --bogus (options: --name <value>, --help)',
    ],
    [['convert', 'test/fixtures/voicemail.xml', '--name'], 'convert: --name needs a value'],
    [['convert'], 'convert needs a file (or - for standard input)'],
    [['convert', 'a.xml', 'b.xml'], 'convert takes one file; got 2'],
    [['--bogus'], 'unknown option --bogus'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ];

  it.each(mistakes)('%j exits 2: %s', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`twiml-jsx: ${message}`);
  });

  it('rejects a missing file with exit code 2', async () => {
    expect(await cli(['validate', join(tmpdir(), 'missing.xml')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ENOENT'),
    });
    expect(await cli(['convert', join(tmpdir(), 'missing.xml')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ENOENT'),
    });
  });
});
