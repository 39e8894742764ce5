/**
 * Nothing is exported undeclared: every built entry file (ESM and CommonJS) exports at run time
 * exactly the values its declaration file declares. A name exported at run time but not declared
 * would be hidden API; one declared but missing would break users at run time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

interface Manifest {
  readonly exports: Record<
    string,
    string | { import: { types: string; default: string }; require: { types: string; default: string } }
  >;
}

/** Every (subpath, condition) of package.json's `exports`, with its JavaScript and declaration files. */
function entryFiles(): { subpath: string; kind: 'import' | 'require'; js: string; types: string }[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'string'
      ? []
      : (['import', 'require'] as const).map((kind) => ({
          subpath,
          kind,
          js: join(root, target[kind].default),
          types: join(root, target[kind].types),
        })),
  );
}

/** The names a declaration file exports as values (not types), resolved through re-exports. */
function declaredValues(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, strict: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`cannot read ${file}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (moduleSymbol === undefined) return [];
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => {
      // Follow re-exports; `export { type X }` / `export type { X }` anywhere on the way exports no value.
      let current = symbol;
      while (current.flags & ts.SymbolFlags.Alias) {
        if (current.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))) return false;
        current = checker.getImmediateAliasedSymbol(current) ?? checker.getAliasedSymbol(current);
        if (current === undefined) return false;
      }
      return (current.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

beforeAll(() => {
  if (!existsSync(join(dist, 'core.js')))
    throw new Error('dist is missing: run `npm run build` first (`npm test` does)');
});

describe('every entry file', () => {
  it.each(entryFiles().map((e) => [`${e.subpath} (${e.kind})`, e] as const))(
    '%s exports exactly what it declares',
    async (_, { kind, js, types }) => {
      const module = (kind === 'import' ? await import(pathToFileURL(js).href) : require(js)) as Record<
        string,
        unknown
      >;
      const runtime = Object.keys(module)
        .filter((name) => name !== 'default' && name !== '__esModule')
        .sort();
      expect(runtime.length).toBeGreaterThan(0);
      expect(runtime).toEqual(declaredValues(types));
    },
  );

  it('finds hidden exports (the check can fail)', () => {
    // dist/core.js exports more than the main entry declares: comparing the two must differ.
    const main = entryFiles().find((e) => e.subpath === '.' && e.kind === 'import')!;
    const core = entryFiles().find((e) => e.subpath === './core' && e.kind === 'import')!;
    expect(declaredValues(core.types)).not.toEqual(declaredValues(main.types));
    expect(declaredValues(core.types)).toEqual(expect.arrayContaining(['makeElement', 'didYouMean', 'jsx']));
    expect(declaredValues(main.types)).not.toContain('makeElement');
    // Types, and values re-exported as types only, are not values.
    expect(declaredValues(main.types)).toEqual(expect.arrayContaining(['render', 'Say']));
    expect(declaredValues(main.types)).not.toContain('TwiMLElement');
  });
});
