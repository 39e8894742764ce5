import { relative, resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { existsSync } from 'node:fs';
import { type Options, defineConfig } from 'tsup';

/**
 * Every public entry point. package.json's `exports` names the same files; test/package.test.ts
 * checks that each one is built and importable from the packed package.
 */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  'jsx-runtime': 'src/jsx-runtime.ts',
  'jsx-dev-runtime': 'src/jsx-dev-runtime.ts',
  xml: 'src/xml/index.ts',
  http: 'src/http/index.ts',
  rest: 'src/rest/index.ts',
  testing: 'src/testing/index.ts',
};

// An entry whose source is missing fails test/package.test.ts (every export must exist).
const present = Object.fromEntries(Object.entries(entries).filter(([, source]) => existsSync(source)));
const { index: _core, ...others } = present;

/** The folders of the subpath entries; every other module under src/ belongs to the core. */
const SUBPATHS = ['xml', 'http', 'rest', 'testing', 'cli'];

/**
 * The core is built into dist/index.js alone (no chunks: one file to read on import). The other
 * entries import it from there rather than holding copies: an import of a core module becomes an
 * import of `./index.js` (`./index.cjs` in the CommonJS build), which exports what they use
 * (src/internal.ts).
 */
function coreFromIndex(): Plugin {
  const src = resolve('src');
  return {
    name: 'core-from-index',
    setup(build) {
      // tsup writes CommonJS files as .cjs (building them as ESM first when splitting).
      const target = build.initialOptions.outExtension?.['.js'] === '.cjs' ? './index.cjs' : './index.js';
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const path = relative(src, resolve(args.resolveDir, args.path));
        if (path.startsWith('..') || SUBPATHS.includes(path.split(/[\\/]/)[0])) return undefined;
        return { path: target, external: true };
      });
    },
  };
}

const shared: Options = {
  format: ['esm', 'cjs'],
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  external: ['node:*'],
};

export default defineConfig([
  // The core, with what the other entries use from it.
  { ...shared, entry: { index: 'src/internal.ts' }, splitting: false },
  // The JSX runtimes and the subpaths, importing the core from dist/index.
  { ...shared, entry: others, splitting: true, esbuildPlugins: [coreFromIndex()] },
  // Declarations of the public entries (index.d.ts from src/index.ts: the public API only).
  { ...shared, entry: present, dts: { only: true } },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['esbuild'],
  },
]);
