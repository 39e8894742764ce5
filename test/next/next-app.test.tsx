/**
 * Issue 12 item 3, Next.js for real: test/fixtures/next-app (an App Router app with the routes
 * docs/http.md shows) is copied to a temporary folder, its pinned dependencies installed with
 * `npm ci` and the packed twiml-jsx with `npm install --no-save <tarball>` (npm ci would take a
 * same-named tarball from its cache), built with `next build` WITHOUT `TWILIO_AUTH_TOKEN`, and
 * served with `next start -H 127.0.0.1` on a free port. Requests go through node:http, so the
 * request-target and the `Host` header are exactly what Twilio (or ngrok, or a proxy) sends.
 *
 * Next hands route handlers `http://localhost:<port>/…` as `request.url` whatever host the
 * client called; the verifier takes the host from the `Host` header. Needs dist/ (run it as
 * `npm run build && npx vitest run test/next`). Slow: npm ci 15–60 s, next build 15–90 s.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, Response } from 'twiml-jsx';
import { Menu, MenuChoice } from '../fixtures/next-app/flows/menu.jsx';
import { callParams, type Form, formBody, sign, TOKEN } from '../http/support.js';
import { pack, root, run } from '../support/packed.js';

const FIXTURE = join(root, 'test/fixtures/next-app');
const MINUTE = 60_000;

/** The environment of npm and Next: no auth token, no test NODE_ENV, no telemetry. */
function nextEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.NODE_ENV;
  if (!('TWILIO_AUTH_TOKEN' in extra)) delete env.TWILIO_AUTH_TOKEN;
  return env;
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

interface Server {
  readonly port: number;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * `next start -H 127.0.0.1 -p <free port>` in `project`; resolves once Next says it is ready. A
 * port taken between `freePort()` and Next's listen (EADDRINUSE) is replaced by another.
 */
async function nextStart(project: string, env: NodeJS.ProcessEnv, attempts = 3): Promise<Server> {
  try {
    return await startOn(await freePort(), project, env);
  } catch (error) {
    if (attempts > 1 && String(error).includes('EADDRINUSE')) return nextStart(project, env, attempts - 1);
    throw error;
  }
}

async function startOn(port: number, project: string, env: NodeJS.ProcessEnv): Promise<Server> {
  const bin = join(project, 'node_modules/next/dist/bin/next');
  // Its own process group, so that stop() ends Next and whatever it started, and nothing else.
  const child: ChildProcess = spawn(process.execPath, [bin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: project,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ready in/.test(output)) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then(() => reject(new Error(`next start exited before it was ready:\n${output}`)));
  });
  return {
    port,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    },
  };
}

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** One request through node:http: the target as given (a raw ' stays raw), any Host header. */
async function request(
  port: number,
  method: 'GET' | 'POST',
  target: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const req = http.request({ host: '127.0.0.1', port, method, path: target, headers });
  req.end(body);
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  let text = '';
  for await (const chunk of res) text += chunk;
  return { status: res.statusCode!, type: res.headers['content-type'] ?? '', headers: res.headers, body: text };
}

/** A form POST as Twilio makes it: signed for `signedUrl` with `signedParams`, through `host`. */
function post(
  port: number,
  target: string,
  o: { signedUrl: string; host?: string; signedParams?: Form; params?: Form; headers?: Record<string, string> },
) {
  const params = o.params ?? callParams();
  return request(
    port,
    'POST',
    target,
    {
      Host: o.host ?? `127.0.0.1:${port}`,
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': sign(o.signedUrl, o.signedParams ?? params),
      ...o.headers,
    },
    formBody(params),
  );
}

const timings: Record<string, number> = {};
async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await step();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

let project: string;
let remove = () => {};
let built: { code: number; stdout: string; stderr: string };
const servers: Server[] = [];

beforeAll(async () => {
  const packed = await timed('npm pack', () => pack());
  remove = packed.remove;
  project = join(packed.work, 'next-app');
  cpSync(FIXTURE, project, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|\.next|next-env\.d\.ts)$/.test(source),
  });
  const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'];
  const ci = await timed('npm ci', () => run('npm', ['ci', ...flags], project));
  expect(ci.stderr).not.toMatch(/ERR!/);
  expect(ci.code).toBe(0);
  const installed = await timed('npm install <tarball>', () =>
    run('npm', ['install', '--no-save', ...flags, packed.tarball], project),
  );
  expect(installed.code).toBe(0);
}, 10 * MINUTE);

