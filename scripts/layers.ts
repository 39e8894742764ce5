/**
 * The order of src/'s folders, low to high, and the check that keeps it: a module imports only
 * from its own folder or from folders below it. Entries share the core through `src/core.ts` and
 * each other through their `index.ts`, so that the build (one bundle per entry) never copies a
 * module into two bundles. Run by test/layers.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The layers, low to high. `.` is src/ itself: `core.ts` (the core's one public face) and the
 * main entry and JSX runtimes, which re-export it.
 */
export const LAYERS = [
  'xml-text',
  'vocabulary',
  'runtime',
  'validate',
  'render',
  '.',
  'xml',
  'http',
  'rest',
  'testing',
  'dev',
  'cli',
] as const;

/** The layers that make up the core (bundled together into `core.js`). */
export const CORE_LAYERS: readonly string[] = LAYERS.slice(0, LAYERS.indexOf('.'));

/** One import or re-export of a module of src/. */
export interface SourceImport {
  /** The importing module, relative to src/ (`http/node.ts`). */
  readonly from: string;
  /** The imported module, relative to src/ (`runtime/element.ts`). */
  readonly to: string;
  /** `import type` / `export type`, or every name imported is a type: erased at build time. */
  readonly typeOnly: boolean;
}

/** The folder (layer) of a module path relative to src/. */
export function layerOf(path: string): string {
  const folder = path.split('/').length > 1 ? path.split('/')[0] : '.';
  return folder;
}

/** What is wrong with one import, or undefined when it keeps the order. */
export function layerViolation({ from, to, typeOnly }: SourceImport): string | undefined {
  const fromLayer = layerOf(from);
  const toLayer = layerOf(to);
  const rank = (layer: string) => (LAYERS as readonly string[]).indexOf(layer);
  if (rank(fromLayer) === -1) return `${from}: its folder ${fromLayer}/ is not in the list of layers`;
  if (rank(toLayer) === -1) return `${from} imports ${to}, whose folder ${toLayer}/ is not in the list of layers`;
  if (rank(toLayer) > rank(fromLayer)) {
    return `${from} (${fromLayer}) imports ${to} (${toLayer}), a higher layer`;
  }
  if (typeOnly || fromLayer === toLayer) return undefined;
  if (fromLayer === '.' && from !== 'core.ts' && to !== 'core.ts') {
    return `${from} imports ${to}: the main entry and the JSX runtimes re-export core.ts only`;
  }
  const fromCore = CORE_LAYERS.includes(fromLayer) || from === 'core.ts';
  if (!fromCore && CORE_LAYERS.includes(toLayer)) {
    return `${from} imports ${to}: outside the core, import the core's values from core.ts (one copy of the core)`;
  }
  if (!fromCore && toLayer !== '.' && to !== `${toLayer}/index.ts`) {
    return `${from} imports ${to}: import another entry through its index.ts`;
  }
  return undefined;
}

/** Every `.ts` module under `folder`, relative to it. */
function modules(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix)).flatMap((name) => {
    const path = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(join(folder, path)).isDirectory()) return modules(folder, path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return (
      clause !== undefined &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly)
    );
  }
  const clause = node.importClause;
  if (clause === undefined) return false;
  if (clause.isTypeOnly) return true;
  if (clause.name !== undefined) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((e) => e.isTypeOnly)
  );
}

/** Every relative import and re-export of the modules under `src`. */
export function importsOf(src: string): SourceImport[] {
  const found: SourceImport[] = [];
  for (const path of modules(src)) {
    const file = ts.createSourceFile(path, readFileSync(join(src, path), 'utf8'), ts.ScriptTarget.Latest, false);
    const add = (specifier: string, typeOnly: boolean) => {
      if (!specifier.startsWith('.')) return;
      const target = relative(src, resolve(src, dirname(path), specifier.replace(/\.js$/, '.ts')))
        .split('\\')
        .join('/');
      found.push({ from: path, to: target, typeOnly });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        const specifier = node.moduleSpecifier;
        if (specifier !== undefined && ts.isStringLiteral(specifier)) add(specifier.text, isTypeOnly(node));
      } else if (
        // import('…') loads a module as surely as a static import does.
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length > 0 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        add(node.arguments[0].text, false);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}
