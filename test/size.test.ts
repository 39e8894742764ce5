/**
 * The core's weight: `twiml-jsx` as built in dist/, bundled and minified, then gzipped, stays
 * within its budget (bench/size.ts; BENCHMARKS.md has the numbers), and holds nothing from the
 * heavier entries (the XML parser, node built-ins).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORE_BUDGET_GZIPPED, coreBundleSize } from '../bench/size.js';

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

describe('core bundle', () => {
  it('is built (npm test builds before testing)', () => {
    expect(existsSync(dist('index.js'))).toBe(true);
  });

  it(`is at most ${CORE_BUDGET_GZIPPED} bytes minified and gzipped`, async () => {
    const { gzipped, minified } = await coreBundleSize();
    // A bundle this small would mean the build lost most of the core.
    expect(minified).toBeGreaterThan(20_000);
    expect(gzipped).toBeLessThanOrEqual(CORE_BUDGET_GZIPPED);
  });

  it('is one file that imports nothing (no chunks, no parser, no node built-ins)', () => {
    for (const file of ['core.js', 'cjs/core.js']) {
      const code = readFileSync(dist(file), 'utf8');
      expect(code, file).not.toMatch(/^\s*import\s/m);
      expect(code, file).not.toMatch(/\brequire\(/);
    }
  });

  it('is what the main entry and the JSX runtimes re-export, and nothing else', () => {
    for (const file of ['index.js', 'jsx-runtime.js', 'jsx-dev-runtime.js']) {
      expect(readFileSync(dist(file), 'utf8'), file).toMatch(/^export \{[^}]+\} from '\.\/core\.js';\s*$/);
    }
  });
});
