/**
 * What loading a package costs, in fresh Node processes: CPU milliseconds (user + system, every
 * thread of the process) and wall milliseconds from just before the `import()`/`require()` to
 * just after, so Node's own start-up is not counted.
 *
 * - `import(), cold`: the first module the process loads, so it includes starting Node's ESM
 *   loader (about 4 ms of it).
 * - `import(), warm loader` and `require()`: an empty module is loaded first, as in an application
 *   that is already running, so the time is the package's own.
 *
 * Each round starts one process per (package, way) pair, in an order that rotates from round to
 * round; ratios are worked out per round (see bench/harness.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spread, type Spread } from './harness.js';

export type LoadWay = 'import(), cold' | 'import(), warm loader' | 'require()';
export const LOAD_WAYS: readonly LoadWay[] = ['import(), cold', 'import(), warm loader', 'require()'];

const EMPTY_MODULE = fileURLToPath(new URL('./empty.cjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function script(specifier: string, way: LoadWay): string[] {
  const esm = way !== 'require()';
  const name = JSON.stringify(specifier);
  const warm =
    way === 'import(), warm loader'
      ? `await import(${JSON.stringify(EMPTY_MODULE)});`
      : way === 'require()'
        ? `require(${JSON.stringify(EMPTY_MODULE)});`
        : '';
  const load = esm ? `await import(${name})` : `require(${name})`;
  const code =
    `${warm} const c = process.cpuUsage(); const t = performance.now(); ${load};` +
    ` const u = process.cpuUsage(c); console.log(JSON.stringify({ cpu: (u.user + u.system) / 1000, wall: performance.now() - t }));`;
  return esm ? ['--input-type=module', '-e', code] : ['-e', code];
}

export interface LoadCost {
  /** CPU milliseconds per round, by `${specifier} ${way}`. */
  readonly cpu: ReadonlyMap<string, number[]>;
  /** Wall milliseconds per round, by `${specifier} ${way}`. */
  readonly wall: ReadonlyMap<string, number[]>;
}

export const loadKey = (specifier: string, way: LoadWay) => `${specifier} ${way}`;

/** Loads each specifier each way once per round, `rounds` times (run from the repository root, as a user's app would). */
export function measureLoadCost(specifiers: readonly string[], rounds = 11): LoadCost {
  const runs = specifiers.flatMap((specifier) => LOAD_WAYS.map((way) => ({ specifier, way })));
  const cpu = new Map(runs.map(({ specifier, way }) => [loadKey(specifier, way), [] as number[]]));
  const wall = new Map(runs.map(({ specifier, way }) => [loadKey(specifier, way), [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < runs.length; k++) {
      const { specifier, way } = runs[(round + k) % runs.length];
      const out = execFileSync(process.execPath, script(specifier, way), {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      const measured = JSON.parse(out.trim().split('\n').pop()!) as { cpu: number; wall: number };
      cpu.get(loadKey(specifier, way))!.push(measured.cpu);
      wall.get(loadKey(specifier, way))!.push(measured.wall);
    }
    process.stderr.write(round + 1 === rounds ? '.\n' : '.');
  }
  return { cpu, wall };
}

/** The paired ratio of two loads' CPU time (per round, then the median). */
export function loadRatio(cost: LoadCost, a: string, b: string): Spread {
  const x = cost.cpu.get(a)!;
  const y = cost.cpu.get(b)!;
  return spread(x.map((value, round) => value / y[round]));
}
