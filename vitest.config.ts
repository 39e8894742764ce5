import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests and examples import the package by name; point them at the sources.
    alias: [
      { find: /^twiml-jsx\/jsx-dev-runtime$/, replacement: src('jsx-dev-runtime.ts') },
      { find: /^twiml-jsx\/jsx-runtime$/, replacement: src('jsx-runtime.ts') },
      { find: /^twiml-jsx\/core$/, replacement: src('core.ts') },
      { find: /^twiml-jsx\/(xml|http|rest|testing)$/, replacement: src('$1/index.ts') },
      { find: /^twiml-jsx$/, replacement: src('index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
  },
});
