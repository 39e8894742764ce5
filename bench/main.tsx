/**
 * The benchmarks `npm run bench` runs (bench/index.tsx starts this file with the right flags): how fast twiml-jsx writes TwiML next to its peers, the official helper, a
 * hand-written template and the least a JSX runtime can do; how its cost grows with size and
 * with problems; what importing it costs; how big the core is; and, when bench/http-attack.ts
 * exists, the HTTP load targets. Every target of issue 15 is printed as a PASS or FAIL line, and
 * all of them again at the end. BENCHMARKS.md explains the method and the results.
 *
 *   npm run bench                          build, then everything, measuring dist/ (what users install)
 *   npm run bench -- ivr growth            only those sections (ivr steps large growth problems import size http)
 *   BENCH_QUICK=1 npm run bench            fewer rounds, for a smoke run (figures are rough)
 *   BENCH_SOURCE=src npx tsx bench/index.tsx ivr   the sources (src/) instead of dist/, no build
 *
 * The timing method (interleaved rounds, CPU time, paired ratios) is in bench/harness.ts.
 */
import './production.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { render, validate, TwiMLValidationError } from 'twiml-jsx';
import { flat, invalidChildren, LargeFlow, largeOfficial } from './documents.jsx';
import {
  formatRatio,
  formatTime,
  formatTimeSpread,
  measureRounds,
  printTable,
  ratioVerdict,
  type Rounds,
  type Spread,
  spread,
  timeOnce,
  verdict,
  verdicts,
} from './harness.js';
import { loadKey, loadRatio, LOAD_WAYS, measureLoadCost } from './import-cost.js';
import { input, type IvrRenderer, type Peer, VARIANTS, type Variant } from './ivr-input.js';
import { IvrFlow, unvalidated, validated, withConstants } from './ivr.jsx';
import { floor } from './peers/floor.js';
import { hono } from './peers/hono.jsx';
import { kita } from './peers/kita.jsx';
import { official } from './peers/official.js';
import { preact } from './peers/preact.jsx';
import { react } from './peers/react.jsx';
import { assertSameTree } from './peers/same-tree.js';
import { template } from './peers/template.js';
import { CORE_BUDGET_GZIPPED, coreBundleSize, coreFileSize, coreWithoutValidationSize } from './size.js';

const SECTIONS = ['ivr', 'steps', 'large', 'growth', 'problems', 'import', 'size', 'http'] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2);
for (const name of asked) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`bench: no section ${JSON.stringify(name)}; sections: ${SECTIONS.join(' ')}`);
    process.exit(2);
  }
}
const runs = (section: Section) => asked.length === 0 || asked.includes(section);
const QUICK = process.env.BENCH_QUICK === '1';
/** Rounds for a section: fewer in a quick run. */
const rounds = (full: number) => (QUICK ? Math.max(5, Math.round(full / 4)) : full);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const versionOf = (name: string) =>
  (JSON.parse(readFileSync(`${ROOT}/node_modules/${name}/package.json`, 'utf8')) as { version: string }).version;
const int = (n: number) => n.toLocaleString('en-US');
const bytes = (n: number) => `${int(n)} B`;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

