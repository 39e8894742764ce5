/**
 * The module under test: compiled like `render` compiles flows, served whatever it exports (Fetch
 * handler, { fetch }, Express), reloaded when any of its source files changes, and kept serving
 * when an edit breaks it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModuleState } from '../../src/dev/protocol.js';
import { type ModuleTarget, moduleTarget } from '../../src/dev/target.js';

let dir: string;
let target: ModuleTarget | undefined;
const modules: ModuleState[] = [];
let waiters: ((m: ModuleState) => void)[] = [];
/** The next (re)load's outcome. */
const nextLoad = () => new Promise<ModuleState>((resolve) => waiters.push(resolve));
const onModule = (m: ModuleState) => {
  modules.push(m);
  const pending = waiters;
  waiters = [];
  pending.forEach((w) => w(m));
};

/** What the served app answers to GET /. */
async function answer(t: ModuleTarget): Promise<string> {
  const app = t.app();
  const response =
    typeof app === 'function' ? await app(new Request('https://example.com/')) : await fetch(`${String(app)}/`);
  return response.text();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twiml-jsx-dev-module-'));
  modules.length = 0;
});

afterEach(async () => {
  await target?.close();
  target = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('the module under test', () => {
  it('reloads when a file it imports changes', async () => {
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'hello v1';\n");
    writeFileSync(
      join(dir, 'app.ts'),
      "import { greeting } from './greeting';\nexport default (request: Request) => new Response(greeting);\n",
    );
    target = await moduleTarget(join(dir, 'app.ts'), { onModule });
    expect(modules).toMatchObject([{ status: 'loaded', version: 1 }]);
    expect(await answer(target)).toBe('hello v1');

    const reloaded = nextLoad();
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'hello v2';\n");
    expect(await reloaded).toMatchObject({ status: 'loaded', version: 2 });
    expect(await answer(target)).toBe('hello v2');
  });

  it('a broken edit keeps the previous module serving, with the error; fixing it reloads', async () => {
    writeFileSync(join(dir, 'app.ts'), "export default { fetch: () => new Response('good') };\n");
    target = await moduleTarget(join(dir, 'app.ts'), { onModule });

    const broken = nextLoad();
    writeFileSync(join(dir, 'app.ts'), "export default { fetch: () => new Response('bad' };\n");
    const failure = await broken;
    expect(failure).toMatchObject({ status: 'error', version: 1 });
    expect(failure.error).toMatch(/app\.ts:1:\d+: Expected "\)" but found "}"/);
    expect(await answer(target)).toBe('good');

    const fixed = nextLoad();
    writeFileSync(join(dir, 'app.ts'), "export default { fetch: () => new Response('fixed') };\n");
    expect(await fixed).toMatchObject({ status: 'loaded', version: 2 });
    expect(await answer(target)).toBe('fixed');
  });

  it('a module that does not compile at first answers 503 with the error, until fixed', async () => {
    writeFileSync(join(dir, 'app.ts'), 'export default (;\n');
    target = await moduleTarget(join(dir, 'app.ts'), { onModule });
    expect(target.module.status).toBe('error');
    expect(await answer(target)).toMatch(/^twiml-jsx dev: .*app\.ts did not load:\n.*app\.ts:1:\d+/s);
    const fixed = nextLoad();
    writeFileSync(join(dir, 'app.ts'), "export default () => new Response('ok');\n");
    expect(await fixed).toMatchObject({ status: 'loaded', version: 1 });
    expect(await answer(target)).toBe('ok');
  });

  it('an Express app is served on 127.0.0.1 and keeps its port across reloads', async () => {
    const express = (text: string) =>
      `import express from 'express';\nconst app = express();\napp.get('/', (_req, res) => { res.send('${text}'); });\nexport const server = app;\n`;
    // Packages resolve from the module's folder, as in a project: use the repository's.
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
    const local = mkdtempSync(join(process.cwd(), '.tmp', 'dev-module-'));
    try {
      writeFileSync(join(local, 'app.ts'), express('express v1'));
      target = await moduleTarget(join(local, 'app.ts'), { exportName: 'server', onModule });
      const url = target.app();
      expect(String(url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await answer(target)).toBe('express v1');
      const reloaded = nextLoad();
      writeFileSync(join(local, 'app.ts'), express('express v2'));
      await reloaded;
      expect(target.app()).toBe(url);
      expect(await answer(target)).toBe('express v2');
    } finally {
      await target?.close();
      target = undefined;
      rmSync(local, { recursive: true, force: true });
    }
  });

  // A new user's trial: `dev flows/menu.tsx` on a flow component failed with "the handler returned
  // a Promise of a <Response> element".
  it.each([
    ['default', 'export default function Menu() {', 'the default export of'],
    ['Menu', 'export const Menu = () => {', 'the export Menu of'],
  ])('a flow component (export %s) is named as one, with how to serve it', async (exportName, head, which) => {
    mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
    const local = mkdtempSync(join(process.cwd(), '.tmp', 'dev-module-'));
    try {
      const file = join(local, 'menu.tsx');
      writeFileSync(
        file,
        `import { Response, Say } from 'twiml-jsx';\n${head}\n  return <Response><Say>Hi</Say></Response>;\n}\n`,
      );
      target = await moduleTarget(file, { exportName, onModule });
      expect(target.module.status).toBe('loaded');
      const app = target.app();
      if (typeof app !== 'function') throw new Error('expected a Fetch handler');
      await expect(app(new Request('https://example.com/voice'))).rejects.toThrow(
        `${which} ${file} returned a <Response> element: it is a flow component (what twiml-jsx render takes), ` +
          'and twiml-jsx dev calls a web handler. Serve the flow from one, e.g. export default ' +
          "{ fetch: () => twiml(<Menu />) } with twiml from 'twiml-jsx/http', one route per document",
      );
    } finally {
      await target?.close();
      target = undefined;
      rmSync(local, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'no such export',
      "export const other = () => new Response('x');\n",
      'default',
      /has no default export \(it exports: other; choose one with --export <name>\)/,
    ],
    ['an export that is not an app', 'export const port = 3000;\n', 'port', /the export port of .* is number 3000/],
    [
      'an import that throws',
      "throw new Error('boom at start');\n",
      'default',
      /importing .*app\.ts failed: Error: boom at start/,
    ],
  ])('%s: a load error that says so', async (_, source, exportName, message) => {
    writeFileSync(join(dir, 'app.ts'), source);
    target = await moduleTarget(join(dir, 'app.ts'), { exportName, onModule });
    expect(target.module.status).toBe('error');
    expect(target.module.error).toMatch(message);
  });
});
