/**
 * Docs a user can paste (issue 12 item 7): every TypeScript sample of the files in DOCS is
 * type-checked and run exactly as written, and what it prints is compared with the output its
 * comments show. Every ```ts/```tsx block of README.md and docs/*.md is in DOCS (a test below
 * fails otherwise); docs/vocabulary.md, generated from the vocabulary, is the one exception.
 *
 * Conventions for the Markdown files (test/docs-samples/check.ts implements them):
 *
 * - **Samples** are the ```ts and ```tsx blocks. A ```ts block is compiled as a .ts file, so JSX
 *   needs ```tsx. Shell commands, configuration (```jsonc), XML and signatures use other languages
 *   (```sh, ```jsonc, ```xml, ```text) and are not checked; ```js/```jsx blocks are refused, so no
 *   sample escapes the checks.
 * - **Self-contained**: a sample imports everything it uses (no names from an earlier block) and
 *   defines inline what it needs — the app, the flow, the numbers. A sample has no relative
 *   imports (users do not have this repository's examples/), except of another file of the same
 *   document (next point).
 * - **Files of one project**: a sample whose first line is a comment naming a file
 *   (`// app/voice/route.tsx`, a relative path ending in .ts or .tsx) is that file, in a folder of
 *   its own per document, so the files of a document import each other by relative paths as in a
 *   project (`import { Menu } from '../../flows/menu'`). A name is used once per document.
 * - **Output**: the `//` comment lines right below a statement that calls `console.log(…)` or
 *   `console.dir(…)` are what it prints, one comment line per output line (`//` alone for an empty
 *   line); comments on the same line as code are explanations. All such blocks, in the order they
 *   are written, must equal the sample's standard output (trailing blank lines aside), and every
 *   printing statement needs its block. The sample must exit with 0.
 * - **Standard error**: `// stderr: text` comment lines (anywhere in the sample, each on a line of
 *   its own; `// stderr:` alone for an empty line) are what the sample writes to standard error, in
 *   order: the line a verifier logs when it refuses a request, an `onError` that logs. Without
 *   such lines nothing may be written there (a validation warning would be output the docs do not
 *   show). A sample that would rather keep quiet passes its own `onReject`/`onError`.
 * - **Test files**: a sample named as a Vitest test file (`// test/menu.test.tsx`, any
 *   `*.test.ts(x)` or `*.spec.ts(x)`) is run by Vitest, not by Node: each document's test files in
 *   one `vitest run` of its project folder, with the document's own `vitest.config.ts` sample when
 *   it has one (docs/testing.md: its setup file registers the matchers), `CI=1` so that an inline
 *   snapshot that is missing or differs fails. Every test of the file must pass (at least one).
 *   Their output is Vitest's and is not compared.
 * - **Not run**: a TypeScript sample that must not run on its own (a configuration file, a setup
 *   file, a declaration file, a file of the Next.js app that test/next builds) has
 *   `<!-- not run: reason -->` on the line before its block (blank lines between are fine). It is
 *   still type-checked; Vitest's matchers have twiml-jsx's types there, as after docs/testing.md's
 *   setup. `<!-- not run, with Jest's globals: reason -->` marks a sample for Jest: type-checked in
 *   a program of its own with Jest's global `expect` and `jest` namespace as @types/jest declares
 *   them (test/docs-samples/jest-globals.ts), since Jest is not a dependency here.
 *
 * How samples run:
 *
 * - Type-check: one TypeScript program of all samples with the repository's tsconfig.json (strict,
 *   `jsxImportSource: twiml-jsx`, `twiml-jsx/*` mapped to src/ through its paths, like the rest of
 *   the test suite), each sample a module. test/package-nonstrict.test.ts compiles the README's
 *   samples against the packed package under non-strict settings too.
 * - Run: each sample in its own Node process, `node --import tsx --import test/docs-samples/preload.ts
 *   sample.tsx` (tsx from node_modules, the same tsconfig, so the package is the source, not dist/:
 *   no build needed and nothing read from a dist/ another build may be replacing); test files with
 *   Vitest, `twiml-jsx` resolved to src/ by the aliases of the repository's vitest.config.ts. The
 *   environment holds only fake credentials (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`,
 *   `TWILIO_API_SECRET`: SAMPLE_ENV in check.ts), never the developer's.
 * - `DOCS_SAMPLES_AGAINST=dist npx vitest run test/docs-samples.test.ts` (after `npm run build`)
 *   type-checks and runs the same samples against the built package instead: without the paths,
 *   `twiml-jsx` resolves through package.json's exports to dist/ (its JavaScript and declarations).
 * - REST: the preload replaces `fetch` with a stand-in for Twilio's API
 *   (test/docs-samples/twilio-api.ts: deterministic SIDs and clock, Twilio's error bodies, the test
 *   credentials' magic number +15005550004 refused with 21610). Any other host is refused, so no
 *   sample reaches the network.
 * - Servers: a sample may start one as users do (`app.listen(3000)`). The preload binds it to
 *   127.0.0.1 on a free port, sends the sample's `fetch` to localhost:3000 there, and unrefs it, so
 *   the sample ends once its own work is done. A sample that still runs after 60 s is stopped and
 *   fails.
 *
 * Adding a file: one line in DOCS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Checked, checkSamples, expectedOutput, root, type Sample, samplesOf } from './docs-samples/check.js';

/** The Markdown files whose samples are checked here. */
const DOCS = ['README.md', 'docs/rest.md', 'docs/http.md', 'docs/testing.md'];

