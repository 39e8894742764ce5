/**
 * Loads a flow module (.tsx, .jsx, .ts, .js) for `twiml-jsx render`: esbuild compiles it with
 * `jsxImportSource: "twiml-jsx"`, leaving packages to Node's resolution from the flow's folder.
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
    throw new Error('`twiml-jsx render` compiles flows with esbuild; install it: npm install --save-dev esbuild');
  }
}

/** Compiles and imports `file`, returning its export `name`. */
export async function loadFlow(file: string, name: string): Promise<unknown> {
  const path = resolve(file);
  const { build } = await esbuild();
  let code: string;
  try {
    const result = await build({
      entryPoints: [path],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      jsx: 'automatic',
      jsxImportSource: 'twiml-jsx',
      logLevel: 'silent',
    });
    code = result.outputFiles[0].text;
  } catch (error) {
    const message = (error as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors
      ?.map((e) => (e.location ? `${file}:${e.location.line}:${e.location.column + 1}: ${e.text}` : e.text))
      .join('\n');
    throw new Error(message || `cannot compile ${file}: ${String(error)}`);
  }
  // Written next to the flow so its imports resolve from the flow's own node_modules.
  const compiled = join(dirname(path), `.twiml-jsx-${randomUUID()}.mjs`);
  await writeFile(compiled, code);
  try {
    const module = (await import(pathToFileURL(compiled).href)) as Record<string, unknown>;
    if (!(name in module))
      throw new Error(`${file} has no ${name === 'default' ? 'default export' : `export named ${name}`}`);
    return module[name];
  } finally {
    await rm(compiled, { force: true });
  }
}
