/**
 * What docs/testing.md shows besides its samples. Its samples themselves (the app under test, the
 * setup and each test file) are type-checked and run as written by test/docs-samples.test.ts, test
 * files with Vitest and the page's own vitest.config.ts, as is the README's "Testing your flows"
 * sample. Here: the failure messages the page prints (`<!-- output: id -->` blocks) are the ones
 * the matchers give for its samples, and the Jest setup registers the matchers without a cast. The
 * harness gives a document's samples no types of its own: the page's declaration file is what types
 * its test files' matchers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dial, Gather, Response, Say } from 'twiml-jsx';
import { twimlMatchers, type TwiMLMatchers } from 'twiml-jsx/testing';
import { samplesOf } from '../docs-samples/check.js';

expect.extend(twimlMatchers);

declare module 'vitest' {
  interface Matchers<T = any> extends TwiMLMatchers<T> {}
}

const guide = readFileSync(new URL('../../docs/testing.md', import.meta.url), 'utf8');
const { samples } = samplesOf(guide, 'docs/testing.md');

/** The sample that is the file `name`. */
function file(name: string): string {
  const sample = samples.find((s) => s.file === name);
  if (!sample) throw new Error(`docs/testing.md has no sample named ${name}`);
  return sample.code;
}

/** The output block the guide marks with `<!-- output: id -->`. */
function output(id: string): string {
  const match = new RegExp(`<!-- output: ${id} -->\\n+\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(guide);
  if (!match) throw new Error(`docs/testing.md has no output block "${id}"`);
  return match[1];
}

/** The message of the assertion `run` fails with, without colours. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message.replace(/\u001b\[\d+m/g, '');
  }
  throw new Error('the assertion passed');
}

/** Non-blank lines without indentation. */
const lines = (code: string) =>
  code
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

describe('the output blocks of docs/testing.md', () => {
  it('are the two checked here', () => {
    expect([...guide.matchAll(/<!-- output: ([^>]*?) -->/g)].map((m) => m[1])).toEqual(['render-diff', 'invalid']);
  });

  it('render-diff: toRenderTwiML fails with a diff of the canonical documents', () => {
    // test/menu.test.tsx checks that <MenuChoice digits="1" /> renders this document (it runs in
    // test/docs-samples.test.ts); the guide's text: "had the expected text listed only the first number".
    const rendered = /toRenderTwiML\(`([\s\S]*?)`\)/.exec(file('test/menu.test.tsx'))![1];
    expect(rendered).toContain('<Number>+15555550112</Number>');
    const firstOnly = rendered.replace(/\n.*<Number>\+15555550112<\/Number>/, '');
    expect(failure(() => expect(rendered).toRenderTwiML(firstOnly))).toBe(output('render-diff'));
  });

  it('invalid: toBeValidTwiML lists the problems', () => {
    const menu = (
      <Response>
        <Gather numDigits={1} action="/menu/choice">
          <Say>For sales, press 1.</Say>
          <Dial>+15555550111</Dial>
        </Gather>
      </Response>
    );
    // The same document as test/valid.test.tsx's.
    expect(lines(file('test/valid.test.tsx'))).toContain(
      lines(`<Response>
        <Gather numDigits={1} action="/menu/choice">
          <Say>For sales, press 1.</Say>
          <Dial>+15555550111</Dial>
        </Gather>
      </Response>`),
    );
    expect(menu).not.toBeValidTwiML();
    expect(failure(() => expect(menu).toBeValidTwiML())).toBe(output('invalid'));
  });
});

describe('the setup blocks of docs/testing.md', () => {
  it('registers the matchers in the Jest block without a cast (test/testing/matchers.test.tsx checks the types)', () => {
    const jest = samples.find((s) => s.jest);
    expect(jest?.code.split('\n').filter((line) => line.includes('expect.extend('))).toEqual([
      'expect.extend(twimlMatchers);',
    ]);
  });

  it('loads the setup file its test files rely on', () => {
    expect(file('vitest.config.ts')).toContain("setupFiles: ['./test/setup.ts']");
    expect(file('test/setup.ts')).toContain('expect.extend(twimlMatchers);');
  });
});
