/**
 * The packed package (`npm pack`), installed in an empty project: every export resolves, tsc
 * (NodeNext and Node10), the per-file pragma, CommonJS, tsx and Vitest all work with no other
 * configuration, and it renders every vocabulary element like the official helper.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node, type PackedProject, packAndInstall, repoModule, root } from './support/packed.js';

const FLOW_XML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf speech" numDigits="1" action="/menu/choice" timeout="5"><Say voice="Polly.Joanna">For sales press 1. For support press 2.</Say></Gather><Redirect>/menu?retries=1</Redirect></Response>';

let packed: PackedProject;
let work: string;
let project: string;

beforeAll(async () => {
  // Tools the consumer would have; the package itself is installed from the tarball.
  packed = await packAndInstall({
    files: join(root, 'test/package-project'),
    link: ['typescript', 'twilio', 'vitest', 'tsx'],
  });
  ({ work, project } = packed);
}, 120_000);

afterAll(() => packed?.remove());

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
