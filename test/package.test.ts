/**
 * The packed package (`npm pack`), installed in an empty project: every export resolves, tsc
 * (NodeNext and Node10), the per-file pragma, CommonJS, tsx and Vitest all work with no other
 * configuration, and it renders every vocabulary element like the official helper.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const repoModule = (name: string) => join(root, 'node_modules', name);
const FLOW_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf speech" numDigits="1" action="/menu/choice" timeout="5"><Say voice="Polly.Joanna">For sales press 1. For support press 2.</Say></Gather><Redirect>/menu?retries=1</Redirect></Response>';

function run(command: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const node = (args: string[], cwd: string) => run(process.execPath, args, cwd);

let work: string;
let project: string;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist is missing: run `npm run build` first (`npm test` does)');
  work = mkdtempSync(join(tmpdir(), 'twiml-jsx-package-'));
  const packed = await run('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--silent'], root);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = join(work, packed.stdout.trim().split('\n').pop()!);
  project = join(work, 'project');
  mkdirSync(project);
  cpSync(join(root, 'test/package-project'), project, { recursive: true });
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const installed = await run(
    'npm',
    ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
    project,
  );
  expect(installed.code, installed.stderr).toBe(0);
  // Tools the consumer would have; the package itself is installed from the tarball.
  for (const tool of ['typescript', 'twilio', 'vitest', 'tsx'])
    symlinkSync(repoModule(tool), join(project, 'node_modules', tool), 'dir');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('has no runtime dependency but sax, and ships only dist and the runtime folders', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules/twiml-jsx/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      exports: Record<string, unknown>;
    };
    expect(Object.keys(manifest.dependencies)).toEqual(['sax']);
    expect(existsSync(join(project, 'node_modules/twiml-jsx/src'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/twiml-jsx/dist/index.js'))).toBe(true);
  });

  it('resolves every export, from ESM and from CommonJS', async () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const subpaths = Object.keys(manifest.exports)
      .filter((k) => k !== './package.json')
      .map((k) => k.replace(/^\./, 'twiml-jsx'));
    const script = `for (const p of ${JSON.stringify(subpaths)}) { const m = await import(p); if (Object.keys(m).length === 0) throw new Error(p + ' is empty'); }
const { createRequire } = await import('node:module'); const require = createRequire(import.meta.url);
for (const p of ${JSON.stringify(subpaths)}) if (Object.keys(require(p)).length === 0) throw new Error(p + ' (cjs) is empty');
console.log('ok');`;
    const result = await node(['--input-type=module', '-e', script], project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('ok\n');
  });

  it('compiles under tsc strict (NodeNext) with jsxImportSource, refuses wrong props, and runs', async () => {
    const tsc = await node([repoModule('typescript/bin/tsc'), '-p', 'tsconfig.json'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    const result = await node(['out/app.js'], project);
    expect(result.stdout).toBe(FLOW_XML + '\n');
  });

  it('type-checks under Node10 module resolution (typesVersions)', async () => {
    const tsc = await node([repoModule('typescript/bin/tsc'), '-p', 'tsconfig.node10.json'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
  });

  it('honours the per-file @jsxImportSource pragma', async () => {
    const tsc = await node([repoModule('typescript/bin/tsc'), '-p', 'tsconfig.pragma.json'], project);
    expect(tsc.stdout + tsc.stderr).toBe('');
    const result = await node(['out/pragma.js'], project);
    expect(result.stdout).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye</Say><Hangup/></Response>\n',
    );
  });

  it('works from CommonJS', async () => {
    const result = await node(['require.cjs'], project);
    expect(result.stdout).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say><Say>Bye</Say></Response>\nround trip ok\n',
    );
  });

  it('runs .tsx directly with tsx (esbuild)', async () => {
    const result = await node([repoModule('tsx/dist/cli.mjs'), 'app.tsx'], project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(FLOW_XML + '\n');
  });

  it('runs under Vitest (Vite compiles JSX through jsx-dev-runtime)', async () => {
    const result = await node([repoModule('vitest/vitest.mjs'), 'run'], project);
    expect(result.stdout + result.stderr).toMatch(/1 passed/);
    expect(result.code).toBe(0);
  });

  it('renders every vocabulary element, and random documents, like the official helper', async () => {
    cpSync(join(root, 'test/support'), join(work, 'support'), { recursive: true });
    await build({
      entryPoints: [join(project, 'parity.ts')],
      outfile: join(project, 'out/parity.mjs'),
      bundle: true,
      format: 'esm',
      platform: 'node',
      external: ['twiml-jsx', 'twilio'],
      alias: { 'fast-check': repoModule('fast-check') },
      logLevel: 'silent',
    });
    const result = await node(['out/parity.mjs'], project);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^\d{2} elements and 500 random documents identical\n$/);
  });
});
