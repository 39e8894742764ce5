/** The `dev` command's own exits: --help, usage errors, a module that does not exist, a page not built. */
import { describe, expect, it } from 'vitest';
import { runDev } from '../../src/dev/index.js';

async function dev(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runDev(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('twiml-jsx dev (the command)', () => {
  it('--help prints the usage, exit 0', async () => {
    const run = await dev(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: twiml-jsx dev <module> \[options\]\n/);
    expect(run.stdout).toContain('--auth-token <token>');
  });

  it('a usage error says what is wrong, then the usage; exit 2', async () => {
    const run = await dev(['--voice', '/v']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^twiml-jsx dev: dev needs a module \(e\.g\. src\/app\.tsx\) or --url http:\/\/127\.0\.0\.1:5000\n\nUsage: twiml-jsx dev/,
    );
  });

  it('a module that does not exist: exit 2, naming it', async () => {
    expect(await dev(['nowhere/app.tsx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'twiml-jsx dev: nowhere/app.tsx does not exist\n',
    });
  });

  it('without the built page (sources only): exit 1, saying how to build it', async () => {
    const run = await dev(['--url', 'http://127.0.0.1:9', '--port', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^twiml-jsx dev: the dev page is not built \(.*index\.html is missing\); build the package: npm run build\n$/,
    );
  });
});
