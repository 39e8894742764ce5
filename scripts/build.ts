/**
 * `npm run build`: dist/ from src/.
 *
 * 1. JavaScript (tsup, tsup.config.ts): one bundle per entry, ESM in dist/ and CommonJS in
 *    dist/cjs/, each entry importing the others it needs by relative path (so there is one core).
 * 2. Declarations (tsc's emit of tsconfig.build.json, scripts/declarations.ts): one `.d.ts` per
 *    module of src/, JSDoc included (every attribute's JSDoc wherever a table's type is written
 *    out, so editors show it on the installed package), in dist/, copied to dist/cjs/ where the
 *    folder's package.json makes them CommonJS ones.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDevUi } from './build-dev-ui.js';
import { emitDeclarations } from './declarations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Runs a tool installed in node_modules with this Node. */
const run = (script: string, args: string[]) =>
  execFileSync(process.execPath, [join(root, 'node_modules', script), ...args], { cwd: root, stdio: 'inherit' });

rmSync(dist, { recursive: true, force: true });
run('tsup/dist/cli-default.js', ['--silent']);
await buildDevUi(join(dist, 'dev/page')); // the dev phone's page (src/dev/ui)
emitDeclarations(root, 'tsconfig.build.json', 'src/vocabulary/index.ts');

/** Every `.d.ts` under `folder`, relative to it. */
function declarations(folder: string, prefix = ''): string[] {
  return readdirSync(join(folder, prefix)).flatMap((name) => {
    const path = join(prefix, name);
    if (path === 'cjs') return [];
    if (statSync(join(folder, path)).isDirectory()) return declarations(folder, path);
    return name.endsWith('.d.ts') ? [path] : [];
  });
}

const cjs = join(dist, 'cjs');
for (const file of declarations(dist)) {
  mkdirSync(join(cjs, file, '..'), { recursive: true });
  cpSync(join(dist, file), join(cjs, file));
}
writeFileSync(join(cjs, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');