function header(title: string, detail?: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(3, 100 - title.length))}`);
  if (detail) console.log(`  ${detail}`);
}

function roundsNote(measured: Rounds): string {
  const [first] = measured.times.values();
  return `median [interquartile range] of ${first.length} rounds of CPU time; the process had ${(measured.cpuShare * 100).toFixed(0)}% of a core while measuring`;
}

const measuring = import.meta.resolve('twiml-jsx');
console.log(
  `twiml-jsx benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB), load average ${load()}`,
);
console.log(
  `  measuring ${measuring.includes('/dist/') ? 'dist/ (the built package)' : 'src/ (the sources, through tsx)'}: ${measuring}` +
    (QUICK ? '\n  BENCH_QUICK=1: fewer rounds, rough figures' : ''),
);
if (!process.execArgv.includes('--single-threaded')) {
  console.log('  not started by bench/index.tsx: V8 helper threads are running, so CPU times include their work');
}

// ── 1. The IVR document, every contender ─────────────────────────────────────────────────────
interface Contender {
  readonly key: string;
  readonly label: string;
  readonly renderer: IvrRenderer;
  readonly peer?: Peer;
}
const PEERS: readonly Peer[] = [kita, hono, preact, react];
const CONTENDERS: readonly Contender[] = [
  { key: '(a)', label: '(a) twiml-jsx, render() (validated, default onWarning)', renderer: validated },
  { key: '(b)', label: '(b) twiml-jsx, render(…, { validate: false })', renderer: unvalidated },
  { key: '(d)', label: '(d) hand-written template', renderer: template },
  { key: '(e)', label: '(e) minimal JSX-to-XML runtime (the floor)', renderer: floor },
  ...PEERS.map((peer) => ({
    key: peer.name,
    label: `${peer.name} ${versionOf(peer.package)}`,
    renderer: peer,
    peer,
  })),
];
const OFFICIAL = '(c) official helper (twilio), with warning';
const A2 = "(a') (a) with static elements as constants, with warning";
const B2 = "(b') (b) with static elements as constants, with warning";
const taskName = (c: Contender, variant: Variant) => `${c.key} ${variant}`;

if (runs('ivr')) {
  // React chooses its build when it loads: bench/production.ts must have run first.
  const reactBuild = Object.keys(createRequire(import.meta.url).cache).find((file) =>
    /react-dom-server-legacy\.node\.\w+\.js$/.test(file),
  );
  if (!reactBuild?.endsWith('.production.js')) {
    throw new Error(`bench: react-dom/server loaded ${reactBuild ?? 'an unknown build'}, not its production build`);
  }
  header(
    'The IVR document: JSX evaluated and rendered on every call',
    'Every contender renders the same tree (bench/ivr.tsx); before timing, each output is checked against the official helper:',
  );
  for (const variant of VARIANTS) {
    const reference = variant === 'with warning' ? official.withWarning(input) : official.withoutWarning(input);
    for (const c of CONTENDERS) {
      const xml = variant === 'with warning' ? c.renderer.withWarning(input) : c.renderer.withoutWarning(input);
      if (c.peer === undefined && xml !== reference) {
        throw new Error(`bench: ${c.label} (${variant}) wrote other bytes than the official helper`);
      }
      const { elements } = assertSameTree(`${c.label} (${variant})`, xml, reference, c.peer?.looseAttributes);
      if (c === CONTENDERS[0]) {
        console.log(
          `  ${variant}: ${elements} elements, ${bytes(Buffer.byteLength(reference))} (official helper's bytes)`,
        );
      }
    }
  }
  for (const [label, fn] of [
    [A2, withConstants.validated],
    [B2, withConstants.unvalidated],
  ] as const) {
    if (fn(input) !== official.withWarning(input)) throw new Error(`bench: ${label} wrote other bytes`);
  }
  console.log('  (a), (b), (d), (e) write the same bytes; the peers the same element tree; their bytes differ:');
  for (const peer of PEERS) console.log(`    ${peer.name}: ${peer.differences}`);
  console.log(
    '  (a) renders with the default onWarning, which printed the warning above once; later renders only count it.',
  );

  const tasks: Record<string, () => unknown> = {};
  for (const c of CONTENDERS) {
    tasks[taskName(c, 'with warning')] = () => c.renderer.withWarning(input);
    tasks[taskName(c, 'without warning')] = () => c.renderer.withoutWarning(input);
  }
  tasks[OFFICIAL] = () => official.withWarning(input);
  tasks[A2] = () => withConstants.validated(input);
  tasks[B2] = () => withConstants.unvalidated(input);
  const ivr = measureRounds(tasks, { rounds: rounds(40), warmup: 5, batchMs: 5 });

  console.log(`\n  ${roundsNote(ivr)}; ×(d), ×(e): paired ratios (medians)`);
  const rows: string[][] = [['', 'with warning', '×(d)', '×(e)', 'without warning', '×(d)', '×(e)']];
  for (const c of CONTENDERS) {
    const row = [c.label];
    for (const variant of VARIANTS) {
      const name = taskName(c, variant);
      row.push(
        formatTimeSpread(ivr.time(name)),
        `${ivr.ratio(name, taskName(CONTENDERS[2], variant)).median.toFixed(2)}×`,
        `${ivr.ratio(name, taskName(CONTENDERS[3], variant)).median.toFixed(2)}×`,
      );
    }
    rows.push(row);
  }
  for (const name of [OFFICIAL, A2, B2]) {
    rows.push([
      name.replace(', with warning', ''),
      formatTimeSpread(ivr.time(name)),
      `${ivr.ratio(name, taskName(CONTENDERS[2], 'with warning')).median.toFixed(2)}×`,
      `${ivr.ratio(name, taskName(CONTENDERS[3], 'with warning')).median.toFixed(2)}×`,
      '',
      '',
      '',
    ]);
  }
  printTable(rows);

  const [a, b, , e] = CONTENDERS;
  const kitaContender = CONTENDERS.find((c) => c.peer === kita)!;
  console.log();
  for (const variant of VARIANTS) {
    ratioVerdict(
      `validated ≤ 1.3× unvalidated, IVR ${variant} ((a)/(b))`,
      ivr.ratio(taskName(a, variant), taskName(b, variant)),
      1.3,
    );
    ratioVerdict(
      `validated ≤ 1.5× the minimal runtime, IVR ${variant} ((a)/(e))`,
      ivr.ratio(taskName(a, variant), taskName(e, variant)),
      1.5,
    );
    ratioVerdict(
      `unvalidated ≤ 1.2× the minimal runtime, IVR ${variant} ((b)/(e))`,
      ivr.ratio(taskName(b, variant), taskName(e, variant)),
      1.2,
    );
    ratioVerdict(
      `unvalidated faster than @kitajs/html (safe), IVR ${variant} ((b)/kita < 1)`,
      ivr.ratio(taskName(b, variant), taskName(kitaContender, variant)),
      1,
      true,
    );
  }
  const n = ivr.time(OFFICIAL).n;
  console.log(`\n  Paired ratios, median [IQR] of ${n} rounds:`);
  for (const variant of VARIANTS) {
    for (const peer of CONTENDERS.filter((c) => c.peer !== undefined)) {
      console.log(
        `    ${peer.label}, ${variant}: ${formatRatio(ivr.ratio(taskName(peer, variant), taskName(b, variant)))} of (b)`,
      );
    }
  }
  console.log(
    `    the warning's cost: (a) with / without ${formatRatio(ivr.ratio(taskName(a, 'with warning'), taskName(a, 'without warning')))};` +
      ` (b) with / without ${formatRatio(ivr.ratio(taskName(b, 'with warning'), taskName(b, 'without warning')))}`,
  );
  console.log(
    `    official helper / (a), with warning: ${formatRatio(ivr.ratio(OFFICIAL, taskName(a, 'with warning')), 1)}`,
  );
}

