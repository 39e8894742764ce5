/**
 * Docs a user can paste (issue 12 item 7): every TypeScript sample of the files in DOCS is
 * type-checked and run exactly as written, and what it prints is compared with the output its
 * comments show. (docs/testing.md and the README's "Testing your flows" sample run in
 * test/testing/guide.test.tsx.)
 *
 * Conventions for the Markdown files (test/docs-samples/check.ts implements them):
 *
 * - **Samples** are the ```ts and ```tsx blocks. A ```ts block is compiled as a .ts file, so JSX
 *   needs ```tsx. Shell commands, configuration (```jsonc), XML and signatures use other languages
 *   (```sh, ```jsonc, ```xml, ```text) and are not checked; ```js/```jsx blocks are refused, so no
 *   sample escapes the checks.
 * - **Self-contained**: a sample imports everything it uses (no names from an earlier block) and
 *   defines inline what it needs — the app, the flow, the numbers. A sample that runs has no
 *   relative imports, except of another file of the same document (next point).
 * - **Files of one project**: a sample whose first line is a comment naming a file
 *   (`// app/voice/route.tsx`, a relative path ending in .ts or .tsx) is that file, in a folder of
 *   its own per document, so the files of a document import each other by relative paths as in a
 *   project (`import { Menu } from '../../flows/menu'`). A name is used once per document.
 * - **Output**: the `//` comment lines right below a statement that calls `console.log(…)` or
 *   `console.dir(…)` are what it prints, one comment line per output line (`//` alone for an empty
 *   line); comments on the same line as code are explanations. All such blocks, in the order they
 *   are written, must equal the sample's standard output (trailing blank lines aside), and every
 *   printing statement needs its block. Nothing may be written to standard error (a validation
 *   warning there would be output the docs do not show), and the sample must exit with 0.
 * - **Not run**: a TypeScript sample that must not run (a test file for another runner, a
 *   configuration file) has `<!-- not run: reason -->` on the line before its block (blank lines
 *   between are fine). It is still type-checked. Its relative imports resolve as from a file in
 *   the repository's test/ folder (the README's testing sample imports ../examples/), and Vitest's
 *   matchers have twiml-jsx's types, as after docs/testing.md's setup.
 *
 * How samples run:
 *
 * - Type-check: one TypeScript program of all samples with the repository's tsconfig.json (strict,
 *   `jsxImportSource: twiml-jsx`, `twiml-jsx/*` mapped to src/ through its paths, like the rest of
 *   the test suite), each sample a module. test/package-nonstrict.test.ts compiles the README's
 *   samples against the packed package under non-strict settings too.
 * - Run: each sample in its own Node process, `node --import tsx --import test/docs-samples/preload.ts
 *   sample.tsx` (tsx from node_modules, the same tsconfig, so the package is the source, not dist/:
 *   no build needed and nothing read from a dist/ another build may be replacing). The environment
 *   holds only fake credentials (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_API_SECRET`:
 *   SAMPLE_ENV in check.ts), never the developer's.
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
 * Adding a file: one line in DOCS. What docs/http.md's samples need first (as of this writing):
 * the Express, Fastify, Hono and node:http samples import their flows from './ivr.js' — define
 * them inline, or name the flows' sample `// ivr.tsx` and those samples by their file too; the
 * fragments need their imports and definitions (`apology`, `logger`, `Menu`, `twiml`,
 * `expressTwiML`; `authToken`, `signature`, `url`, `params`, `rawBody`; an `app` for the limits and
 * proxy blocks). Servers need nothing (Express's `app.listen(3000)`, Fastify's
 * `await app.listen({ port: 3000 })` run as written), and its Next.js files (named, not run)
 * type-check already.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Checked, checkSamples, expectedOutput, root, type Sample, samplesOf } from './docs-samples/check.js';

/** The Markdown files whose samples are checked here. */
const DOCS = ['README.md', 'docs/rest.md'];

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

describe('samples that are not run', () => {
  it("in the README: only the testing section's Vitest file", () => {
    const readme = docs.find((d) => d.doc === 'README.md')!;
    expect(readme.samples.filter((s) => s.notRun).map((s) => s.notRun)).toEqual([
      'a Vitest test file (test/testing/guide.test.tsx runs it)',
    ]);
  });
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

  it('refuses relative imports in samples that run, unless they name another sample', () => {
    expect(fixture('a relative import').failures[0]).toBe(
      "imports './ivr.js': a sample that runs defines what it needs inline (or imports a sample of its document " +
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
    expect(expectedOutput(code, 'ts')).toEqual({ output: ['1', '2', 'a', 'explanation'], missing: [] });
  });
});
