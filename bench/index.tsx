/**
 * `npm run bench`: how fast twiml-jsx produces TwiML, next to the official helper and to a
 * hand-written template, how its cost grows with document size, what importing it costs, and
 * how big the core bundle is. Results are printed; BENCHMARKS.md explains them.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { render } from 'twiml-jsx';
import { CORE_BUDGET_GZIPPED, coreBundleSize, coreWithoutValidationSize } from './size.js';
import { flat, LargeFlow, largeOfficial } from './documents.jsx';
import { IvrFlow, input, renderFloor, renderJsx, renderJsxConstants, renderNaive, renderOfficial } from './ivr.jsx';

const ignore = () => {};
const ns = (task: { result?: { latency?: { mean?: number } } } | undefined) =>
  (task?.result?.latency?.mean ?? NaN) * 1e6;
const fmt = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} µs` : `${n.toFixed(0)} ns`);
const ops = (n: number) => `${Math.round(1e9 / n).toLocaleString('en-US')} ops/s`;

function check(label: string, ours: string, theirs: string): void {
  if (ours !== theirs) throw new Error(`${label}: twiml-jsx and the official helper wrote different documents`);
}

async function run(name: string, tasks: Record<string, () => unknown>, time = 1500): Promise<Record<string, number>> {
  const bench = new Bench({ time, warmupTime: 300 });
  for (const [task, fn] of Object.entries(tasks)) bench.add(task, fn);
  await bench.run();
  const result: Record<string, number> = {};
  console.log(`\n${name}`);
  for (const task of bench.tasks) {
    result[task.name] = ns(task as never);
    console.log(
      `  ${task.name.padEnd(40)} ${fmt(result[task.name]).padStart(10)}  ${ops(result[task.name]).padStart(18)}`,
    );
  }
  return result;
}

const EMPTY_MODULE = fileURLToPath(new URL('./empty.cjs', import.meta.url));

/**
 * Median milliseconds to load a package in a fresh Node process, node's own start-up excluded.
 * `cold`: the first module the process loads, so the time includes starting the module loader
 * (about 4 ms for ESM). Warm: an empty module is loaded first, as in an application that is
 * already running, so the time is the package's own.
 */
function importCost(specifier: string, kind: 'import' | 'require', cold: boolean, runs = 11): number {
  const load =
    kind === 'import' ? `await import(${JSON.stringify(specifier)})` : `require(${JSON.stringify(specifier)})`;
  const warm = cold
    ? ''
    : kind === 'import'
      ? `await import(${JSON.stringify(EMPTY_MODULE)});`
      : `require(${JSON.stringify(EMPTY_MODULE)});`;
  const script = `${warm} const t = performance.now(); ${load}; console.log(performance.now() - t);`;
  const args = kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', script];
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim()));
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