// ── 2. The IVR, step by step ──────────────────────────────────────────────────────────────────
if (runs('steps')) {
  header('The IVR with a warning, step by step (twiml-jsx only)');
  const tree = <IvrFlow {...input} />;
  render(tree);
  const steps = measureRounds(
    {
      'building the element tree (JSX)': () => <IvrFlow {...input} />,
      'render() of a tree rendered before (checks remembered)': () => render(tree),
      'render(…, { validate: false }) of a built tree': () => render(tree, { validate: false }),
      'validate() of a tree checked before': () => validate(tree),
    },
    { rounds: rounds(20), warmup: 3, batchMs: 5 },
  );
  console.log(`  ${roundsNote(steps)}`);
  printTable([...steps.times.keys()].map((name) => [name, formatTimeSpread(steps.time(name))]));
}

// ── 3. A document near Twilio's 64 kB limit ──────────────────────────────────────────────────
if (runs('large')) {
  const largeXml = render(<LargeFlow />);
  if (largeXml !== largeOfficial()) throw new Error('bench: the large document differs from the official helper');
  header(
    'A large document',
    `${bytes(Buffer.byteLength(largeXml))}, ${int(largeXml.split('<').length - 2)} elements (bench/documents.tsx)`,
  );
  const large = measureRounds(
    {
      'twiml-jsx, validated': () => render(<LargeFlow />),
      'twiml-jsx, validate: false': () => render(<LargeFlow />, { validate: false }),
      'official helper (twilio)': () => largeOfficial(),
    },
    // The official helper leaves far more garbage than twiml-jsx: a major collection before each batch.
    { rounds: rounds(20), warmup: 3, batchMs: 20, collect: 'major' },
  );
  console.log(`  ${roundsNote(large)}`);
  printTable([...large.times.keys()].map((name) => [name, formatTimeSpread(large.time(name))]));
  console.log(
    `  official helper / twiml-jsx validated: ${formatRatio(large.ratio('official helper (twilio)', 'twiml-jsx, validated'), 1)};` +
      ` validated / unvalidated: ${formatRatio(large.ratio('twiml-jsx, validated', 'twiml-jsx, validate: false'))}`,
  );
}

