/**
 * The matchers' type setups for Vitest that docs/testing.md and the JSDoc of `TwiMLMatchers` give,
 * each compiled on its own: a declaration file holding the setup, and a test file that uses both
 * matchers and the asymmetric form. Nothing else of this repository's tests is in the program (their
 * own augmentation would hide a broken one), so a setup TypeScript silently ignores shows up as
 * errors in the test file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(root + path, 'utf8');

/** The guide's declaration-file blocks for Vitest: 3.2 and later, then older versions. */
const guide = read('docs/testing.md');
const vitestSection = guide.slice(guide.indexOf('## Setup with Vitest'), guide.indexOf('## Setup with Jest'));
const [current, older] = [...vitestSection.matchAll(/```ts\n([\s\S]*?)\n```/g)]
  .map((m) => m[1])
  .filter((code) => code.includes("declare module 'vitest'"));

/** The ```ts block of the JSDoc of `TwiMLMatchers`, without the comment's ` * `. */
const jsdoc = /\* ```ts\n([\s\S]*?)\n \* ```/
  .exec(read('src/testing/matchers.ts'))?.[1]
  .split('\n')
  .map((line) => line.replace(/^ \* ?/, ''))
  .join('\n');

const usage = `import { expect } from 'vitest';
import { twimlMatchers } from 'twiml-jsx/testing';

expect.extend(twimlMatchers);
expect('<Response/>').toRenderTwiML('<Response/>');
expect('<Response/>').not.toBeValidTwiML();
expect({ body: '<Response/>' }).toEqual({ body: expect.toRenderTwiML('<Response/>') });
`;

const config = ts.getParsedCommandLineOfConfigFile(
  root + 'tsconfig.json',
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  },
)!;
/** Source files of the library and of vitest, parsed once for every compilation. */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** The diagnostics of a program made of `setup` (as vitest.d.ts) and the usage file, as `file: message`. */
function compile(setup: string): string[] {
  const virtual: Record<string, string> = {
    [root + 'test/testing/setup/vitest.d.ts']: setup,
    [root + 'test/testing/setup/usage.test.ts']: usage,
  };
  const host = ts.createCompilerHost(config.options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => file in virtual || fileExists(file);
  host.readFile = (file) => virtual[file] ?? readFile(file);
  host.getSourceFile = (file, language, ...rest) => {
    if (file in virtual) return ts.createSourceFile(file, virtual[file], language);
    if (!parsed.has(file)) parsed.set(file, getSourceFile(file, language, ...rest));
    return parsed.get(file);
  };
  const program = ts.createProgram({ rootNames: Object.keys(virtual), options: config.options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? basename(d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

describe('the Vitest type setup', () => {
  it('is the same in the JSDoc of TwiMLMatchers and in the guide', () => {
    expect(current).toContain('interface Matchers<T = any> extends TwiMLMatchers<T> {}');
    expect(jsdoc).toBe(current);
  });

  it.each([
    ['the guide, Vitest 3.2 and later', current, []],
    ['the guide, before Vitest 3.2', older, []],
    ['the JSDoc of TwiMLMatchers', jsdoc!, []],
    [
      // What the JSDoc used to recommend: TypeScript ignores the augmentation without a word.
      'an Assertion augmentation without an import of vitest',
      `import type { TwiMLMatchers } from 'twiml-jsx/testing';

declare module 'vitest' {
  interface Assertion<T = any> extends TwiMLMatchers<T> {}
}`,
      [
        "usage.test.ts: Property 'toRenderTwiML' does not exist on type 'Assertion<string>'.",
        "usage.test.ts: Property 'toBeValidTwiML' does not exist on type 'Assertion<string>'.",
        "usage.test.ts: Property 'toRenderTwiML' does not exist on type 'ExpectStatic'.",
      ],
    ],
  ])(
    '%s',
    (_, setup, errors) => {
      expect(compile(setup)).toEqual(errors);
    },
    // Each case type-checks a program from scratch: ~10 s alone, several times that on a busy machine.
    120_000,
  );
});
