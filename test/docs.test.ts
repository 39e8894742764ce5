/**
 * Documentation checks: every prop of every component has hover docs whose `@default` agrees
 * with the table, and every `@example` in the component docs renders what it says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as core from 'twiml-jsx';
import { vocabulary } from '../src/vocabulary/index.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

describe('docs in the vocabulary tables', async () => {
  const { readJsDoc } = await import('../scripts/docs.js');
  const docs = readJsDoc();
  const rows = Object.entries(vocabulary).flatMap(([name, spec]) =>
    Object.keys(spec.attributes).map((prop) => `${name}.${prop}`),
  );

  it('reads every attribute of every table', () => {
    expect(docs.attributes.size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows)('%s has hover docs', (key) => {
    expect(docs.attributes.get(key)?.text, `${key} has no JSDoc`).toMatch(/\w{3,}/);
  });

  it.each(Object.keys(vocabulary))('<%s> names the Twilio page its rules come from (@see)', (name) => {
    expect(docs.elements.get(name)?.see).toEqual([
      expect.stringMatching(/^https:\/\/www\.twilio\.com\/docs\/[a-z0-9/-]+$/),
    ]);
  });
});

/** `@example` blocks of src/runtime/components.ts: JSX lines, then `// <expected XML>`. */
function componentExamples(): { name: string; code: string; expected: string }[] {
  const source = readFileSync(root('src/runtime/components.ts'), 'utf8');
  const out: { name: string; code: string; expected: string }[] = [];
  const pattern = /\/\*\*([\s\S]*?)\*\/\s*export const (\w+)/g;
  for (const match of source.matchAll(pattern)) {
    const example = match[1].split(/@example\s*\n/)[1];
    if (!example) continue;
    const lines = example
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .filter((l) => l.trim() !== '');
    out.push({
      name: match[2],
      code: lines.filter((l) => !l.startsWith('//')).join('\n'),
      expected: lines
        .filter((l) => l.startsWith('// '))
        .map((l) => l.slice(3))
        .join('\n'),
    });
  }
  return out;
}

describe('component examples', () => {
  const examples = componentExamples();

  it('every component has one', () => {
    const components = Object.keys(vocabulary);
    expect(examples.map((e) => e.name).sort()).toEqual([...components].sort());
  });

  it.each(examples.map((e) => [e.name, e] as const))('%s', (_, { code, expected }) => {
    // Classic JSX keeps the example self-contained: createElement and the components are in scope.
    const { code: js } = transformSync(code, { loader: 'tsx', jsx: 'transform', jsxFactory: 'createElement' });
    const names = Object.keys(core);
    const build = new Function(...names, `return ${js.trim().replace(/;$/, '')};`) as (
      ...args: unknown[]
    ) => core.TwiMLElement;
    const element = build(...names.map((n) => (core as Record<string, unknown>)[n]));
    expect(core.render(element, { validate: false, declaration: false })).toBe(expected);
  });
});

describe('generated documentation', () => {
  it('docs/vocabulary.md and the README codes table are up to date (npm run docs)', async () => {
    const { generatedFiles } = await import('../scripts/docs.js');
    for (const [file, content] of await generatedFiles()) {
      expect(readFileSync(root(file), 'utf8'), `${file} is stale: run npm run docs`).toBe(content);
    }
  }, 60_000);
});