// ── 4. Cost per element as documents grow ────────────────────────────────────────────────────
if (runs('growth')) {
  header(
    'Cost per element as documents grow: flat documents of N <Pause length> (19 bytes each)',
    'Unvalidated: JSX + render(…, { validate: false }). Validated: JSX + validate(), which checks everything render() checks' +
      ' (and the 64 kB limit) without writing: every document over ~3,400 elements is over 64 kB, so a validated render() of' +
      ' 100,000 elements only throws document-too-large. render() validated is shown up to 3,000 elements.',
  );
  const SIZES = [100, 1_000, 10_000, 100_000];
  const tasks: Record<string, () => unknown> = {};
  for (const size of SIZES) tasks[`unvalidated N = ${int(size)}`] = () => render(flat(size), { validate: false });
  for (const size of SIZES) tasks[`validate() N = ${int(size)}`] = () => validate(flat(size));
  for (const size of [100, 3_000]) tasks[`render() validated N = ${int(size)}`] = () => render(flat(size));
  const TOO_LARGE = 'render() validated N = 100,000 (throws document-too-large)';
  tasks[TOO_LARGE] = () => {
    try {
      return render(flat(100_000));
    } catch (error) {
      if (!(error instanceof TwiMLValidationError) || !error.problems.some((p) => p.code === 'document-too-large'))
        throw error;
      return error;
    }
  };
  // A heap-reducing collection before each batch: a 100,000-element batch leaves tens of MB for
  // the collector, which would otherwise be paid in the 100-element batches that follow it (a
  // major collection alone left them twice as slow and unsteady); every batch starts alike.
  const growth = measureRounds(tasks, { rounds: rounds(15), warmup: 2, batchMs: 30, warmMs: 100, collect: 'reduce' });
  console.log(`  ${roundsNote(growth)}`);
  printTable([
    ['', 'per document', 'per element'],
    ...[...growth.times.keys()].map((name) => {
      const size = Number(/N = ([\d,]+)/.exec(name)![1].replace(/,/g, ''));
      const time = growth.time(name);
      return [name, formatTimeSpread(time), formatTime(time.median / size)];
    }),
  ]);
  ratioVerdict(
    'per-element cost at 100,000 ≤ 2× that at 100, unvalidated',
    growth.ratio('unvalidated N = 100,000', 'unvalidated N = 100', 100_000, 100),
    2,
  );
  ratioVerdict(
    'per-element cost at 100,000 ≤ 2× that at 100, validated (validate())',
    growth.ratio('validate() N = 100,000', 'validate() N = 100', 100_000, 100),
    2,
  );
  console.log(
    `  also: at 10,000 / at 100, unvalidated ${formatRatio(growth.ratio('unvalidated N = 10,000', 'unvalidated N = 100', 10_000, 100))},` +
      ` validate() ${formatRatio(growth.ratio('validate() N = 10,000', 'validate() N = 100', 10_000, 100))};` +
      ` render() validated at 3,000 / at 100 ${formatRatio(growth.ratio('render() validated N = 3,000', 'render() validated N = 100', 3_000, 100))}`,
  );
  console.log(
    `  a validated render() of 100,000 elements throws document-too-large after ${formatTime(growth.time(TOO_LARGE).median)}` +
      ` (${formatRatio(growth.ratio(TOO_LARGE, 'unvalidated N = 100,000'))} of building and writing it unvalidated)`,
  );
}

