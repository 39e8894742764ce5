/**
 * `npm run bench`: how fast twiml-jsx produces TwiML, next to the official helper and to a
 * hand-written template, how its cost grows with document size, what importing it costs, and
 * how big the core bundle is. Results are printed; BENCHMARKS.md explains them.
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { Bench } from 'tinybench';
import { render } from 'twiml-jsx';
import { coreBundleSize } from './size.js';
import { flat, LargeFlow, largeOfficial } from './documents.jsx';
import { IvrFlow, input, renderJsx, renderNaive, renderOfficial } from './ivr.jsx';

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
      `  ${task.name.padEnd(34)} ${fmt(result[task.name]).padStart(10)}  ${ops(result[task.name]).padStart(18)}`,
    );
  }
  return result;
}

/** Median milliseconds to import a module in a fresh Node process (startup itself excluded). */
function importCost(specifier: string, kind: 'import' | 'require', runs = 9): number {
  const script =
    kind === 'import'
      ? `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`
      : `const t = performance.now(); require(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const args = kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', script];
    times.push(Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim()));
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

console.log(
  `twiml-jsx benchmarks — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores)`,
);

// ── 1. The typical IVR document ───────────────────────────────────────────────────────────────
check('IVR', renderJsx(true), renderOfficial());
check('IVR (naive)', renderNaive(), renderOfficial());
const ivr = await run('Typical IVR document (JSX evaluated and rendered on every call)', {
  '(a) twiml-jsx, validated': () => renderJsx(true),
  '(b) twiml-jsx, validate: false': () => renderJsx(false),
  '(c) official helper (twilio)': () => renderOfficial(),
  '(d) hand-written template': () => renderNaive(),
});
const tree = <IvrFlow {...input} />;
const parts = await run('The IVR, step by step', {
  'building the element tree (JSX)': () => <IvrFlow {...input} />,
  'render() of a built tree, validated': () => render(tree, { onWarning: ignore }),
  'render() of a built tree, unchecked': () => render(tree, { validate: false }),
});
const naive = ivr['(d) hand-written template'];
console.log(
  `\n  ratios to (d): validated ${(ivr['(a) twiml-jsx, validated'] / naive).toFixed(2)}×, unvalidated ${(
    ivr['(b) twiml-jsx, validate: false'] / naive
  ).toFixed(2)}×, official helper ${(ivr['(c) official helper (twilio)'] / naive).toFixed(1)}×`,
);
console.log(
  `  official helper / twiml-jsx validated: ${(ivr['(c) official helper (twilio)'] / ivr['(a) twiml-jsx, validated']).toFixed(1)}×;` +
    ` validation adds ${((ivr['(a) twiml-jsx, validated'] / ivr['(b) twiml-jsx, validate: false'] - 1) * 100).toFixed(0)}%` +
    ` (${fmt(parts['render() of a built tree, validated'])} of checks on a built tree)`,
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
const ours = importCost('twiml-jsx', 'import');
const theirs = importCost('twilio', 'require');
console.log(
  `\nImport in a fresh process (median of 9): twiml-jsx ${ours.toFixed(1)} ms, twilio ${theirs.toFixed(1)} ms (${(ours / theirs).toFixed(3)}×)`,
);
const size = await coreBundleSize();
console.log(
  `Core bundle (twiml-jsx entry, esbuild --minify, gzip -9): ${size.minified.toLocaleString('en-US')} B minified, ${size.gzipped.toLocaleString('en-US')} B gzipped`,
);
