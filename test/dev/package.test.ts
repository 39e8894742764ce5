/**
 * `twiml-jsx dev` from the packed package (`npm pack`), installed in an empty project: both
 * commands serve the page (built into the package, nothing fetched at run time) and run a call —
 * a module of the project, and a server elsewhere (--url).
 */
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExpressApp } from '../../examples/apps.js';
import type { PageEvent } from '../../src/dev/protocol.js';
import { packAndInstall, type PackedProject } from '../support/packed.js';
import { nextEvent, root, type RunningDev, startDevCli } from './support.js';

let packed: PackedProject;
let project: string;
let cli: string;
const running: RunningDev[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/dev/page/app.js'))) {
    throw new Error('dist/dev/page is missing: run `npm run build` first (`npm test` does)');
  }
  // esbuild is the CLI's optional peer dependency: the consumer's toolchain has it.
  packed = await packAndInstall({ link: ['esbuild'] });
  project = packed.project;
  cli = join(project, 'node_modules/twiml-jsx/dist/cli/index.js');
}, 180_000);

afterAll(async () => {
  for (const dev of running) await dev.stop();
  packed?.remove();
});

/** The page's three files, as a browser asks for them. */
async function page(url: string): Promise<void> {
  const html = await fetch(`${url}/`);
  expect(html.status).toBe(200);
  expect(html.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(await html.text()).toContain('<script type="module" src="/app.js"></script>');
  const js = await fetch(`${url}/app.js`);
  expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  expect((await js.text()).length).toBeGreaterThan(10_000);
  expect((await fetch(`${url}/app.css`)).status).toBe(200);
}

/** Places a call as the page does, and waits for the transcript to say `text`. */
async function call(url: string, text: string): Promise<void> {
  // Listening before the call is placed: an event sent before the stream connects is not read.
  const { event: said } = await nextEvent<PageEvent>(
    url,
    (e) => e.type === 'transcript' && e.item.entry.verb === 'Say' && e.item.entry.text === text,
  );
  const placed = await fetch(`${url}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  expect(placed.status).toBe(202);
  await said;
}

describe('twiml-jsx dev from the packed package', () => {
  it('serves a module of the project', async () => {
    writeFileSync(
      join(project, 'app.tsx'),
      "import { Response, Say } from 'twiml-jsx';\nimport { twiml } from 'twiml-jsx/http';\n\n" +
        'export default { fetch: () => twiml(<Response><Say>Hello from the package</Say></Response>) };\n',
    );
    const dev = await startDevCli(['app.tsx'], {}, { cli, cwd: project });
    running.push(dev);
    expect(dev.output()).toMatch(
      /^twiml-jsx dev: http:\/\/127\.0\.0\.1:\d+ {2}\(voice: POST \/voice, sms: POST \/sms\)\n {2}calling app\.tsx; requests signed\n/,
    );
    await page(dev.url);
    await call(dev.url, 'Hello from the package');
  }, 60_000);

  it('serves --url, a server elsewhere', async () => {
    const authToken = 'package-url-token';
    const server: Server = createExpressApp({ authToken }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const dev = await startDevCli(['--url', origin], { TWILIO_AUTH_TOKEN: authToken }, { cli, cwd: project });
      running.push(dev);
      await page(dev.url);
      await call(dev.url, 'Thanks for calling Owl & Co.');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 60_000);
});
