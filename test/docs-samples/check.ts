/**
 * The checker behind test/docs-samples.test.ts (its opening comment states the conventions): finds
 * the TypeScript samples of a Markdown file, type-checks them together, runs each one in its own
 * Node process and compares what it prints with the output its comments show.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { JEST_GLOBALS } from './jest-globals.js';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/** One TypeScript sample: a ```ts or ```tsx block. */
export interface Sample {
  /** The Markdown file (or label) it comes from. */
  readonly doc: string;
  /** The line of its opening fence, 1-based. */
  readonly line: number;
  readonly lang: 'ts' | 'tsx';
  /** The block's text, exactly. */
  readonly code: string;
  /** The reason given by `<!-- not run: reason -->` before the block: type-checked, not run. */
  readonly notRun?: string;
  /**
   * Marked `<!-- not run, with Jest's globals: reason -->`: type-checked in a program of its own
   * with Jest's global `expect` and `jest` namespace (test/docs-samples/jest-globals.d.ts), not run.
   */
  readonly jest?: boolean;
  /**
   * The file the sample is, when its first line names one (`// app/voice/route.tsx`): samples of
   * one document import each other by relative paths, as the files of one project.
   */
  readonly file?: string;
}

/** A first line naming the sample's file: a relative path ending in .ts or .tsx. */
const FILE_NAME = /^\/\/ ((?:[\w@-][\w.@-]*\/)*[\w@-][\w.@-]*\.tsx?)\s*$/;

/** A sample named as a Vitest test file (`test/menu.test.tsx`): run by Vitest, not by Node. */
const isTestFile = (sample: Sample): boolean => /\.(test|spec)\.tsx?$/.test(sample.file ?? '');

/** What is wrong with a Markdown file's blocks themselves (before anything runs). */
export interface MarkdownProblem {
  readonly doc: string;
  readonly line: number;
  readonly message: string;
}

const NOT_RUN = /^<!--\s*not run\b(, with Jest's globals)?:?\s*(.*?)\s*-->$/;
const LANGS: Readonly<Record<string, 'ts' | 'tsx'>> = { ts: 'ts', typescript: 'ts', tsx: 'tsx' };
/** Languages that would be samples but escape the checks. */
const UNCHECKED = new Set(['js', 'javascript', 'jsx', 'mjs', 'cjs', 'mts', 'cts']);

/**
 * The ```ts/```tsx blocks of `markdown`, with their `<!-- not run: … -->` markers, and the
 * problems of the blocks themselves (a marker without a reason or before a block that is not
 * TypeScript, a JavaScript block, a fence never closed).
 */
export function samplesOf(markdown: string, doc: string): { samples: Sample[]; problems: MarkdownProblem[] } {
  const lines = markdown.split('\n');
  const samples: Sample[] = [];
  const problems: MarkdownProblem[] = [];
  let previous = ''; // the last non-blank line outside blocks
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) {
      if (lines[i].trim() !== '') previous = lines[i].trim();
      continue;
    }
    const [, indent, fence, info] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[i]); i++)
      body.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i].trimStart());
    if (i === lines.length) problems.push({ doc, line: start + 1, message: 'this code block is never closed' });
    const marker = NOT_RUN.exec(previous);
    previous = '';
    const lang = LANGS[info.toLowerCase()];
    if (marker && !marker[2])
      problems.push({ doc, line: start + 1, message: '`<!-- not run -->` needs a reason: `<!-- not run: why -->`' });
    if (marker && !lang)
      problems.push({ doc, line: start + 1, message: `\`<!-- not run -->\` before a \`${info || 'plain'}\` block` });
    if (UNCHECKED.has(info.toLowerCase()))
      problems.push({
        doc,
        line: start + 1,
        message: `a \`${info}\` block: write samples as ts or tsx, so they are checked`,
      });
    if (!lang) continue;
    const file = FILE_NAME.exec(body[0] ?? '')?.[1];
    if (file && samples.some((s) => s.file === file))
      problems.push({ doc, line: start + 1, message: `a second sample named ${file}` });
    samples.push({
      doc,
      line: start + 1,
      lang,
      code: body.join('\n'),
      notRun: marker?.[2] || undefined,
      ...(marker?.[1] ? { jest: true } : {}),
      file,
    });
  }
  return { samples, problems };
}

/** A `console.log(…)` or `console.dir(…)` call. */
function isConsoleOutput(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'console' &&
    ['log', 'dir'].includes(node.expression.name.text)
  );
}

