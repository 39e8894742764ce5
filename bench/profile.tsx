/**
 * Renders the IVR document in a loop, for a CPU profile or an instruction count:
 *   npx tsx bench/profile.tsx [contender] [with|without] [iterations]
 * contender: validated (the default), unvalidated, template, floor, official, kita, hono, preact,
 * react; `with`: the document with the warning (the default). See BENCHMARKS.md for a bundled run
 * under `node --cpu-prof`, and bench/instructions.ts for instruction counts.
 */
import './production.js';
import { input, type IvrRenderer } from './ivr-input.js';
import { unvalidated, validated } from './ivr.jsx';
import { floor } from './peers/floor.js';
import { hono } from './peers/hono.jsx';
import { kita } from './peers/kita.jsx';
import { official } from './peers/official.js';
import { preact } from './peers/preact.jsx';
import { react } from './peers/react.jsx';
import { template } from './peers/template.js';

const CONTENDERS: Record<string, IvrRenderer> = {
  validated,
  unvalidated,
  template,
  floor,
  official,
  kita,
  hono,
  preact,
  react,
};
const name = process.argv[2] ?? 'validated';
const renderer = CONTENDERS[name];
if (renderer === undefined) {
  console.error(`profile: no contender ${name}; one of ${Object.keys(CONTENDERS).join(', ')}`);
  process.exit(2);
}
const render = process.argv[3] === 'without' ? renderer.withoutWarning : renderer.withWarning;
const iterations = Number(process.argv[4] ?? 300_000);
let bytes = 0;
for (let i = 0; i < iterations; i++) bytes += render(input).length;
console.log(`${iterations} renders, ${bytes} bytes`);