// ── 5. Many problems under one parent ────────────────────────────────────────────────────────
if (runs('problems')) {
  header(
    'Many problems under one parent: <Response> with N × <Pause lenght="1"/> (an unknown attribute each)',
    'CPU time of building the tree and validate() collecting its N problems (median of 3, each on a fresh tree; the' +
      ' build alone is shown apart); the message render() throws must stay bounded.',
  );
  const LIMIT_S = 30;
  const collected = new Map<number, Spread>();
  const messages = new Map<number, number>();
  for (const size of [1_000, 10_000, 100_000]) {
    const previous = collected.get(size / 10);
    const before = collected.get(size / 100);
    // Skip a size that would take minutes: the growth from the size before predicts it.
    if (previous !== undefined && before !== undefined) {
      const predicted = (previous.median * (previous.median / before.median)) / 1000;
      if (predicted > LIMIT_S) {
        console.log(
          `  N = ${int(size)}: skipped, about ${predicted.toFixed(0)} s predicted from the growth 1,000 → 10,000`,
        );
        verdict(
          '100,000 problems under one parent collected in < 1 s',
          false,
          `not run: ~${predicted.toFixed(0)} s predicted (10,000 took ${(previous.median / 1000).toFixed(2)} s)`,
        );
        break;
      }
    }
    // One unknown-attribute problem per child, and past 64 kB (3,400 children) document-too-large.
    const problems = validate(invalidChildren(size));
    const unknown = problems.filter((p) => p.code === 'unknown-attribute').length;
    const others = problems.filter((p) => p.code !== 'unknown-attribute' && p.code !== 'document-too-large');
    if (unknown !== size || others.length > 0) {
      throw new Error(
        `bench: ${int(size)} invalid children gave ${int(unknown)} unknown-attribute problems` +
          (others.length > 0 ? ` and ${others[0].code}` : ''),
      );
    }
    const build = timeOnce(
      () => size,
      (n) => invalidChildren(n),
    );
    const total = timeOnce(
      () => size,
      (n) => validate(invalidChildren(n)),
    );
    collected.set(size, total);
    let message = '';
    try {
      render(invalidChildren(size));
    } catch (error) {
      if (!(error instanceof TwiMLValidationError)) throw error;
      message = error.message;
    }
    messages.set(size, message.length);
    console.log(
      `  N = ${int(size).padStart(7)}: build + validate() ${total.median.toFixed(1)} ms (build ${build.median.toFixed(1)} ms),` +
        ` ${int(problems.length)} problems; render() throws a message of ${int(message.length)} characters`,
    );
    if (size === 100_000) {
      verdict(
        '100,000 problems under one parent collected in < 1 s',
        total.median < 1000,
        `${(total.median / 1000).toFixed(3)} s CPU (median of ${total.n}, build included)`,
      );
    }
  }
  const small = messages.get(1_000);
  const largest = Math.max(...messages.keys());
  if (small !== undefined && largest > 1_000) {
    verdict(
      'the thrown message is bounded',
      messages.get(largest)! <= small + 100,
      `${int(messages.get(largest)!)} characters at ${int(largest)} problems, ${int(small)} at 1,000`,
    );
  }
}

