/**
 * The package's one module loader, for `twiml-jsx dev` and `twiml-jsx render`: compiles a user's
 * module with esbuild (`jsxImportSource: "twiml-jsx"`, packages left to Node's resolution from the
 * module's folder), imports it, and says which source files went into it, so they can be watched.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Esbuild = typeof import('esbuild');

async function esbuild(): Promise<Esbuild> {
  try {
    return (await import('esbuild')) as Esbuild;
  } catch {
    throw new Error(
      'twiml-jsx compiles .tsx/.jsx/.ts modules with esbuild; install it: npm install --save-dev esbuild',
    );
  }
}

export interface LoadedModule {
  /** The module's exports. */
  readonly exports: Readonly<Record<string, unknown>>;
  /** Absolute paths of the source files compiled into it (not packages: those are imported). */
  readonly inputs: readonly string[];
}

/** An error in the user's module: compiling or importing it failed. */
export class ModuleError extends Error {
  override name = 'ModuleError' as const;

  constructor(
    message: string,
    /** The files to watch anyway (those esbuild got to), so fixing them reloads. */
    readonly inputs: readonly string[] = [],
  ) {
    super(message);
  }
}

interface EsbuildFailure {
  errors?: { text: string; location?: { file: string; line: number; column: number } | null }[];
}

/**
 * Compiles `file` and imports the result as a new module instance (a fresh copy every call, so
 * a reload sees the changes).
 * @throws ModuleError naming the file, line and column of compile errors, or what importing threw.
 */
export async function loadModule(file: string): Promise<LoadedModule> {
  const path = resolve(file);
  const { build } = await esbuild();
  const cwd = process.cwd();
  let code: string;
  let inputs: string[];
  try {
    const result = await build({
      entryPoints: [path],
      absWorkingDir: cwd,
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      jsx: 'automatic',
      jsxImportSource: 'twiml-jsx',
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
    inputs = Object.keys(result.metafile.inputs)
      .filter((input) => !/^[a-z-]+:/.test(input))
      .map((input) => resolve(cwd, input));
  } catch (error) {
    const errors = (error as EsbuildFailure).errors ?? [];
    const message = errors
      .map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
      .join('\n');
    const located = errors.flatMap((e) => (e.location ? [resolve(cwd, e.location.file)] : []));
    throw new ModuleError(message || `cannot compile ${file}: ${String(error)}`, [...new Set([path, ...located])]);
  }
  // Written next to the module so its imports resolve from the module's own node_modules.
  const compiled = join(dirname(path), `.twiml-jsx-${randomUUID()}.mjs`);
  await writeFile(compiled, code);
  try {
    const exports = (await import(pathToFileURL(compiled).href)) as Record<string, unknown>;
    return { exports, inputs };
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    throw new ModuleError(`importing ${file} failed: ${detail.replaceAll(compiled, file)}`, inputs);
  } finally {
    await rm(compiled, { force: true });
  }
}

/** How messages name a module's export: `default export`, `export Menu`. */
export const exportLabel = (name: string | undefined): string =>
  name === undefined || name === 'default' ? 'default export' : `export ${name}`;

/**
 * The export `name` of a loaded module.
 *
 * @throws ModuleError when the module has no such export (or it is `undefined`), naming the
 * exports it has.
 * @example
 * exportOf({ exports: { Menu }, inputs: [] }, 'default', 'flows/menu.tsx')
 * // ModuleError: flows/menu.tsx has no default export (it exports: Menu; choose one with --export <name>)
 */
export function exportOf(loaded: LoadedModule, name: string, file: string): unknown {
  const value = Object.hasOwn(loaded.exports, name) ? loaded.exports[name] : undefined;
  if (value !== undefined) return value;
  const names = Object.keys(loaded.exports).filter((key) => loaded.exports[key] !== undefined);
  throw new ModuleError(
    `${file} has no ${name === 'default' ? 'default export' : `export named ${name}`} (` +
      (names.length === 0 ? 'it exports nothing' : `it exports: ${names.join(', ')}; choose one with --export <name>`) +
      ')',
    loaded.inputs,
  );
}
