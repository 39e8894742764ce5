/**
 * `npm run bench` (after `npm run build`): starts bench/main.tsx in a Node process set up for
 * measuring, and passes its arguments on (section names; see bench/main.tsx):
 *
 * - `--single-threaded`: V8 does all its work (garbage collection, compiling) on the main thread,
 *   so the CPU time the process uses is the whole work of the code measured, nothing hidden on or
 *   added by helper threads;
 * - `--expose-gc`: a full collection before each long single measurement (bench/harness.ts);
 * - `--min-semi-space-size=16`: the young generation at its full size (16 MB semi-spaces) from
 *   the start, as in a server that has been running for a while, and never shrunk by the forced
 *   collections of the growth benchmarks;
 * - `--no-flush-bytecode`: V8 drops the bytecode (and the compiled code) of a function that has
 *   not run during several full collections; the growth benchmarks trigger many of them, and a
 *   task's code dropped between two of its batches would make its next batch start cold. A
 *   server calls its renderer all the time, so its code is never dropped: the same steady state;
 * - twiml-jsx resolved through package.json's exports to dist/ (bench/tsconfig.dist.json: no
 *   paths), as users install it; `BENCH_SOURCE=src` measures the sources instead (no build
 *   needed; for quick loops while profiling).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const main = fileURLToPath(new URL('./main.tsx', import.meta.url));
const tsconfig = process.env.BENCH_SOURCE === 'src' ? 'tsconfig.json' : 'bench/tsconfig.dist.json';
const { status, signal } = spawnSync(
  process.execPath,
  [
    '--single-threaded',
    '--expose-gc',
    '--min-semi-space-size=16',
    '--no-flush-bytecode',
    '--import',
    'tsx',
    main,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } },
);
process.exit(status ?? (signal ? 1 : 0));
