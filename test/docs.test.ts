/**
 * Documentation checks: every prop of every component has hover docs whose `@default` agrees
 * with the table, and every `@example` in the component docs renders what it says.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from 'twiml-jsx';
import { vocabulary } from '../src/vocabulary/index.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Hover docs of every attribute, read through the type checker (as an editor would). */
function attributeDocs(): Map<string, { text: string; defaultTag: string | undefined }> {
  const file = root('src/vocabulary/index.ts');
  const program = ts.createProgram([file], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const vocabularySymbol = checker.getExportsOfModule(moduleSymbol).find((s) => s.name === 'vocabulary')!;
  const vocabularyType = checker.getTypeOfSymbol(vocabularySymbol);
  const docs = new Map<string, { text: string; defaultTag: string | undefined }>();
  for (const element of vocabularyType.getProperties()) {
    const attributes = checker.getTypeOfSymbol(element).getProperty('attributes');
    if (!attributes) continue;
    for (const attribute of checker.getTypeOfSymbol(attributes).getProperties()) {
      const text = ts.displayPartsToString(attribute.getDocumentationComment(checker)).trim();
      const tag = attribute.getJsDocTags(checker).find((t) => t.name === 'default');
      docs.set(`${element.name}.${attribute.name}`, {
        text,
        defaultTag: tag ? ts.displayPartsToString(tag.text).trim() : undefined,
      });
    }
  }
  return docs;
}

describe('prop docs', () => {
  const docs = attributeDocs();
  const rows = Object.entries(vocabulary).flatMap(([name, spec]) =>
    Object.entries(spec.attributes).map(([prop, attribute]) => [`${name}.${prop}`, attribute.default] as const),
  );

  it('reads every attribute of every table', () => {
    expect(docs.size).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(300);
  });

  it.each(rows)('%s is documented, and its @default agrees with the table', (key, tableDefault) => {
    const doc = docs.get(key);
    expect(doc?.text, `${key} has no JSDoc`).toMatch(/\w{3,}/);
    if (tableDefault !== undefined) expect(doc?.defaultTag, `${key} @default`).toBe(tableDefault);
  });
});

/** `@example` blocks of src/components.ts: JSX lines, then `// <expected XML>`. */
function componentExamples(): { name: string; code: string; expected: string }[] {
  const source = readFileSync(root('src/components.ts'), 'utf8');
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