const docs = DOCS.map((doc) => ({ doc, ...samplesOf(readFileSync(join(root, doc), 'utf8'), doc) }));

/** Small Markdown files that must fail (or pass) in a known way: the checker's own tests. */
const FIXTURES = {
  'wrong output': [
    '```tsx',
    "import { render, Response, Say } from 'twiml-jsx';",
    '',
    'console.log(render(<Response><Say>Hi</Say></Response>));',
    '// <?xml version="1.0" encoding="UTF-8"?><Response><Say>Bye</Say></Response>',
    '```',
  ],
  'missing import': [
    '```tsx',
    "import { render, Response } from 'twiml-jsx';",
    '',
    'console.log(render(<Response><Gather numDigits={1} /></Response>));',
    '// <?xml version="1.0" encoding="UTF-8"?><Response><Gather numDigits="1"/></Response>',
    '```',
  ],
  'Response not imported': [
    '```tsx',
    "import { render, Say } from 'twiml-jsx';",
    '',
    'console.log(render(<Response><Say>Hi</Say></Response>));',
    '// <?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say></Response>',
    '```',
  ],
  'output not shown': ['```ts', "console.log('hello');", '```'],
  'not run, with a type error': [
    '<!-- not run: an example of a marker -->',
    '',
    '```ts',
    "const port: number = '3000';",
    'throw new Error(`never run: ${port}`);',
    '```',
  ],
  'bad blocks': [
    '<!-- not run -->',
    '```ts',
    'export {};',
    '```',
    '<!-- not run: a shell command -->',
    '```sh',
    'ls',
    '```',
    '```js',
    "console.log('unchecked');",
    '```',
    '```ts',
    '// lib/a.ts',
    'export {};',
    '```',
    '```ts',
    '// lib/a.ts',
    'export {};',
    '```',
  ],
  'files of one project': [
    '```tsx',
    '// flows/welcome.tsx',
    "import { Response, Say } from 'twiml-jsx';",
    '',
    'export const Welcome = ({ name }: { name: string }) => (',
    '  <Response>',
    '    <Say>Welcome to {name}.</Say>',
    '  </Response>',
    ');',
    '```',
    '',
    '```tsx',
    '// scripts/print.tsx',
    "import { render } from 'twiml-jsx';",
    "import { Welcome } from '../flows/welcome.js';",
    '',
    'console.log(render(<Welcome name="Owl & Co." />));',
    '// <?xml version="1.0" encoding="UTF-8"?><Response><Say>Welcome to Owl &amp; Co..</Say></Response>',
    '```',
  ],
  'a relative import': [
    '```ts',
    "import { Menu } from './ivr.js';",
    '',
    'console.log(typeof Menu);',
    '// function',
    '```',
  ],
  'the network': ['```ts', "await fetch('https://example.com/');", '```'],
  'a server': [
    '```ts',
    "import http from 'node:http';",
    '',
    'const server = http.createServer((req, res) => res.end(`${req.method} ${req.url} on ${req.headers.host}`));',
    "server.listen(3000, () => console.log('Listening on port 3000'));",
    '// Listening on port 3000',
    "console.log(await (await fetch('http://localhost:3000/voice', { method: 'POST' })).text());",
    '// POST /voice on localhost:3000',
    '```',
  ],
  'a signed webhook': [
    '```tsx',
    "import http from 'node:http';",
    "import { Response, Say } from 'twiml-jsx';",
    "import { computeSignature, nodeWebhook, sendTwiML } from 'twiml-jsx/http';",
    '',
    'const verify = nodeWebhook();',
    'http',
    '  .createServer(async (req, res) => {',
    '    const check = await verify(req, res);',
    '    if (check.valid) sendTwiML(res, <Response><Say>Hello</Say></Response>);',
    '  })',
    '  .listen(3000);',
    '',
    "const params = { CallSid: 'CA0123456789abcdef0123456789abcdef', From: '+15558675310' };",
    "const signature = computeSignature(process.env.TWILIO_AUTH_TOKEN!, 'http://localhost:3000/voice', params);",
    "const headers = { 'X-Twilio-Signature': signature };",
    "const answer = await fetch('http://localhost:3000/voice', { method: 'POST', headers, body: new URLSearchParams(params) });",
    'console.log(answer.status, await answer.text());',
    '// 200 <?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>',
    '```',
  ],
  'empty lines': ['```ts', "console.log('a\\n\\nb');", '// a', '//', '// b', '```'],
  'standard error shown': [
    '```ts',
    "console.error('twiml-jsx/http: rejected POST /voice');",
    '// stderr: twiml-jsx/http: rejected POST /voice',
    "console.log('done');",
    '// done',
    "console.warn('');",
    '// stderr:',
    '```',
  ],
  'standard error not shown': ['```ts', "console.warn('careful');", '```'],
  'standard error that differs': ['```ts', "console.error('one');", '// stderr: two', '```'],
  'test files': [
    '<!-- not run: the configuration of the test run -->',
    '```ts',
    '// vitest.config.ts',
    "import { defineConfig } from 'vitest/config';",
    '',
    "export default defineConfig({ test: { setupFiles: ['./test/setup.ts'] } });",
    '```',
    '<!-- not run: the setup file -->',
    '```ts',
    '// test/setup.ts',
    "import { expect } from 'vitest';",
    "import { twimlMatchers, type TwiMLMatchers } from 'twiml-jsx/testing';",
    '',
    'expect.extend(twimlMatchers);',
    "declare module 'vitest' {",
    '  interface Matchers<T = any> extends TwiMLMatchers<T> {}',
    '}',
    '```',
    '```tsx',
    '// src/welcome.tsx',
    "import { Response, Say } from 'twiml-jsx';",
    '',
    'export const Welcome = () => (',
    '  <Response>',
    '    <Say>Welcome.</Say>',
    '  </Response>',
    ');',
    '```',
    '```tsx',
    '// test/welcome.test.tsx',
    "import { expect, it } from 'vitest';",
    "import { Welcome } from '../src/welcome.js';",
    '',
    "it('welcomes', () => {",
    "  expect(<Welcome />).toRenderTwiML('<Response><Say>Welcome.</Say></Response>');",
    '});',
    '```',
    '```ts',
    '// test/broken.test.ts',
    "import { expect, it } from 'vitest';",
    '',
    "it('adds', () => {",
    '  expect(1 + 1).toBe(3);',
    '});',
    "it('has an inline snapshot to write', () => {",
    "  expect('hi').toMatchInlineSnapshot();",
    '});',
    '```',
  ],
  // The README's first testing sample had this: the matchers' types came from another document.
  'matchers without their types': [
    '<!-- not run: type-checked only -->',
    '```tsx',
    "import { expect, it } from 'vitest';",
    "import { Response } from 'twiml-jsx';",
    "import { twimlMatchers } from 'twiml-jsx/testing';",
    '',
    'expect.extend(twimlMatchers);',
    '',
    "it('renders', () => {",
    "  expect(<Response />).toRenderTwiML('<Response/>');",
    '});',
    '```',
  ],
  'Jest samples': [
    "<!-- not run, with Jest's globals: a Jest setup file -->",
    '```ts',
    "import { twimlMatchers, twimlSerializer, type TwiMLMatchers } from 'twiml-jsx/testing';",
    '',
    'expect.extend(twimlMatchers);',
    'expect.addSnapshotSerializer(twimlSerializer);',
    '',
    'declare global {',
    '  namespace jest {',
    '    interface Matchers<R> extends TwiMLMatchers<R> {}',
    '  }',
    '}',
    '```',
    "<!-- not run, with Jest's globals: one type parameter too many -->",
    '```ts',
    "import type { TwiMLMatchers } from 'twiml-jsx/testing';",
    '',
    'declare global {',
    '  namespace jest {',
    '    interface Matchers<R, T, U> extends TwiMLMatchers<R> {}',
    '  }',
    '}',
    '```',
    '<!-- not run: without Jest, no global expect -->',
    '```ts',
    "expect('<Response/>');",
    '```',
  ],
  'a relative import, not run': [
    '<!-- not run: a test file -->',
    '```ts',
    "import { createHonoApp } from '../examples/apps.js';",
    '',
    'export const app = createHonoApp();',
    '```',
  ],
} satisfies Record<string, string[]>;