/** The comment lines right below line `after` (0-based), without their `// ` (or `//`). */
function commentBlock(lines: readonly string[], after: number): string[] | undefined {
  const block: string[] = [];
  for (let i = after + 1; i < lines.length; i++) {
    const comment = /^\s*\/\/(?: (.*)|)$/.exec(lines[i]);
    if (!comment) break;
    block.push(comment[1] ?? '');
  }
  return block.length > 0 ? block : undefined;
}

/** `// stderr: text`: a line the sample writes to standard error. */
const STDERR = /^\s*\/\/ stderr:(?: (.*)|)$/;

/**
 * The output a sample's comments show: for each statement that calls `console.log` or
 * `console.dir`, the `//` lines right below the line where that statement ends, in the order
 * they are written (`// stderr: …` lines aside). `missing` lists the lines (1-based, in the
 * sample) of such statements with no comment below. `stderr` is every `// stderr: …` line of the
 * sample, in order: what it writes to standard error.
 */
export function expectedOutput(
  code: string,
  lang: 'ts' | 'tsx',
): { output: string[]; missing: number[]; stderr: string[] } {
  const file = ts.createSourceFile(
    `sample.${lang}`,
    code,
    ts.ScriptTarget.Latest,
    true,
    lang === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const lines = code.split('\n');
  const ends = new Set<number>(); // lines where a printing statement ends
  const visit = (node: ts.Node, statement: ts.Node | undefined): void => {
    const here = ts.isStatement(node) ? node : statement;
    if (isConsoleOutput(node) && here) ends.add(file.getLineAndCharacterOfPosition(here.getEnd()).line);
    ts.forEachChild(node, (child) => visit(child, here));
  };
  visit(file, undefined);
  const output: string[] = [];
  const missing: number[] = [];
  for (const end of [...ends].sort((a, b) => a - b)) {
    const block = commentBlock(lines, end)?.filter((line) => !/^stderr:(?: |$)/.test(line));
    if (block?.length) output.push(...block);
    else missing.push(end + 1);
  }
  const stderr = lines.flatMap((line) => {
    const shown = STDERR.exec(line);
    return shown ? [shown[1] ?? ''] : [];
  });
  return { output, missing, stderr };
}

/** Module specifiers of a sample's imports and re-exports. */
function importsOf(code: string, lang: 'ts' | 'tsx'): string[] {
  const kind = lang === 'tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(`sample.${lang}`, code, ts.ScriptTarget.Latest, false, kind);
  return file.statements.flatMap((s) =>
    (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
    s.moduleSpecifier &&
    ts.isStringLiteral(s.moduleSpecifier)
      ? [s.moduleSpecifier.text]
      : [],
  );
}

/** Whether relative import `from` of the named sample `sample` is another named sample of its document. */
function namesSample(samples: readonly Sample[], sample: Sample, from: string): boolean {
  const target = posix.join(posix.dirname(sample.file!), from).replace(/\.js$/, '');
  return samples.some(
    (other) => other.doc === sample.doc && other.file && [target, `${target}.ts`, `${target}.tsx`].includes(other.file),
  );
}

/** The credentials the samples' environment holds (the stand-in API accepts exactly these). */
export const SAMPLE_ENV = {
  TWILIO_ACCOUNT_SID: 'AC5ef8732a3c49700934481addd5ce1659',
  TWILIO_AUTH_TOKEN: '9c1a0f6e2b7d48c3a5e4f0d1b2c3a4e5',
  TWILIO_API_SECRET: 'mRq3fZ8kT1wB6yH0vN4cX7pL2sD9gJ5a',
} as const;

/** What a sample's run did. */
export interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A sample and what is wrong with it (nothing when `failures` is empty). */
export interface Checked {
  readonly sample: Sample;
  readonly failures: string[];
  /** Undefined for samples that are not run. */
  readonly run?: Run;
}

/** Longest a sample may run before it is stopped (a sample that does not end is a failure). */
const RUN_LIMIT_MS = 60_000;
/** Longest the Vitest run of one document's test files may take. */
const VITEST_LIMIT_MS = 180_000;

/** Runs `node …args` in `cwd` with the samples' environment (plus `extra`); never throws. */
function runNode(args: string[], cwd: string, extra: Record<string, string>, limitMs: number): Promise<Run> {
  const env: Record<string, string> = { ...SAMPLE_ENV, NO_COLOR: '1', ...extra };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT'])
    if (process.env[name] !== undefined) env[name] = process.env[name]!;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const limit = setTimeout(() => {
      stderr += `\n[stopped: still running after ${limitMs / 1000} s]`;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Runs one file with tsx and the preload. */
function runFile(file: string, tsconfig: string): Promise<Run> {
  const preload = pathToFileURL(fileURLToPath(new URL('./preload.ts', import.meta.url))).href;
  return runNode(['--import', 'tsx', '--import', preload, file], root, { TSX_TSCONFIG_PATH: tsconfig }, RUN_LIMIT_MS);
}

/** How `twiml-jsx` resolves in a Vitest run: the sources (as in this repository's tests) or dist/. */
function aliases(against: 'src' | 'dist'): string {
  if (against === 'src')
    return `(await import(${JSON.stringify(pathToFileURL(join(root, 'vitest.config.ts')).href)})).default.resolve.alias`;
  const dist = (path: string) => JSON.stringify(join(root, 'dist', path));
  return `[
  { find: /^twiml-jsx\\/(core|jsx-runtime|jsx-dev-runtime)$/, replacement: ${dist('$1.js')} },
  { find: /^twiml-jsx\\/(xml|http|rest|testing)$/, replacement: ${dist('$1/index.js')} },
  { find: /^twiml-jsx$/, replacement: ${dist('index.js')} },
]`;
}

/** One test file of a Vitest run's JSON report. */
interface VitestFileResult {
  readonly name: string;
  readonly status: string;
  readonly message?: string;
  readonly assertionResults: readonly { fullName: string; status: string; failureMessages: string[] }[];
}

/**
 * Runs the test files of one document's project folder with Vitest: the document's own
 * `vitest.config.ts` (when it has one) merged with what resolves `twiml-jsx` here and the list of
 * test files, `CI=1` (an inline snapshot missing or different fails, nothing is written). Returns
 * the run and each file's failures.
 */
async function runVitest(
  dir: string,
  testFiles: readonly string[],
  work: string,
  against: 'src' | 'dist',
): Promise<{ run: Run; failures: Map<string, string[]> }> {
  const name = basename(dir);
  const wrapper = join(work, `${name}.config.mts`);
  const report = join(work, `${name}.json`);
  const own = ['vitest.config.ts', 'vitest.config.mts'].map((f) => join(dir, f)).find((f) => existsSync(f));
  writeFileSync(
    wrapper,
    [
      "import { defineConfig, mergeConfig } from 'vitest/config';",
      own ? `import config from ${JSON.stringify(pathToFileURL(own).href)};` : 'const config = {};',
      '',
      'export default mergeConfig(',
      '  config,',
      '  defineConfig({',
      `    resolve: { alias: ${aliases(against)} },`,
      `    cacheDir: ${JSON.stringify(join(work, `${name}.vite`))},`,
      `    test: { include: ${JSON.stringify(testFiles.map((f) => relative(dir, f).split(sep).join('/')))} },`,
      '  }),',
      ');',
      '',
    ].join('\n'),
  );
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const run = await runNode(
    [
      vitest,
      'run',
      '--config',
      wrapper,
      '--root',
      dir,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    dir,
    { CI: '1' },
    VITEST_LIMIT_MS,
  );
  const results: VitestFileResult[] = existsSync(report)
    ? (JSON.parse(readFileSync(report, 'utf8')) as { testResults: VitestFileResult[] }).testResults
    : [];
  const failures = new Map<string, string[]>();
  for (const file of testFiles) {
    const result = results.find((r) => resolve(r.name) === resolve(file));
    const found: string[] = [];
    if (!result)
      found.push(
        `Vitest did not run it (exited with ${run.code ?? run.signal}):\n${indentBlock(run.stderr.trim() || run.stdout.trim() || '(no message)')}`,
      );
    else {
      if (result.message) found.push(`Vitest could not run it:\n${indentBlock(result.message.trim())}`);
      for (const test of result.assertionResults)
        if (test.status === 'failed')
          found.push(`test "${test.fullName}" failed:\n${indentBlock(firstLine(test.failureMessages.join('\n')))}`);
      // The default reporter's account of this file's failures: the diffs and the lines of the sample.
      const shown = failedSections(run.stderr, relative(dir, file).split(sep).join('/'));
      if (found.length > 0 && shown) found.push(`Vitest's report:\n${indentBlock(shown)}`);
      if (!result.assertionResults.some((test) => test.status === 'passed') && found.length === 0)
        found.push(`no test of it passed (${result.assertionResults.map((t) => t.status).join(', ') || 'no tests'})`);
    }
    failures.set(file, found);
  }
  return { run, failures };
}

const firstLine = (text: string) => text.trim().split('\n')[0];

/** The sections of Vitest's default report (standard error, after "Failed Tests") about `file`, or ''. */
function failedSections(stdout: string, file: string): string {
  const failed = stdout.indexOf('Failed Tests');
  if (failed === -1) return '';
  return stdout
    .slice(failed)
    .split(/^(?= FAIL )/m)
    .filter((section) => section.startsWith(' FAIL ') && section.includes(file))
    .map((section) => section.replace(/\n\s*⎯+\[\d+\/\d+\]⎯\s*$/, '').trim())
    .join('\n\n');
}

/** Runs `tasks` with at most `limit` at a time, results in order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function indentBlock(text: string): string {
  return text.replace(/^/gm, '    ');
}

/**
 * The comparison of a run's output with the sample's comments, or undefined when they agree.
 * `what` names the stream: `the output` (standard output) or `standard error`.
 */
function outputFailure(expected: string[], got: string, what = 'the output'): string | undefined {
  const want = expected.join('\n').trimEnd();
  got = got.trimEnd();
  if (want === got) return undefined;
  const wantLines = want.split('\n');
  const gotLines = got.split('\n');
  const first = wantLines.findIndex((line, i) => line !== gotLines[i]);
  const at = first === -1 ? wantLines.length : first;
  return (
    `${what} differs from the comments (first at ${what === 'the output' ? 'output ' : ''}line ${at + 1}):\n` +
    `  comments show:\n${indentBlock(want || '(nothing)')}\n  it printed:\n${indentBlock(got || '(nothing)')}`
  );
}

/**
 * Checks samples: one type-check of all of them (the repository's tsconfig, so `twiml-jsx` is
 * the source in src/ through its paths, every file a module), then each sample that is not marked
 * `not run` in its own process. `against: 'dist'` drops the paths: `twiml-jsx` is then the
 * package as built (its own name resolves through package.json's exports to dist/, JavaScript
 * and declarations), which must exist. A temporary folder under test/docs-samples/.tmp/ holds the files
 * and is removed at the end.
 */
export async function checkSamples(samples: readonly Sample[], against: 'src' | 'dist' = 'src'): Promise<Checked[]> {
  const base = join(root, 'test/docs-samples/.tmp');
  mkdirSync(base, { recursive: true });
  const run = mkdtempSync(join(base, 'run-'));
  try {
    // Samples sit in <run>/test/; samples that name their file sit at that path in a folder of
    // their document (its project folder); Jest samples in <run>/jest/, outside the main program.
    const slug = (doc: string) => doc.replace(/[^\w]+/g, '-');
    const project = (doc: string) => join(run, 'files', slug(doc));
    const files = samples.map((sample, i) => {
      const file = sample.jest
        ? join(run, 'jest', `${slug(sample.doc)}-${sample.line}-${i}.${sample.lang}`)
        : sample.file
          ? join(project(sample.doc), sample.file)
          : join(run, 'test', `${slug(sample.doc)}-${sample.line}-${i}.${sample.lang}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, sample.code);
      return file;
    });
    const tsconfig = join(run, 'tsconfig.json');
    writeFileSync(
      tsconfig,
      JSON.stringify({
        extends: join(root, 'tsconfig.json'),
        compilerOptions: {
          moduleDetection: 'force',
          // Without the paths, `twiml-jsx` is the package itself (its exports: dist/).
          ...(against === 'dist' ? { paths: {} } : {}),
        },
        include: ['test/*.ts', 'test/*.tsx', 'files/**/*.ts', 'files/**/*.tsx'],
      }),
    );

    const failures = samples.map((): string[] => []);
    for (const [i, sample] of samples.entries()) {
      if (!isTestFile(sample))
        for (const line of expectedOutput(sample.code, sample.lang).missing)
          failures[i].push(`line ${sample.line + line}: prints, but no \`// output\` comment lines follow`);
      for (const from of importsOf(sample.code, sample.lang).filter((m) => m.startsWith('.')))
        if (!(sample.file && !sample.jest && namesSample(samples, sample, from)))
          failures[i].push(
            `imports '${from}': a sample defines what it needs inline (or imports a sample of its document ` +
              'that names its file)',
          );
    }

    // Type-check: one program per document (its samples are one project: a type a sample declares,
    // such as the matchers' augmentation of Vitest, holds for its document only, as in a user's
    // project that copied that document), and one per Jest sample with Jest's globals.
    const config = ts.getParsedCommandLineOfConfigFile(
      tsconfig,
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
        },
      },
    )!;
    const host = ts.createCompilerHost(config.options);
    const parsed = new Map<string, ts.SourceFile | undefined>();
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (file, ...rest) => {
      if (!parsed.has(file)) parsed.set(file, getSourceFile(file, ...rest));
      return parsed.get(file);
    };
    const byFile = new Map(files.map((file, i) => [file, i]));
    const report = (diagnostics: readonly ts.Diagnostic[]) => {
      for (const d of diagnostics) {
        const text = ts.flattenDiagnosticMessageText(d.messageText, '\n');
        const i = d.file ? byFile.get(d.file.fileName) : undefined;
        if (i === undefined) {
          if (!d.file) throw new Error(`type-checking the samples: TS${d.code} ${text}`);
          continue; // another file of the repository: the repository's own type-check reports it
        }
        const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
        failures[i].push(`line ${samples[i].line + 1 + line}: error TS${d.code}: ${text}`);
      }
    };
    for (const doc of new Set(samples.map((sample) => sample.doc))) {
      const rootNames = files.filter((_, i) => samples[i].doc === doc && !samples[i].jest);
      if (rootNames.length > 0)
        report(ts.getPreEmitDiagnostics(ts.createProgram({ rootNames, options: config.options, host })));
    }
    // Each Jest sample in a program of its own: its augmentation of the `jest` namespace is global.
    const jestGlobals = join(run, 'jest', 'jest-globals.d.ts');
    for (const file of files.filter((_, i) => samples[i].jest)) {
      writeFileSync(jestGlobals, JEST_GLOBALS);
      const jest = ts.createProgram({ rootNames: [file, jestGlobals], options: config.options, host });
      const of = (name: string) => [
        ...jest.getSyntacticDiagnostics(jest.getSourceFile(name)),
        ...jest.getSemanticDiagnostics(jest.getSourceFile(name)),
      ];
      const inSample = [...jest.getGlobalDiagnostics(), ...of(file)];
      report(inSample);
      // An error in the globals themselves, unless the sample caused it (an augmentation that does
      // not merge is reported at both declarations).
      const inGlobals = of(jestGlobals);
      if (inGlobals.length > 0 && inSample.length === 0)
        throw new Error(
          `test/docs-samples/jest-globals.ts: ${inGlobals.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`).join('; ')}`,
        );
    }

    // Run: each sample that runs in its own Node process, each document's test files with Vitest.
    const work = join(run, 'vitest');
    mkdirSync(work);
    const testFilesOf = new Map<string, string[]>();
    for (const [i, sample] of samples.entries())
      if (isTestFile(sample) && !sample.notRun)
        testFilesOf.set(sample.doc, [...(testFilesOf.get(sample.doc) ?? []), files[i]]);
    const tasks: (() => Promise<void>)[] = [];
    const runs: (Run | undefined)[] = samples.map(() => undefined);
    for (const [i, sample] of samples.entries())
      if (!sample.notRun && !isTestFile(sample))
        tasks.push(async () => {
          runs[i] = await runFile(files[i], tsconfig);
        });
    for (const [doc, testFiles] of testFilesOf)
      tasks.push(async () => {
        const result = await runVitest(project(doc), testFiles, work, against);
        for (const file of testFiles) {
          const i = files.indexOf(file);
          runs[i] = result.run;
          failures[i].push(...result.failures.get(file)!);
        }
      });
    // The Vitest runs are the longest: start them first.
    tasks.reverse();
    await pool(tasks, Math.max(1, Math.min(4, availableParallelism())));

    return samples.map((sample, i) => {
      const result = runs[i];
      if (result && !isTestFile(sample)) {
        const expected = expectedOutput(sample.code, sample.lang);
        if (result.code !== 0)
          failures[i].push(
            `exited with ${result.code ?? result.signal}:\n${indentBlock(result.stderr.trim() || '(no message)')}`,
          );
        else if (expected.stderr.length === 0 && result.stderr.trim() !== '')
          failures[i].push(
            `wrote to stderr, which no \`// stderr: …\` comment line shows:\n${indentBlock(result.stderr.trim())}`,
          );
        else {
          const differs = outputFailure(expected.stderr, result.stderr, 'standard error');
          if (differs) failures[i].push(differs);
        }
        const differs = outputFailure(expected.output, result.stdout);
        if (differs) failures[i].push(differs);
      }
      return { sample, failures: failures[i], run: result };
    });
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}
