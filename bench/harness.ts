/**
 * The timing method of `npm run bench`, made for a busy machine with few cores:
 *
 * - **Interleaved rounds in one process.** Each round runs every task once, in an order that
 *   rotates from round to round (round r starts with task r mod n), each task for a fixed number
 *   of iterations (a batch). Whatever else the machine does at a given moment falls on every task
 *   alike, instead of on whichever task happened to be running.
 * - **CPU time.** A batch is timed with `process.cpuUsage()` (user + system, microseconds), not
 *   with a wall clock: the time the process spends waiting for a core while other processes run
 *   is not counted. bench/index.tsx starts Node with `--single-threaded`, so all of V8's work
 *   (garbage collection, compiling) is done on the main thread and counted, and no helper thread
 *   adds to a batch work that is not its own. Batches are sized to about `batchMs` of CPU
 *   (5 ms by default), so the microsecond resolution is 0.02% of a batch; `performance.now()` is
 *   used only to report what share of the wall time the process got (how busy the machine was).
 * - **Warm code.** Each task first runs alone until it is compiled (200 ms of CPU and 5,000
 *   calls), then in warm-up rounds that size its batch; only then is anything timed.
 * - **Garbage collected as it comes.** No collection is forced between the IVR batches: tried,
 *   it made batches less steady and some many times slower (hono/jsx's IVR render went from 8 µs
 *   to 120 µs with a `gc()` before every 5 ms batch; with a major one the floor slowed by half).
 *   A task pays for the collections its batch triggers; the rotating order spreads the rare full
 *   collections over all tasks, and medians drop them. Where tasks leave very different amounts
 *   of garbage (`collect`), a collection runs, untimed, before each batch.
 * - **Medians over rounds.** The warm-up rounds are discarded; each figure is the median of the rest, with its interquartile range.
 * - **Paired ratios.** The ratio of two tasks is worked out per round (both ran in that round,
 *   close in time), then the median of those ratios is taken: a slow moment of the machine moves
 *   both sides of a pair together, so ratios are steadier than times.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A function run many times per batch; what it returns is kept, so it cannot be optimised away. */
export type TaskFn = () => unknown;

export interface RoundsOptions {
  /** Rounds measured (after warm-up). @default 30 */
  readonly rounds?: number;
  /** Rounds run first and discarded (the first one also sizes the batches). @default 5 */
  readonly warmup?: number;
  /** CPU milliseconds a batch aims at. @default 5 */
  readonly batchMs?: number;
  /** CPU milliseconds each task runs before anything is timed, so its code is compiled. @default 200 */
  readonly warmMs?: number;
  /**
   * A garbage collection (untimed) before each batch, for tasks that leave very different amounts
   * of garbage, whose collections would otherwise land in other tasks' batches (see
   * `collectGarbage`). @default none
   */
  readonly collect?: Collection;
}

/** Median and interquartile range of a set of values. */
export interface Spread {
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

/** The quantile `q` (0–1) of sorted values, linearly interpolated. */
function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75), n: sorted.length };
}

/**
 * A garbage collection, when it can be had (`--expose-gc`, else switched on here):
 * - `'major'`: `gc({ type: 'major' })`, a full mark-and-sweep;
 * - `'reduce'`: `gc()`, which also shrinks the heap to save memory and sweeps it at once. The code
 *   that runs after it was measured 4–8× slower (the official helper's IVR: 80 µs → 600 µs), so
 *   it suits only comparisons of one library's code with itself (the growth benchmarks), where
 *   it leaves every batch the same clean heap.
 */
type Collection = 'major' | 'reduce';
const collectGarbage: (kind: Collection) => void = (() => {
  type Gc = (options?: { type: 'major' | 'minor' }) => void;
  let gc = (globalThis as { gc?: Gc }).gc;
  if (typeof gc !== 'function') {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as Gc;
    } catch {
      // Not available: batches then start on whatever heap the previous one left.
    }
  }
  if (typeof gc !== 'function') return () => {};
  const collect = gc;
  return (kind: Collection) => (kind === 'major' ? collect({ type: 'major' }) : collect());
})();

/** CPU microseconds (user + system) the process has used. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

let sink = 0;
/** Keeps results alive, so no call can be dropped as dead code. */
function consume(result: unknown): void {
  sink = (sink + (typeof result === 'string' ? result.length : result === undefined ? 0 : 1)) | 0;
}

/** Runs `fn` `iterations` times; returns the CPU microseconds it took and the wall milliseconds. */
function batch(fn: TaskFn, iterations: number, collect?: Collection): { cpu: number; wall: number } {
  if (collect !== undefined) collectGarbage(collect);
  const wall = performance.now();
  const start = cpuMicros();
  for (let i = 0; i < iterations; i++) consume(fn());
  const cpu = cpuMicros() - start;
  return { cpu, wall: performance.now() - wall };
}

/**
 * Runs `fn` until it is warm, in batches of about 2 ms: at least `warmMs` of CPU and 5,000 calls
 * (or four times `warmMs`, for slow tasks), so that the JIT has compiled it and its heap has
 * grown to size before it is timed; returns the CPU microseconds of one call in the last batch.
 * (The IVR render settles only after a few thousand calls.)
 */
function warmUp(fn: TaskFn, warmMs: number): number {
  let iterations = 1;
  let spent = 0;
  let calls = 0;
  for (;;) {
    const { cpu } = batch(fn, iterations);
    spent += cpu;
    calls += iterations;
    if ((spent >= warmMs * 1000 && calls >= 5000) || spent >= 4 * warmMs * 1000) return Math.max(cpu, 1) / iterations;
    if (cpu < 2000) iterations *= 2;
  }
}