const fixtures = Object.entries(FIXTURES).map(([name, lines]) => ({ name, ...samplesOf(lines.join('\n'), name) }));

const samples: Sample[] = [...docs, ...fixtures].flatMap((d) => d.samples);
let checked: Checked[];

/** `DOCS_SAMPLES_AGAINST=dist` checks the built package instead of the source (run `npm run build` first). */
const against = process.env.DOCS_SAMPLES_AGAINST === 'dist' ? 'dist' : 'src';

beforeAll(async () => {
  checked = await checkSamples(samples, against);
}, 600_000);

const resultOf = (sample: Sample) => checked[samples.indexOf(sample)];
const fixture = (name: keyof typeof FIXTURES) => resultOf(fixtures.find((f) => f.name === name)!.samples[0]);

describe.each(docs)('$doc', ({ doc, samples: inDoc, problems }) => {
  it('has TypeScript samples, and its blocks follow the conventions', () => {
    expect(inDoc.length).toBeGreaterThan(3);
    expect(problems.map((p) => `${p.doc}:${p.line}: ${p.message}`)).toEqual([]);
  });

  it.each(inDoc.map((sample) => [`${doc}:${sample.line}`, sample] as const))(
    '%s compiles and runs as written',
    (_, sample) => {
      const { failures } = resultOf(sample);
      expect(failures.map((f) => `${doc}:${sample.line}: ${f}`).join('\n\n')).toBe('');
    },
  );
});

