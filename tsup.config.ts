import { resolve } from 'node:path';
import type { Plugin } from 'esbuild';
import { type Options, defineConfig } from 'tsup';

/**
 * Every entry point, by its path in dist/ (without `.js`) and its source. dist/ mirrors src/, so
 * an entry's relative import of another entry (`../core.js` from `http/index.ts`) is just as
 * right in dist/ as in src/. package.json's `exports` names the same files; test/package.test.ts
 * checks that each one is built and importable from the packed package.
 */
export const entries: Readonly<Record<string, string>> = {
  core: 'src/core.ts',
  index: 'src/index.ts',
  'jsx-runtime': 'src/jsx-runtime.ts',
  'jsx-dev-runtime': 'src/jsx-dev-runtime.ts',
  'xml/index': 'src/xml/index.ts',
  'http/index': 'src/http/index.ts',
  'rest/index': 'src/rest/index.ts',
  'testing/index': 'src/testing/index.ts',
};

/**
 * The command-line program (ESM only, for Node), and the dev server it loads only for `dev` (so
 * `validate` does not load the simulator).
 */
export const cliEntry = { 'cli/index': 'src/cli/index.ts', 'dev/index': 'src/dev/index.ts' } as const;

const sources = new Set([...Object.values(entries), ...Object.values(cliEntry)].map((source) => resolve(source)));

/**
 * Entries share code by importing each other: an import that resolves to another entry's source
 * stays an import, exactly as written (`../core.js`), instead of being bundled in. Nothing is
 * rewritten; what an entry may import is checked by test/layers.test.ts.
 */
function otherEntriesExternal(): Plugin {
  return {
    name: 'other-entries-external',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        return sources.has(target) ? { path: args.path, external: true } : undefined;
      });
    },
  };
}

const shared: Options = {
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  splitting: false,
  external: ['node:*'],
  esbuildPlugins: [otherEntriesExternal()],
  // Declarations come from tsc (scripts/build.ts), one per module, with every JSDoc comment.
  dts: false,
};

export default defineConfig([
  // ESM: dist/*.js, dist/<entry>/index.js.
  { ...shared, entry: entries, format: ['esm'], outDir: 'dist' },
  // CommonJS: the same files under dist/cjs/ (a folder whose package.json says "commonjs").
  { ...shared, entry: entries, format: ['cjs'], outDir: 'dist/cjs', outExtension: () => ({ js: '.js' }) },
  {
    ...shared,
    entry: cliEntry,
    format: ['esm'],
    outDir: 'dist',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['node:*', 'esbuild'],
  },
]);
