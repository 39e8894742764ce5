/**
 * Builds the dev phone's page (src/dev/ui/) into `outDir`: index.html, app.js (Preact, dagre and
 * the page's code, minified) and app.css. Everything the page needs is in these three files, so
 * nothing is fetched from a CDN at run time. `npm run build` writes them to dist/dev/page/, where
 * the dev server (dist/dev/index.js) reads them.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ui = fileURLToPath(new URL('../src/dev/ui/', import.meta.url));

/** Builds the page; resolves with the files' sizes in bytes. */
export async function buildDevUi(outDir: string): Promise<Record<string, number>> {
  mkdirSync(outDir, { recursive: true });
  const result = await build({
    entryPoints: { app: join(ui, 'main.tsx') },
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'eof',
    metafile: true,
    logLevel: 'warning',
  });
  copyFileSync(join(ui, 'index.html'), join(outDir, 'index.html'));
  return Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([file, output]) => [file.split('/').pop()!, output.bytes]),
  );
}
