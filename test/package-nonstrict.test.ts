/**
 * Consumers that do not compile with `strict`: the packed package, installed in a fresh project,
 * type-checks every example flow (examples/) and every TypeScript sample of README.md under
 * `strict: false`, under `strictNullChecks: false`, and under the tsconfig Next.js writes for a
 * new project (`strict: false`, bundler resolution), as it does under `strict: true`.
 *
 * With `strictNullChecks` off, `undefined` is assignable to every type; a conditional type that
 * asks `Text extends TextSpec` then holds for elements without text, so `<Pause length={1} />`
 * and `<Parameter name="a" value="b" />` required text children (issue 12).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplesOf } from './docs-samples/check.js';
import { type PackedProject, packAndInstall, root, tsc } from './support/packed.js';

/** The consumer's files: the examples as they are, and each README sample as a module. */
const FILES = ['examples/*.tsx', 'examples/*.ts', 'readme/*.tsx', 'verify/*.ts'];

/**
 * A verifier's result checked as docs/http.md checks it (`if (!check.valid) return check.response`):
 * a new user's trial found it refused with `strict` off, where `!check.valid` does not narrow.
 */
const VERIFY_CHECKS = `import type { IncomingMessage, ServerResponse } from 'node:http';
import { nodeWebhook, verifyWebhook, webhookVerifier } from 'twiml-jsx/http';

const verify = webhookVerifier({ authToken: 'token' });

export async function handler(request: Request): Promise<Response> {
  const check = await verify(request);
  if (!check.valid) return check.response; // 400, 403 or 413
  return new Response(String(check.params.Digits));
}

export async function status(request: Request): Promise<number> {
  const check = await verifyWebhook(request, { authToken: 'token' });
  if (!check.valid) return check.status;
  return Object.keys(check.params).length;
}

const node = nodeWebhook({ authToken: 'token' });

export async function listener(req: IncomingMessage, res: ServerResponse): Promise<string> {
  const check = await node(req, res);
  if (!check.valid) return check.reason; // already answered
  return check.url;
}
`;

/** What `create-next-app`-less Next.js 16 writes into a new project's tsconfig.json (`next build`). */
const NEXT_GENERATED = {
  target: 'ES2017',
  lib: ['dom', 'dom.iterable', 'esnext'],
  allowJs: true,
  skipLibCheck: true,
  strict: false,
  noEmit: true,
  incremental: true,
  module: 'esnext',
  esModuleInterop: true,
  moduleResolution: 'bundler',
  resolveJsonModule: true,
  isolatedModules: true,
  jsx: 'react-jsx',
};

const NODE_NEXT = {
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  jsx: 'react-jsx',
  jsxImportSource: 'twiml-jsx',
  noEmit: true,
  skipLibCheck: false,
  types: ['node'],
};

const CONFIGS = {
  strict: { ...NODE_NEXT, strict: true },
  'strict-false': { ...NODE_NEXT, strict: false },
  'strictNullChecks-false': { ...NODE_NEXT, strict: true, strictNullChecks: false },
  // Next's own file, plus the one line the README asks for (jsxImportSource).
  'next-generated': { ...NEXT_GENERATED, jsxImportSource: 'twiml-jsx', types: ['node'] },
} as const;
type ConfigName = keyof typeof CONFIGS;

/** The ```ts and ```tsx blocks of a Markdown file, read as the docs-samples harness reads them. */
const samples = (markdown: string, doc: string): string[] =>
  samplesOf(markdown, doc).samples.map((sample) => `${sample.code}\n`);

/**
 * Whether a sample parses as TypeScript. Blocks that do not (a signature such as
 * `render(node: TwiMLElement, …): string`) are left out: tsc checks no types at all in a program
 * with a syntax error, which would hide every error of the other samples.
 */
const parses = (code: string) =>
  ts.transpileModule(code, {
    fileName: 'sample.tsx',
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.ReactJSX },
  }).diagnostics?.length === 0;

/** One tsc error: `file(line,col): error TScode`. */
interface TscError {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly text: string;
}