/** What each document shows without running it on its own (type-checked all the same), and why. */
const NOT_RUN: Record<(typeof DOCS)[number], string[]> = {
  'README.md': [],
  'docs/rest.md': [],
  'docs/http.md': Array(3).fill(
    'a file of the Next.js app in test/fixtures/next-app, which test/next/next-app.test.tsx builds and serves',
  ),
  'docs/testing.md': [
    'the setup file, which Vitest loads before each test file of this page (vitest.config.ts)',
    "the configuration the Vitest run of this page's test files uses",
    'a declaration file (types only), as test/vitest.d.ts',
    'a declaration file (types only), for Vitest before 3.2',
    'a Jest setup file (Jest is not installed here)',
  ],
};

describe('samples that are not run', () => {
  it.each(DOCS)('%s: only those listed here', (doc) => {
    const { samples: inDoc } = docs.find((d) => d.doc === doc)!;
    expect(inDoc.filter((s) => s.notRun).map((s) => s.notRun)).toEqual(NOT_RUN[doc]);
  });
});

describe('every sample of the documentation', () => {
  const markdown = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((name) => name.endsWith('.md'))
      .map((name) => `docs/${name}`),
  ];
  /** A fence opening a TypeScript or JavaScript block, found independently of the checker. */
  const OPENING = /^ {0,3}(?:`{3,}|~{3,})\s*(ts|tsx|typescript|js|jsx|javascript|mjs|cjs|mts|cts)\b/gim;

  it('is checked here: every Markdown file with a ts/tsx block is in DOCS (but the generated docs/vocabulary.md)', () => {
    expect(markdown).toEqual(expect.arrayContaining(DOCS));
    const unchecked = markdown
      .filter((doc) => doc !== 'docs/vocabulary.md' && !DOCS.includes(doc))
      .map((doc) => ({ doc, blocks: readFileSync(join(root, doc), 'utf8').match(OPENING)?.length ?? 0 }))
      .filter(({ blocks }) => blocks > 0)
      .map(({ doc, blocks }) => `${doc}: ${blocks} TypeScript/JavaScript blocks, in no harness (add it to DOCS)`);
    expect(unchecked).toEqual([]);
  });

  it.each(DOCS)(
    'of %s is found by the checker (each TypeScript block a sample, each JavaScript block a problem)',
    (doc) => {
      const found = docs.find((d) => d.doc === doc)!;
      const blocks = readFileSync(join(root, doc), 'utf8').match(OPENING) ?? [];
      expect(
        found.samples.length + found.problems.filter((p) => / block: write samples as ts/.test(p.message)).length,
      ).toBe(blocks.length);
    },
  );
});

describe('the checker', () => {
  it('catches output that differs from the comments', () => {
    expect(fixture('wrong output').failures).toEqual([
      expect.stringContaining('the output differs from the comments (first at output line 1)'),
    ]);
    expect(fixture('wrong output').failures[0]).toContain('<Say>Hi</Say>');
  });

  it('catches a name the sample does not import, when compiling and when running', () => {
    const { failures } = fixture('missing import');
    expect(failures).toEqual([
      "line 4: error TS2304: Cannot find name 'Gather'.",
      expect.stringMatching(/^exited with 1:[\s\S]*ReferenceError: Gather is not defined/),
      expect.stringContaining('the output differs'),
    ]);
  });

  it("catches a sample that takes the Fetch API's Response for TwiML's", () => {
    const { failures } = fixture('Response not imported');
    expect(failures[0]).toMatch(/^line 4: error TS2322: Type '{ children: Element; }' is not assignable/);
    expect(failures).toContainEqual(
      expect.stringContaining("<Response> is the global Response of JavaScript, not TwiML's <Response>: import {"),
    );
  });

  it('catches a sample that prints without showing its output', () => {
    expect(fixture('output not shown').failures).toEqual([
      'line 2: prints, but no `// output` comment lines follow',
      expect.stringContaining('the output differs from the comments'),
    ]);
  });

  it('type-checks samples that are not run, and does not run them', () => {
    const result = fixture('not run, with a type error');
    expect(result.run).toBeUndefined();
    expect(result.failures).toEqual(["line 4: error TS2322: Type 'string' is not assignable to type 'number'."]);
  });

  it('refuses a marker without a reason or before a non-TypeScript block, JavaScript blocks, a file named twice', () => {
    expect(fixtures.find((f) => f.name === 'bad blocks')!.problems).toEqual([
      { doc: 'bad blocks', line: 2, message: '`<!-- not run -->` needs a reason: `<!-- not run: why -->`' },
      { doc: 'bad blocks', line: 6, message: '`<!-- not run -->` before a `sh` block' },
      { doc: 'bad blocks', line: 9, message: 'a `js` block: write samples as ts or tsx, so they are checked' },
      { doc: 'bad blocks', line: 16, message: 'a second sample named lib/a.ts' },
    ]);
  });

  it('refuses relative imports, unless they name another sample (users do not have examples/)', () => {
    expect(fixture('a relative import').failures[0]).toBe(
      "imports './ivr.js': a sample defines what it needs inline (or imports a sample of its document that names " +
        'its file)',
    );
    expect(fixture('a relative import, not run').failures[0]).toBe(
      "imports '../examples/apps.js': a sample defines what it needs inline (or imports a sample of its document " +
        'that names its file)',
    );
  });

  it('lets samples that name their files import each other', () => {
    const project = fixtures.find((f) => f.name === 'files of one project')!;
    expect(project.samples.map((s) => s.file)).toEqual(['flows/welcome.tsx', 'scripts/print.tsx']);
    expect(project.problems).toEqual([]);
    expect(project.samples.map((s) => resultOf(s).failures)).toEqual([[], []]);
  });

  it('keeps samples off the network', () => {
    const { failures } = fixture('the network');
    expect(failures).toEqual([expect.stringContaining('docs sample tried to reach https://example.com')]);
  });

  it('runs a sample that starts a server to its end, with its requests to localhost:3000', () => {
    expect(fixture('a server').failures).toEqual([]);
  });

  it('lets a sample send a signed webhook to the server it started (signed for localhost:3000)', () => {
    expect(fixture('a signed webhook').failures).toEqual([]);
  });

  it('compares empty lines', () => {
    expect(fixture('empty lines').failures).toEqual([]);
  });

  it('compares standard error with the `// stderr:` lines', () => {
    expect(fixture('standard error shown').failures).toEqual([]);
    expect(fixture('standard error not shown').failures).toEqual([
      'wrote to stderr, which no `// stderr: …` comment line shows:\n    careful',
    ]);
    expect(fixture('standard error that differs').failures).toEqual([
      expect.stringMatching(/^standard error differs from the comments \(first at line 1\):[\s\S]*two[\s\S]*one/),
    ]);
  });

  it("runs test files with Vitest, in their document's project with its configuration and setup file", () => {
    const project = fixtures.find((f) => f.name === 'test files')!;
    expect(project.problems).toEqual([]);
    const [config, setup, welcome, passing, broken] = project.samples.map(resultOf);
    expect([config.run, setup.run]).toEqual([undefined, undefined]);
    expect([config.failures, setup.failures, welcome.failures, passing.failures]).toEqual([[], [], [], []]);
    expect(passing.run).toBeDefined();
    expect(broken.failures).toEqual([
      expect.stringMatching(/^test "adds" failed:\n {4}AssertionError: expected 2 to be 3/),
      // CI=1: a missing inline snapshot fails instead of being written.
      expect.stringMatching(/^test "has an inline snapshot to write" failed:\n {4}Error: Snapshot .* mismatched/),
      // Then Vitest's own account: the diff and the lines of the sample.
      expect.stringMatching(/^Vitest's report:\n[\s\S]*- Expected[\s\S]*expect\(1 \+ 1\)\.toBe\(3\)/),
    ]);
  });

  it("type-checks each document's samples with the types they declare, and no other document's", () => {
    const [test] = fixtures.find((f) => f.name === 'matchers without their types')!.samples.map(resultOf);
    expect(test.failures).toEqual([
      expect.stringMatching(/^line \d+: error TS2339: Property 'toRenderTwiML' does not exist on type 'Assertion</),
    ]);
  });

  it("type-checks Jest samples with Jest's globals, which no other sample sees", () => {
    const [setup, tooMany, noJest] = fixtures.find((f) => f.name === 'Jest samples')!.samples.map(resultOf);
    expect(setup.sample.jest).toBe(true);
    expect([setup.run, setup.failures]).toEqual([undefined, []]);
    expect(tooMany.failures).toEqual([
      expect.stringMatching(
        /^line 20: error TS2428: All declarations of 'Matchers' must have identical type parameters/,
      ),
    ]);
    expect(noJest.failures).toEqual(["line 26: error TS2304: Cannot find name 'expect'."]);
  });

  it('reads the output of the statement a console call ends in', () => {
    const code = [
      'for (const n of [1, 2])',
      '  console.log(n);',
      '// 1',
      '// 2',
      'console.log(',
      "  'a',",
      ');',
      '// a',
      '// explanation',
      '',
      '// not output: a blank line came first',
    ].join('\n');
    expect(expectedOutput(code, 'ts')).toEqual({ output: ['1', '2', 'a', 'explanation'], missing: [], stderr: [] });
  });
});
