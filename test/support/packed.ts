/**
 * The package as users get it: `npm pack` of the built repository, installed from the tarball in
 * a fresh consumer project in a temporary folder. The package tests (test/package*.test.ts) each
 * make one.
 *
 * `TWIML_JSX_TARBALL=/path/to/twiml-jsx-x.y.z.tgz` installs that tarball instead of packing the
 * repository: how a test is shown to fail on an older build.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** A package installed in the repository (the tools a consumer would have installed too). */
export const repoModule = (name: string): string => join(root, 'node_modules', name);

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** The environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** Written to standard input, which is then closed. @default '' */
  readonly input?: string;
}

/**
 * Runs a command to its end (its output streams closed); never throws (the exit code is in the
 * result).
 */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  { env, input = '' }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = execFile(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

/** Runs a script with this Node. */
export const node = (args: readonly string[], cwd: string): Promise<RunResult> => run(process.execPath, args, cwd);

/** Runs the repository's TypeScript compiler (`tsc -p <config>`) in `cwd`. */
export const tsc = (config: string, cwd: string): Promise<RunResult> =>
  node([repoModule('typescript/bin/tsc'), '-p', config], cwd);

export interface PackedProject {
  /** The temporary folder holding the tarball and the project; `remove()` deletes it. */
  readonly work: string;
  /** The packed tarball. */
  readonly tarball: string;
  /** The consumer project: `package.json` (ESM), and node_modules/twiml-jsx from the tarball. */
  readonly project: string;
  remove(): void;
}

export interface PackOptions {
  /** A folder whose contents are copied into the project before installing. */
  readonly files?: string;
  /** Packages of the repository's node_modules linked into the project's (`typescript`, `@types/node`…). */
  readonly link?: readonly string[];
}

/**
 * Packs the repository (dist/ must be built) into a new temporary folder, or takes the tarball
 * named by `TWIML_JSX_TARBALL`.
 */
export async function pack(): Promise<{ work: string; tarball: string; remove(): void }> {
  const work = mkdtempSync(join(tmpdir(), 'twiml-jsx-package-'));
  const remove = () => rmSync(work, { recursive: true, force: true });
  const given = process.env.TWIML_JSX_TARBALL;
  if (given) return { work, tarball: given, remove };
  try {
    if (!existsSync(join(root, 'dist/index.js')))
      throw new Error('dist is missing: run `npm run build` first (`npm test` does)');
    // --ignore-scripts: the tests pack what is built; `prepack` (a build) is for releases.
    const packed = await run('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--silent'], root);
    if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    return { work, tarball: join(work, packed.stdout.trim().split('\n').pop()!), remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Packs the repository and installs the tarball in a new project. */
export async function packAndInstall(options: PackOptions = {}): Promise<PackedProject> {
  const { work, tarball, remove } = await pack();
  try {
    const project = join(work, 'project');
    mkdirSync(project);
    if (options.files) cpSync(options.files, project, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const installed = await run(
      'npm',
      ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'],
      project,
    );
    if (installed.code !== 0) throw new Error(`npm install of the tarball failed: ${installed.stderr}`);
    for (const name of options.link ?? []) {
      const target = join(project, 'node_modules', name);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(repoModule(name), target, 'dir');
    }
    return { work, tarball, project, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
