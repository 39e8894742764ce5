import { existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * Every public entry point. `index` (the core) stays dependency-free; the heavier parts live
 * behind subpaths. package.json's `exports` names the same files; test/package.test.ts checks
 * that each one is built and importable from the packed package.
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

export default defineConfig([
  {
    // An entry whose source is missing fails test/package.test.ts (every export must exist).
    entry: Object.fromEntries(Object.entries(entries).filter(([, source]) => existsSync(source))),
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
    external: ['node:*'],
  },
  {
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    external: ['esbuild'],
  },
]);