/** What a set of tasks measured in interleaved rounds: per task, nanoseconds per iteration per round. */
export class Rounds {
  constructor(
    /** Nanoseconds of CPU per iteration, one value per measured round, by task. */
    readonly times: ReadonlyMap<string, readonly number[]>,
    /** Iterations per batch, by task. */
    readonly iterations: ReadonlyMap<string, number>,
    /** CPU time over wall time of the measured batches (1 = the process had a core to itself). */
    readonly cpuShare: number,
  ) {}

  private of(task: string): readonly number[] {
    const values = this.times.get(task);
    if (values === undefined) throw new Error(`bench: no task named ${task}`);
    return values;
  }

  /** Median (and quartiles) of the task's time per iteration, in nanoseconds. */
  time(task: string): Spread {
    return spread(this.of(task));
  }

  /**
   * The paired ratio `a / b`: per round, a's time over b's time (each scaled by `scaleA` /
   * `scaleB`, e.g. per element), then the median and quartiles of those ratios.
   */
  ratio(a: string, b: string, scaleA = 1, scaleB = 1): Spread {
    const x = this.of(a);
    const y = this.of(b);
    return spread(x.map((value, round) => value / scaleA / (y[round] / scaleB)));
  }
}

/**
 * Measures `tasks` in interleaved rounds (see the module comment). Prints a dot per round to
 * stderr so a long run shows it is alive.
 */
export function measureRounds(tasks: Readonly<Record<string, TaskFn>>, options: RoundsOptions = {}): Rounds {
  const rounds = options.rounds ?? 30;
  const warmup = options.warmup ?? 5;
  const batchMs = options.batchMs ?? 5;
  const names = Object.keys(tasks);
  // Each task warmed up alone first; its batch is sized from what one warm call costs, then
  // re-sized after each interleaved warm-up round, and fixed for the measured rounds.
  const perCall = new Map(names.map((name) => [name, warmUp(tasks[name], options.warmMs ?? 200)]));
  const sized = (name: string) => Math.max(1, Math.round((batchMs * 1000) / perCall.get(name)!));
  const iterations = new Map(names.map((name) => [name, sized(name)]));
  const times = new Map<string, number[]>(names.map((name) => [name, []]));
  let cpuTotal = 0;
  let wallTotal = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      const count = iterations.get(name)!;
      const { cpu, wall } = batch(tasks[name], count, options.collect);
      if (round < warmup) {
        perCall.set(name, Math.max(cpu, 1) / count);
        if (round === warmup - 1) iterations.set(name, sized(name));
        continue;
      }
      times.get(name)!.push((cpu * 1000) / count);
      cpuTotal += cpu / 1000;
      wallTotal += wall;
    }
    process.stderr.write(round + 1 === warmup + rounds ? '.\n' : '.');
  }
  return new Rounds(times, iterations, wallTotal > 0 ? cpuTotal / wallTotal : NaN);
}

/**
 * CPU milliseconds of one call (a long one: hundreds of milliseconds or more), median of `runs`,
 * each on a clean heap; `prepare` runs untimed before each call and its result is passed in.
 */
export function timeOnce<T>(prepare: () => T, fn: (prepared: T) => unknown, runs = 3): Spread {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const prepared = prepare();
    collectGarbage('reduce');
    const start = cpuMicros();
    consume(fn(prepared));
    values.push((cpuMicros() - start) / 1000);
  }
  return spread(values);
}

/** `1.23 µs`, `456 ns`, `7.8 ms` from nanoseconds. */
export function formatTime(ns: number): string {
  if (!Number.isFinite(ns)) return 'n/a';
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** `3.41 µs [3.30–3.52]`: the median and the interquartile range of times in nanoseconds. */
export function formatTimeSpread(s: Spread): string {
  return `${formatTime(s.median)} [${formatTime(s.q1)}–${formatTime(s.q3)}]`;
}

/** `1.25× [1.22–1.28]`. */
export function formatRatio(s: Spread, digits = 2): string {
  return `${s.median.toFixed(digits)}× [${s.q1.toFixed(digits)}–${s.q3.toFixed(digits)}]`;
}

/** Every PASS/FAIL line printed so far, repeated in the summary at the end. */
export const verdicts: string[] = [];

/**
 * Prints and records a target's line: `PASS <target>: <measured>` (or FAIL), judged on the
 * median; `straddles` adds a note when the interquartile range lies on both sides of the limit.
 */
export function verdict(target: string, pass: boolean, measured: string, straddles = false): boolean {
  const line = `${pass ? 'PASS' : 'FAIL'}  ${target}: ${measured}${straddles ? ' (the IQR straddles the limit)' : ''}`;
  verdicts.push(line);
  console.log(`  ${line}`);
  return pass;
}

/** A PASS/FAIL line for a paired ratio that must be at most `limit` (or under it, when `strict`). */
export function ratioVerdict(target: string, ratio: Spread, limit: number, strict = false): boolean {
  const pass = strict ? ratio.median < limit : ratio.median <= limit;
  return verdict(
    target,
    pass,
    `${formatRatio(ratio)} (median [IQR] of ${ratio.n} rounds)`,
    ratio.q1 <= limit && ratio.q3 >= limit,
  );
}

/** Prints a table with padded columns (the first left-aligned, the rest right-aligned). */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(
      '  ' +
        row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '),
    );
  }
}