function errorsOf(output: string): TscError[] {
  return [...output.matchAll(/^(\S[^(\n]*)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map((m) => ({
    file: m[1],
    line: Number(m[2]),
    code: m[3],
    text: m[4],
  }));
}

const key = (e: TscError) => `${e.file}:${e.line} ${e.code}`;

let packed: PackedProject;
let readme: string[];
const errors = new Map<ConfigName, TscError[]>();

beforeAll(async () => {
  packed = await packAndInstall({
    link: ['typescript', '@types/node', 'express', '@types/express', 'hono', '@hono/node-server'],
  });
  const { project } = packed;
  mkdirSync(join(project, 'examples'));
  for (const name of readdirSync(join(root, 'examples')))
    writeFileSync(join(project, 'examples', name), readFileSync(join(root, 'examples', name)));
  mkdirSync(join(project, 'verify'));
  writeFileSync(join(project, 'verify', 'checks.ts'), VERIFY_CHECKS);
  mkdirSync(join(project, 'readme'));
  readme = samples(readFileSync(join(root, 'README.md'), 'utf8'), 'README.md');
  readme.forEach((code, i) => {
    if (!parses(code)) return;
    // A sample without import or export is a script; make it a module so samples do not share names.
    const module = /^\s*(import|export)\s/m.test(code) ? code : `${code}\nexport {};\n`;
    writeFileSync(join(project, 'readme', `sample-${String(i + 1).padStart(2, '0')}.tsx`), module);
  });
  for (const [name, compilerOptions] of Object.entries(CONFIGS) as [ConfigName, object][]) {
    const config = `tsconfig.${name}.json`;
    writeFileSync(join(project, config), JSON.stringify({ compilerOptions, include: FILES }, null, 2));
    const result = await tsc(config, project);
    errors.set(name, errorsOf(result.stdout + result.stderr));
    if (result.code !== 0 && errors.get(name)!.length === 0) throw new Error(`tsc ${config}: ${result.stdout}`);
  }
}, 600_000);

afterAll(() => packed?.remove());

const NON_STRICT: ConfigName[] = ['strict-false', 'strictNullChecks-false', 'next-generated'];

describe('non-strict consumers of the packed package', () => {
  it('the README has samples to check, among them the Forward flow', () => {
    expect(readme.filter(parses).length).toBeGreaterThan(5);
    expect(readme.some((code) => code.includes('<Parameter name="forwardedFrom"'))).toBe(true);
  });

  it.each(Object.keys(CONFIGS) as ConfigName[])('every example flow compiles (%s)', (name) => {
    const inExamples = errors.get(name)!.filter((e) => e.file.startsWith('examples/'));
    expect(inExamples.map((e) => `${key(e)}: ${e.text}`)).toEqual([]);
  });

  it.each(Object.keys(CONFIGS) as ConfigName[])(
    "a verifier's result checked with if (!check.valid) compiles (%s)",
    (name) => {
      const found = errors.get(name)!.filter((e) => e.file.startsWith('verify/'));
      expect(found.map((e) => `${key(e)}: ${e.text}`)).toEqual([]);
    },
  );

  it.each(NON_STRICT)('README samples: %s finds no error that strict does not', (name) => {
    const strict = new Set(errors.get('strict')!.map(key));
    const extra = errors.get(name)!.filter((e) => e.file.startsWith('readme/') && !strict.has(key(e)));
    expect(extra.map((e) => `${key(e)}: ${e.text}`)).toEqual([]);
  });

  it.each(Object.keys(CONFIGS) as ConfigName[])(
    'README samples with elements that hold no text (<Pause>, <Parameter>) compile (%s)',
    (name) => {
      const files = readme
        .map((code, i) => ({ code, file: `readme/sample-${String(i + 1).padStart(2, '0')}.tsx` }))
        .filter(({ code }) => parses(code) && /<(Pause|Parameter)\b/.test(code) && /^import /m.test(code))
        .map(({ file }) => file);
      expect(files.length).toBeGreaterThan(0);
      const found = errors.get(name)!.filter((e) => files.includes(e.file));
      expect(found.map((e) => `${key(e)}: ${e.text}`)).toEqual([]);
    },
  );
});
