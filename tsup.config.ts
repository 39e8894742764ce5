import { defineConfig } from 'tsup';

/** Every public entry point; `twiml-jsx` (index) stays dependency-free. */
export const entries = {
  index: 'src/index.ts',
  'jsx-runtime': 'src/jsx-runtime.ts',
  'jsx-dev-runtime': 'src/jsx-dev-runtime.ts',
};

export default defineConfig([
  {
    entry: entries,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    splitting: true,
    treeshake: true,
  },
]);
