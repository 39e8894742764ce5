/**
 * Renders the IVR document in a loop, for a CPU profile:
 *   npx tsx bench/profile.tsx [validated|unvalidated] [iterations]
 *   node --cpu-prof … (see BENCHMARKS.md for a bundled run)
 */
import { renderJsx } from './ivr.jsx';

const validate = process.argv[2] !== 'unvalidated';
const iterations = Number(process.argv[3] ?? 300_000);
let bytes = 0;
for (let i = 0; i < iterations; i++) bytes += renderJsx(validate).length;
console.log(`${iterations} renders, ${bytes} bytes`);
