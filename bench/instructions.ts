/**
 * Instructions per IVR render, counted by valgrind (callgrind): a figure that does not depend on
 * how busy the machine is, for comparing contenders when CPU times are too noisy. Not part of
 * `npm run bench` (each count takes a minute or more); needs `valgrind` and a build.
 *
 *   npx tsx bench/instructions.ts [contender[:with|:without] …]
 *   e.g. npx tsx bench/instructions.ts validated:with unvalidated:with floor:with kita:with
 *
 * Each contender runs bench/profile.tsx twice under callgrind, with `SMALL` and `LARGE` renders;
 * the difference of the two totals over the difference of renders is the cost of one render, with
 * Node's start-up, module loading and most compiling cancelled out. Node runs with the JIT (as in
 * production) and `--single-threaded` (garbage collection counted on the main thread).
 * `BENCH_SOURCE=src` counts the sources instead of dist/.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SMALL = Number(process.env.BENCH_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 30_000);
const root = fileURLToPath(new URL('..', import.meta.url));
const profile = fileURLToPath(new URL('./profile.tsx', import.meta.url));
const tsconfig = process.env.BENCH_SOURCE === 'src' ? 'tsconfig.json' : 'bench/tsconfig.dist.json';

function instructions(contender: string, variant: string, renders: number): number {
  const run = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--callgrind-out-file=/dev/null',
      process.execPath,
      '--single-threaded',
      '--import',
      'tsx',
      profile,
      contender,
      variant,
      String(renders),
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig } },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(run.stderr ?? '');
  if (run.status !== 0 || refs === null) {
    throw new Error(`instructions: valgrind failed for ${contender} ${variant}: ${(run.stderr ?? '').slice(-500)}`);
  }
  return Number(refs[1].replace(/,/g, ''));
}

const asked = process.argv.slice(2);
const contenders = asked.length > 0 ? asked : ['validated:with', 'unvalidated:with', 'floor:with', 'kita:with'];
const perRender = new Map<string, number>();
for (const spec of contenders) {
  const [contender, variant = 'with'] = spec.split(':');
  const small = instructions(contender, variant, SMALL);
  const large = instructions(contender, variant, LARGE);
  const per = (large - small) / (LARGE - SMALL);
  perRender.set(spec, per);
  console.log(`${spec.padEnd(20)} ${Math.round(per).toLocaleString('en-US').padStart(10)} instructions per render`);
}
const [first] = perRender.values();
console.log(`\nRelative to ${contenders[0]}:`);
for (const [spec, per] of perRender) console.log(`  ${spec.padEnd(20)} ${(per / first).toFixed(2)}×`);