afterAll(async () => {
  for (const server of servers) await server.stop();
  remove();
  console.log(`Next.js fixture timings (ms): ${JSON.stringify(timings)}`);
});

describe('next build', () => {
  it(
    'builds the app without TWILIO_AUTH_TOKEN (verifiers read it at the first request)',
    async () => {
      const bin = join(project, 'node_modules/next/dist/bin/next');
      built = await timed('next build', () => run(process.execPath, [bin, 'build'], project, { env: nextEnv() }));
      expect(built.stdout + built.stderr).not.toMatch(/TWILIO_AUTH_TOKEN|Failed to collect/);
      expect(built.code).toBe(0);
      for (const route of ['/voice', '/menu/choice', '/status', '/behind-proxy/voice', '/pinned/voice']) {
        expect(built.stdout).toMatch(new RegExp(`ƒ ${route.replace(/\//g, '\\/')}\\b`));
      }
    },
    15 * MINUTE,
  );
});

describe('next start, with TWILIO_AUTH_TOKEN', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    expect(built?.code).toBe(0);
    server = await timed('next start → ready', () => nextStart(project, nextEnv({ TWILIO_AUTH_TOKEN: TOKEN })));
    servers.push(server);
    origin = `http://127.0.0.1:${server.port}`;
  }, 2 * MINUTE);

  it('a signed POST /voice: 200 text/xml, the flow rendered', async () => {
    const answer = await timed('first signed POST', () =>
      post(server.port, '/voice', { signedUrl: `${origin}/voice` }),
    );
    expect(answer).toMatchObject({ status: 200, type: 'text/xml; charset=utf-8', body: render(<Menu />) });
  });

  it('a signed POST /menu/choice: the typed parameters reach the flow', async () => {
    const params = callParams({ Digits: '1' });
    const answer = await post(server.port, '/menu/choice', { signedUrl: `${origin}/menu/choice`, params });
    expect(answer).toMatchObject({ status: 200, type: 'text/xml; charset=utf-8' });
    expect(answer.body).toBe(render(<MenuChoice digits="1" />));
  });

  it("a signed GET status callback with Twilio's FromCity=TREZZO+SULL'ADDA (issue 13 item 3)", async () => {
    const target = "/status?CallSid=CA0123&CallStatus=completed&FromCity=TREZZO+SULL'ADDA&To=%2B15555550111";
    const get = (signedTarget: string) =>
      request(server.port, 'GET', target, {
        Host: `127.0.0.1:${server.port}`,
        'X-Twilio-Signature': sign(origin + signedTarget),
      });
    const answer = await get(target);
    expect(answer).toMatchObject({ status: 200, type: 'text/xml; charset=utf-8', body: render(<Response />) });
    expect(answer.headers['x-call']).toBe("CA0123 completed TREZZO SULL'ADDA");
    expect((await get(target.replace('%2B15555550111', '%2B15555550112'))).status).toBe(403);
  });

  it('forged requests: 403 (another parameter, another URL, another token, the URL Next names), 400 unsigned', async () => {
    const signedUrl = `${origin}/voice`;
    const forged = [
      await post(server.port, '/voice', { signedUrl, signedParams: callParams({ Digits: '2' }) }),
      await post(server.port, '/voice', { signedUrl: `${origin}/voice?retries=1` }),
      await post(server.port, '/menu/choice', { signedUrl }),
      // What Next puts in request.url: not the URL the client called.
      await post(server.port, '/voice', { signedUrl: `http://localhost:${server.port}/voice` }),
    ];
    expect(forged.map((a) => a.status)).toEqual([403, 403, 403, 403]);
    expect(forged.every((a) => a.body === 'Forbidden: the request is not signed by Twilio')).toBe(true);
    const otherToken = await request(
      server.port,
      'POST',
      '/voice',
      {
        Host: `127.0.0.1:${server.port}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': sign(signedUrl, callParams(), 'another-token'),
      },
      formBody(callParams()),
    );
    expect(otherToken.status).toBe(403);
    const unsigned = await request(
      server.port,
      'POST',
      '/voice',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      formBody(callParams()),
    );
    expect(unsigned.status).toBe(400);
  });

  it('through ngrok (public Host kept, X-Forwarded-Proto: https): the default verifies the https URL', async () => {
    const ngrok = {
      host: 'owl.ngrok.app',
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' },
    };
    expect((await post(server.port, '/voice', { ...ngrok, signedUrl: 'https://owl.ngrok.app/voice' })).status).toBe(
      200,
    );
    expect((await post(server.port, '/voice', { ...ngrok, signedUrl: 'http://owl.ngrok.app/voice' })).status).toBe(403);
  });

  it('a proxy that rewrites Host and sets X-Forwarded-Host/-Proto: trustProxy verifies, the default cannot', async () => {
    const proxied = {
      host: `127.0.0.1:${server.port}`,
      signedUrl: 'https://voice.example.com/behind-proxy/voice',
      headers: { 'X-Forwarded-Host': 'voice.example.com', 'X-Forwarded-Proto': 'https' },
    };
    expect((await post(server.port, '/behind-proxy/voice', proxied)).status).toBe(200);
    const defaultRoute = { ...proxied, signedUrl: 'https://voice.example.com/voice' };
    expect((await post(server.port, '/voice', defaultRoute)).status).toBe(403);
  });

  it('baseUrl pins the origin: its signatures pass whatever the Host, others do not', async () => {
    const target = '/pinned/voice';
    const pinned = 'https://voice.example.com/pinned/voice';
    expect((await post(server.port, target, { signedUrl: pinned })).status).toBe(200);
    expect((await post(server.port, target, { signedUrl: pinned, host: 'other.example.com' })).status).toBe(200);
    expect((await post(server.port, target, { signedUrl: `${origin}${target}` })).status).toBe(403);
  });
});

describe('next start, without TWILIO_AUTH_TOKEN', () => {
  it(
    'answers 500 and logs the missing TWILIO_AUTH_TOKEN once',
    async () => {
      const server = await nextStart(project, nextEnv());
      servers.push(server);
      const signedUrl = `http://127.0.0.1:${server.port}/voice`;
      for (let i = 0; i < 3; i++) {
        const answer = await post(server.port, '/voice', { signedUrl });
        expect(answer).toMatchObject({
          status: 500,
          body: 'Internal Server Error: the webhook cannot be verified (see the server log)',
        });
      }
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line.includes('TWILIO_AUTH_TOKEN'));
      expect(lines).toEqual([
        expect.stringContaining(
          'twiml-jsx/http: webhookVerifier() has no Twilio auth token to verify webhook signatures with: set the TWILIO_AUTH_TOKEN environment variable or pass { authToken }',
        ),
      ]);
      expect(server.output()).not.toContain(TOKEN);
      await server.stop();
    },
    2 * MINUTE,
  );
});

