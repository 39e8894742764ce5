/**
 * The layers of src/ keep their order (scripts/layers.ts): no module imports a higher folder, and
 * outside the core the core is reached through core.ts only, other entries through their index.ts.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type SourceImport, LAYERS, importsOf, layerViolation } from '../scripts/layers.js';

const src = fileURLToPath(new URL('../src/', import.meta.url));

describe('the layers of src/', () => {
  it('are the folders of src/, in order', () => {
    expect(LAYERS).toEqual([
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
    ]);
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual(LAYERS.filter((layer) => layer !== '.').sort());
  });

  it('are kept by every import of src/, dynamic import() included', () => {
    const imports = importsOf(src);
    expect(imports.length).toBeGreaterThan(200);
    expect(imports).toContainEqual({ from: 'cli/run.ts', to: 'dev/index.ts', typeOnly: false });
    expect(imports.map(layerViolation).filter((v) => v !== undefined)).toEqual([]);
  });

  const value = (from: string, to: string): SourceImport => ({ from, to, typeOnly: false });
  const type = (from: string, to: string): SourceImport => ({ from, to, typeOnly: true });

  it.each([
    // A lower folder importing a higher one, value or type.
    [
      value('runtime/element.ts', 'render/write.ts'),
      /runtime\/element\.ts \(runtime\) imports render\/write\.ts \(render\), a higher layer/,
    ],
    [type('vocabulary/spec.ts', 'runtime/element.ts'), /a higher layer/],
    [value('validate/validate.ts', 'render/write.ts'), /a higher layer/],
    [value('xml-text/escape.ts', 'vocabulary/index.ts'), /a higher layer/],
    [value('http/webhooks.ts', 'rest/types.ts'), /a higher layer/],
    [value('runtime/element.ts', 'core.ts'), /a higher layer/],
    // Outside the core, the core's values come through core.ts (one copy of the core).
    [value('http/serve.ts', 'render/render.ts'), /import the core's values from core\.ts/],
    [value('testing/call.ts', 'runtime/text.ts'), /import the core's values from core\.ts/],
    // Other entries through their index.ts.
    [value('testing/fetch.ts', 'xml/parse.ts'), /import another entry through its index\.ts/],
    // The main entry and the JSX runtimes re-export core.ts only.
    [value('index.ts', 'runtime/components.ts'), /re-export core\.ts only/],
    [value('jsx-runtime.ts', 'runtime/jsx.ts'), /re-export core\.ts only/],
    // The dev phone sits below the command that starts it.
    [value('dev/server.ts', 'cli/run.ts'), /a higher layer/],
    // A folder that is not a layer.
    [value('utils/x.ts', 'runtime/element.ts'), /its folder utils\/ is not in the list of layers/],
  ])('refuses %j', (anImport, message) => {
    expect(layerViolation(anImport)).toMatch(message);
  });

  it.each([
    value('runtime/element.ts', 'xml-text/escape.ts'),
    value('runtime/build.ts', 'runtime/element.ts'),
    value('core.ts', 'validate/validate.ts'),
    value('index.ts', 'core.ts'),
    value('http/serve.ts', 'core.ts'),
    type('http/node.ts', 'runtime/element.ts'),
    value('testing/fetch.ts', 'xml/index.ts'),
    value('cli/run.ts', 'xml/index.ts'),
    value('dev/server.ts', 'testing/index.ts'),
    value('cli/run.ts', 'dev/index.ts'),
  ])('allows %j', (anImport) => {
    expect(layerViolation(anImport)).toBeUndefined();
  });
});