// ── 6. Import cost ───────────────────────────────────────────────────────────────────────────
if (runs('import')) {
  const importRounds = rounds(11);
  header(
    'Loading the package in a fresh process (Node start-up excluded)',
    `median [IQR] of ${importRounds} rounds; each round starts one process per package and way, in rotating order; CPU ms (wall ms)`,
  );
  const cost = measureLoadCost(['twiml-jsx', 'twilio'], importRounds);
  const median = (values: number[]) => formatTimeSpread(spread(values.map((ms) => ms * 1e6)));
  printTable([
    ['', 'twiml-jsx', 'twilio', 'twiml-jsx / twilio'],
    ...LOAD_WAYS.map((way) => [
      way,
      `${median(cost.cpu.get(loadKey('twiml-jsx', way))!)} (${median(cost.wall.get(loadKey('twiml-jsx', way))!)})`,
      `${median(cost.cpu.get(loadKey('twilio', way))!)} (${median(cost.wall.get(loadKey('twilio', way))!)})`,
      formatRatio(loadRatio(cost, loadKey('twiml-jsx', way), loadKey('twilio', way)), 3),
    ]),
  ]);
  for (const way of ['import(), cold', 'require()'] as const) {
    ratioVerdict(
      `${way === 'require()' ? 'require' : 'import (cold)'}('twiml-jsx') ≤ 1/10 of require('twilio'), CPU`,
      loadRatio(cost, loadKey('twiml-jsx', way), loadKey('twilio', 'require()')),
      0.1,
    );
  }
}

// ── 7. Core size ─────────────────────────────────────────────────────────────────────────────
if (runs('size')) {
  header(
    'Core size (esbuild --bundle --minify, then gzip -9)',
    'dist/index.js re-exports dist/core.js; bundling it keeps what the twiml-jsx entry exports',
  );
  const entry = await coreBundleSize();
  const core = await coreFileSize();
  printTable([
    ['', 'minified', 'gzipped'],
    ['twiml-jsx (dist/index.js bundled): the budget', bytes(entry.minified), bytes(entry.gzipped)],
    ['twiml-jsx/core (dist/core.js: also what other entries use)', bytes(core.minified), bytes(core.gzipped)],
  ]);
  try {
    const bare = await coreWithoutValidationSize();
    console.log(
      `  without the validator (components with their tables, JSX runtime, writer; from src/): ${bytes(bare.gzipped)} gzipped;` +
        ` validation adds ${bytes(entry.gzipped - bare.gzipped)}`,
    );
  } catch (error) {
    console.log(`  without the validator: not measured (${(error as Error).message.split('\n')[0]})`);
  }
  verdict(
    `core within its budget (${bytes(CORE_BUDGET_GZIPPED)} gzipped; also checked by npm test)`,
    entry.gzipped <= CORE_BUDGET_GZIPPED,
    bytes(entry.gzipped),
  );
}

// ── 8. HTTP under attack (bench/http-attack.ts, issue 13) ────────────────────────────────────
if (runs('http')) {
  header('HTTP load and attack targets (bench/http-attack.ts, issue 13)');
  const script = fileURLToPath(new URL('./http-attack.ts', import.meta.url));
  if (!existsSync(script)) {
    console.log('  bench/http-attack.ts does not exist yet: nothing measured.');
  } else {
    // Its own process: its servers and load must not share a heap or event loop with the
    // rendering measurements. It prints its results, with a `PASS …`/`FAIL …` line per target.
    // TSX_TSCONFIG_PATH is inherited: it resolves twiml-jsx as this process does.
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(child.stdout ?? '');
    for (const line of (child.stdout ?? '').split('\n')) {
      const match = /^\s*(PASS|FAIL)\b\s*(.*)$/.exec(line);
      if (match) verdicts.push(`${match[1]}  ${match[2]}`);
    }
    if (child.status !== 0)
      verdict('bench/http-attack.ts ran to its end', false, `exit status ${child.status ?? child.signal}`);
  }
}

// ── Summary ──────────────────────────────────────────────────────────────────────────────────
header('Targets (issue 15; issue 13 for HTTP)');
for (const line of verdicts) console.log(`  ${line}`);
console.log(`\n  load average at the end: ${load()}`);
