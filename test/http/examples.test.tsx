/**
 * The serving examples, started the way their npm scripts start them (`tsx examples/…`), on
 * 127.0.0.1 with a random port, and called like Twilio calls them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'twiml-jsx';
import Menu, { MenuChoice } from '../../examples/ivr.jsx';
import { callParams, type Form, formBody, sign, TOKEN } from './support.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> })
  .scripts;

interface Started {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** Runs an npm script's command (`tsx <file>`) with `env` and extra arguments. */
function run(script: string, env: Record<string, string | undefined>, args: string[] = []): Started {
  const [command, ...rest] = scripts[script].split(' ');
  const child = spawn(`${root}node_modules/.bin/${command}`, [...rest, ...args], {
    cwd: root,
    env: { ...process.env, TWILIO_AUTH_TOKEN: undefined, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, output: () => output, exited };
}

/** Waits until the example has printed something matching `pattern`; fails if it exits first. */
function waitFor({ child, output }: Started, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const streams = [child.stdout!, child.stderr!];
    const done = () => {
      for (const stream of streams) stream.off('data', check);
      child.off('exit', exited);
    };
    const exited = () => {
      done();
      reject(new Error(`the example exited before printing ${pattern}:\n${output()}`));
    };
    function check() {
      const match = pattern.exec(output());
      if (match) {
        done();
        resolve(match[0]);
      } else if (child.exitCode !== null) exited();
    }
    // Registered after run()'s listeners, so output() already holds each chunk.
    for (const stream of streams) stream.on('data', check);
    child.on('exit', exited);
    check();
  });
}

/** The URL the example prints once it listens. */
const urlOf = (started: Started) => waitFor(started, /http:\/\/127\.0\.0\.1:\d+\/voice/);

async function stop(started: Started | undefined): Promise<void> {
  if (started === undefined || started.child.exitCode !== null) return;
  started.child.kill('SIGTERM');
  await started.exited;
}

const post = (url: string, params: Form, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody(params),
  });

describe.each([
  ['example:express', 'Express'],
  ['example:hono', 'Hono'],
])('npm run %s', (script, name) => {
  let server: Started;
  let voice: string;

  beforeAll(async () => {
    server = run(script, { TWILIO_AUTH_TOKEN: TOKEN });
    voice = await urlOf(server);
  });
  afterAll(() => stop(server));

  it(`prints where it listens (${name})`, () => {
    expect(server.output()).toContain(`IVR served by ${name} on ${voice}`);
  });

  it('serves the menu to a signed request', async () => {
    const url = `${voice}?retries=1`;
    const params = callParams();
    const response = await post(url, params, { 'X-Twilio-Signature': sign(url, params) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml; ?charset=utf-8$/i);
    expect(await response.text()).toBe(render(<Menu retries={1} />));
  });

  it('answers the caller’s choice', async () => {
    const url = voice.replace('/voice', '/menu/choice');
    const params = callParams({ Digits: '2' });
    const response = await post(url, params, { 'X-Twilio-Signature': sign(url, params) });
    expect(await response.text()).toBe(render(<MenuChoice digits="2" />));
  });

  it('refuses unsigned (400) and forged (403) requests', async () => {
    const params = callParams();
    expect((await post(voice, params)).status).toBe(400);
    expect((await post(voice, params, { 'X-Twilio-Signature': sign(voice, params, 'not-the-token') })).status).toBe(
      403,
    );
  });

  it('behind ngrok: the public https URL from X-Forwarded-Proto/Host verifies', async () => {
    const params = callParams();
    const headers = {
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'owl.ngrok.app',
      'X-Twilio-Signature': sign('https://owl.ngrok.app/voice', params),
    };
    expect((await post(voice, params, headers)).status).toBe(200);
  });

  it('without TWILIO_AUTH_TOKEN it says so and exits with 1', async () => {
    const started = run(script, {});
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/Set TWILIO_AUTH_TOKEN/);
  });

  it('--insecure serves unsigned requests and warns', async () => {
    const started = run(script, {}, ['--insecure']);
    try {
      const url = await urlOf(started);
      const response = await post(url.replace('/voice', '/menu/choice'), callParams({ SpeechResult: 'sales' }));
      expect(await response.text()).toBe(render(<MenuChoice speech="sales" />));
      await waitFor(started, /WARNING: --insecure: webhook signatures are NOT checked/);
    } finally {
      await stop(started);
    }
  });
});