console.log(
  `twiml-jsx benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);

// ── 1. The typical IVR document ───────────────────────────────────────────────────────────────
check('IVR', renderJsx(true), renderOfficial());
check('IVR (constants)', renderJsxConstants(true), renderOfficial());
check('IVR (naive)', renderNaive(), renderOfficial());
check('IVR (floor)', renderFloor(), renderOfficial());
const A = '(a) twiml-jsx, validated';
const B = '(b) twiml-jsx, validate: false';
const D = '(d) hand-written template';
const E = '(e) minimal JSX-to-XML runtime (floor)';
const A2 = "(a') (a), static elements as constants";
const B2 = "(b') (b), static elements as constants";
const ivr = await run('Typical IVR document (JSX evaluated and rendered on every call)', {
  [A]: () => renderJsx(true),
  [B]: () => renderJsx(false),
  '(c) official helper (twilio)': () => renderOfficial(),
  [D]: () => renderNaive(),
  [E]: () => renderFloor(),
  [A2]: () => renderJsxConstants(true),
  [B2]: () => renderJsxConstants(false),
});
const tree = <IvrFlow {...input} />;
render(tree, { onWarning: ignore });
const parts = await run('The IVR, step by step', {
  'building the element tree (JSX)': () => <IvrFlow {...input} />,
  'render() of a tree rendered before': () => render(tree, { onWarning: ignore }),
  'render() of a built tree, unchecked': () => render(tree, { validate: false }),
});
const ratio = (task: string) => `${(ivr[task] / ivr[D]).toFixed(2)}×`;
console.log(
  `\n  time relative to (d): validated ${ratio(A)} (target 1.5×), unvalidated ${ratio(B)} (target 1.2×),` +
    ` official helper ${ratio('(c) official helper (twilio)')}, floor (e) ${ratio(E)}`,
);
console.log(`  with static elements as constants: validated ${ratio(A2)}, unvalidated ${ratio(B2)}`);
console.log(
  `  official helper / twiml-jsx validated: ${(ivr['(c) official helper (twilio)'] / ivr[A]).toFixed(1)}×;` +
    ` checking adds ${fmt(ivr[A] - ivr[B])} (${((ivr[A] / ivr[B] - 1) * 100).toFixed(0)}%); a tree rendered before` +
    ` is not checked again (${fmt(parts['render() of a tree rendered before'])})`,
);

// ── 2. A document near Twilio's 64 kB limit ──────────────────────────────────────────────────
const largeXml = render(<LargeFlow />);
check('large document', largeXml, largeOfficial());
console.log(
  `\nLarge document: ${largeXml.length.toLocaleString('en-US')} bytes, ${largeXml.split('<').length - 2} elements`,
);
const large = await run('Large document (~60 kB)', {
  'twiml-jsx, validated': () => render(<LargeFlow />),
  'twiml-jsx, validate: false': () => render(<LargeFlow />, { validate: false }),
  'official helper (twilio)': () => largeOfficial(),
});
console.log(
  `  official helper / twiml-jsx validated: ${(large['official helper (twilio)'] / large['twiml-jsx, validated']).toFixed(1)}×`,
);

// ── 3. Cost per element as documents grow ────────────────────────────────────────────────────
const sizes = [100, 1_000, 10_000];
const growth = await run(
  'Flat documents of N elements (build + render, validate: false: 10,000 <Pause> is over 64 kB)',
  Object.fromEntries(
    sizes.map((n) => [`N = ${n.toLocaleString('en-US')}`, () => render(flat(n), { validate: false })]),
  ),
  2000,
);
const perElement = sizes.map((n) => growth[`N = ${n.toLocaleString('en-US')}`] / n);
console.log(`  per element: ${sizes.map((n, i) => `${n.toLocaleString('en-US')}: ${fmt(perElement[i])}`).join(', ')}`);
console.log(`  per-element cost at 10,000 / at 100: ${(perElement[2] / perElement[0]).toFixed(2)}×`);

// ── 4. Import cost and bundle size ───────────────────────────────────────────────────────────
console.log('\nImport in a fresh process (median of 11; target: under 0.1× of the official helper)');
for (const [label, kind, cold] of [
  ['import(), cold (module loader start-up included)', 'import', true],
  ['import(), warm loader', 'import', false],
  ['require()', 'require', false],
] as const) {
  const ours = importCost('twiml-jsx', kind, cold);
  const theirs = importCost('twilio', kind, cold);
  console.log(
    `  ${label.padEnd(50)} twiml-jsx ${ours.toFixed(1).padStart(5)} ms, twilio ${theirs.toFixed(1).padStart(6)} ms (${(ours / theirs).toFixed(3)}×)`,
  );
}
const size = await coreBundleSize();
const bare = await coreWithoutValidationSize();
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
console.log(
  `Core bundle (twiml-jsx entry, esbuild --minify, gzip -9): ${bytes(size.minified)} minified, ${bytes(size.gzipped)} gzipped (budget ${bytes(CORE_BUDGET_GZIPPED)}; target 12,288 B)`,
);
console.log(
  `  without the validator (components with their tables, JSX runtime, writer): ${bytes(bare.minified)} minified, ${bytes(bare.gzipped)} gzipped;` +
    ` validation adds ${bytes(size.gzipped - bare.gzipped)} gzipped`,
);