describe('docs/http.md, Next.js section', () => {
  const docs = readFileSync(join(root, 'docs/http.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Next.js'), docs.indexOf('\n## ', docs.indexOf('## Next.js') + 1));
  const blocks = [...section.matchAll(/```tsx?\n([\s\S]*?)```/g)].map((m) => m[1]);

  it('every file shown is the fixture file the test builds and serves, character for character', () => {
    const files = blocks.filter((b) => /^\/\/ [\w/.-]+\.tsx?\n/.test(b));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const block of files) {
      const path = /^\/\/ ([\w/.-]+\.tsx?)/.exec(block)![1];
      expect(block, path).toBe(readFileSync(join(FIXTURE, path), 'utf8'));
    }
  });

  it('every verifier setting shown is one a fixture route runs', () => {
    const routes = ['voice', 'behind-proxy/voice', 'pinned/voice'].map((r) =>
      readFileSync(join(FIXTURE, `app/${r}/route.tsx`), 'utf8'),
    );
    const settings = [...section.matchAll(/webhookVerifier\((?:\{[^}]*\})?\)/g)].map((m) => m[0]);
    expect(new Set(settings)).toEqual(
      new Set([
        'webhookVerifier()',
        'webhookVerifier({ trustProxy: true })',
        "webhookVerifier({ baseUrl: 'https://voice.example.com' })",
      ]),
    );
    for (const call of settings)
      expect(
        routes.some((file) => file.includes(`const verify = ${call};`)),
        call,
      ).toBe(true);
  });
});
