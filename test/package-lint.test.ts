/**
 * The packed tarball as the registry would get it: publint and arethetypeswrong (offline, on the
 * tarball) find nothing; every subpath also resolves through its root folder, for resolvers that
 * ignore `exports` (TypeScript's node10, older bundlers and test runners); the tarball holds
 * the license and no sources; and a checkout without dist/ packs a built package (`prepack`).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { node, pack, repoModule, root, run } from './support/packed.js';

interface Manifest {
  files: string[];
  exports: Record<string, unknown>;
  typesVersions?: unknown;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  scripts: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;

/** The subpaths of `exports` (`core`, `http`…), without the package itself and package.json. */
const subpaths = Object.keys(manifest.exports)
  .filter((k) => k !== '.' && k !== './package.json')
  .map((k) => k.slice(2));

interface AttwResult {
  code: number;
  problems: { kind: string; entrypoint?: string; resolutionKind?: string }[];
  entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
}

/** arethetypeswrong on a tarball: offline (no @types lookup), every resolution mode. */
async function attw(tarball: string): Promise<AttwResult> {
  const result = await node(
    [repoModule('@arethetypeswrong/cli/dist/index.js'), tarball, '--format', 'json', '--no-definitely-typed'],
    root,
  );
  const json = JSON.parse(result.stdout) as { analysis: Omit<AttwResult, 'code'> };
  return { code: result.code, problems: json.analysis.problems, entrypoints: json.analysis.entrypoints };
}

let packed: Awaited<ReturnType<typeof pack>>;
let contents: string[];

beforeAll(async () => {
  packed = await pack();
  const listed = await run('tar', ['-tzf', packed.tarball], root);
  contents = listed.stdout.trim().split('\n').sort();
}, 120_000);

afterAll(() => packed?.remove());

describe('the packed tarball', () => {
  it('is clean for publint (strict: warnings count as errors)', async () => {
    const tarball = readFileSync(packed.tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it('is clean for arethetypeswrong in every resolution mode, for every entry point', async () => {
    const result = await attw(packed.tarball);
    expect(result.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(Object.keys(result.entrypoints).sort()).toEqual(Object.keys(manifest.exports).sort());
    for (const [entry, { resolutions }] of Object.entries(result.entrypoints)) {
      expect(Object.keys(resolutions).sort(), entry).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm']);
      for (const [mode, { resolution }] of Object.entries(resolutions))
        expect(resolution?.fileName, `${entry} (${mode})`).toMatch(/\.d\.ts$|package\.json$/);
    }
  });

  it('resolves every subpath through its root folder when `exports` and `typesVersions` are ignored', async () => {
    // What node10 resolution finds once typesVersions is gone: only the folders remain.
    const work = mkdtempSync(join(tmpdir(), 'twiml-jsx-folders-'));
    try {
      await run('tar', ['-xzf', packed.tarball, '-C', work], root);
      const dir = join(work, 'package');
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
      delete pkg.typesVersions;
      delete (pkg.scripts as Record<string, string> | undefined)?.prepack;
      writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
      const repacked = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], dir);
      const result = await attw(join(work, repacked.stdout.trim().split('\n').pop()!));
      expect(result.problems).toEqual([]);
      for (const subpath of subpaths)
        expect(result.entrypoints[`./${subpath}`].resolutions.node10.resolution?.fileName, subpath).toBe(
          `/node_modules/twiml-jsx/dist/${subpath.startsWith('jsx') || subpath === 'core' ? subpath : `${subpath}/index`}.d.ts`,
        );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);

  it('has a root folder for every subpath, shipped, pointing at the built files', () => {
    for (const subpath of subpaths) {
      expect(manifest.files, subpath).toContain(subpath);
      expect(contents, subpath).toContain(`package/${subpath}/package.json`);
      const folder = JSON.parse(readFileSync(join(root, subpath, 'package.json'), 'utf8')) as Record<string, string>;
      const conditions = manifest.exports[`./${subpath}`] as Record<'import' | 'require', Record<string, string>>;
      expect(`./${posix.join(subpath, folder.main)}`, subpath).toBe(conditions.require.default);
      expect(`./${posix.join(subpath, folder.module)}`, subpath).toBe(conditions.import.default);
      expect(`./${posix.join(subpath, folder.types)}`, subpath).toBe(conditions.import.types);
    }
  });

  it('holds the license, the readme and the build, and no sources or tests', () => {
    expect(contents).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/package.json']));
    expect(contents).toContain('package/dist/index.js');
    expect(contents).toContain('package/dist/cjs/package.json');
    const outside = contents.filter(
      (f) => !/^package\/(dist\/|[a-z-]+\/package\.json$|LICENSE$|README\.md$|package\.json$)/.test(f),
    );
    expect(outside).toEqual([]);
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} the twiml-jsx authors\n/,
    );
  });

  it('names its repository, homepage and issue tracker', () => {
    expect(manifest.repository.url).toBe('git+https://github.com/twiml-jsx/twiml-jsx.git');
    expect(manifest.homepage).toBe('https://github.com/twiml-jsx/twiml-jsx#readme');
    expect(manifest.bugs.url).toBe('https://github.com/twiml-jsx/twiml-jsx/issues');
  });
});

describe('a checkout without dist/', () => {
  it('packs a built package: `prepack` runs the build', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'twiml-jsx-checkout-'));
    try {
      // What a fresh clone holds (and no dist/); node_modules as `npm ci` would install it.
      for (const path of [
        'package.json',
        'tsconfig.json',
        'tsconfig.build.json',
        'tsup.config.ts',
        'README.md',
        'LICENSE',
      ])
        cpSync(join(root, path), join(checkout, path));
      for (const folder of ['src', 'scripts', ...subpaths])
        cpSync(join(root, folder), join(checkout, folder), { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'), 'dir');
      const result = await run('npm', ['pack', '--dry-run', '--json'], checkout);
      expect(result.code, result.stderr).toBe(0);
      const [{ files }] = JSON.parse(result.stdout) as [{ files: { path: string }[] }];
      const paths = files.map((f) => f.path);
      for (const entry of ['dist/index.js', 'dist/index.d.ts', 'dist/cjs/index.js', 'dist/cli/index.js'])
        expect(paths).toContain(entry);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
  }, 300_000);
});
