/** The `twiml-jsx` command, run as users run it: the built `dist/cli/index.js` in a child process. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliPath = join(root, 'dist/cli/index.js');
const fixture = (name: string) => join(root, 'test/fixtures', name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [cliPath, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

beforeAll(() => {
  if (!existsSync(cliPath))
    throw new Error('dist/cli/index.js is missing: run `npm run build` first (`npm test` does)');
});

describe('twiml-jsx validate', () => {
  it('accepts a valid document', async () => {
    const run = await cli(['validate', fixture('voicemail.xml')]);
    expect(run).toEqual({ code: 0, stdout: `${fixture('voicemail.xml')}: valid TwiML\n`, stderr: '' });
  });

  it('prints each problem with its line, column and path, and exits 1', async () => {
    const run = await cli(['validate', 'test/fixtures/broken.xml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'test/fixtures/broken.xml:3:3: error invalid-value at Response > Gather: <Gather> input="dtmf voice": "voice" is not allowed; allowed: dtmf, speech (space-separated)',
        'test/fixtures/broken.xml:3:3: error out-of-range at Response > Gather: <Gather> numDigits="0" is out of range; allowed: at least 1',
        'test/fixtures/broken.xml:4:5: error invalid-child at Response > Gather > Dial: <Dial> cannot be inside <Gather>; allowed: Say, Play, Pause',
        'test/fixtures/broken.xml:7:3: warning unreachable at Response > Say: <Say> never runs: the call ends at <Hangup>',
        '3 errors, 1 warning',
        '',
      ].join('\n'),
    );
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

  it('prints JSON with --json', async () => {
    const run = await cli(['validate', '--json', '-'], '<Response><Hangup/><Say>x</Say></Response>');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        severity: 'warning',
        code: 'unreachable',
        message: '<Say> never runs: the call ends at <Hangup>',
        path: 'Response > Say',
        line: 1,
        column: 20,
      },
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
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('rejects unknown commands and missing files with exit code 2', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(await cli(['validate', join(tmpdir(), 'missing.xml')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ENOENT'),
    });
  });
});
