/**
 * The serving examples, started the way their npm scripts start them (`tsx examples/…`), on
 * 127.0.0.1 with a random port, and called like Twilio calls them: every route of every example
 * flow, with signed webhooks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, type TwiMLElement } from 'twiml-jsx';
import { routes } from '../../examples/apps.jsx';
import ConferenceLine, { JoinConference } from '../../examples/conference.jsx';
import Forward, { ForwardDone } from '../../examples/forwarding.jsx';
import Menu, { AfterCall, HoldMusic, MenuChoice } from '../../examples/ivr.jsx';
import AutoReply from '../../examples/sms-auto-reply.jsx';
import Voicemail, { VoicemailSaved } from '../../examples/voicemail.jsx';
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

/** The URLs the example prints once it listens, one a line after its heading. */
async function urlsOf(started: Started, name: string): Promise<string[]> {
  const listing = new RegExp(`Example flows served by ${name} on:\n(  http://127\\.0\\.0\\.1:\\d+/\\S*\n)+`);
  const printed = await waitFor(started, listing);
  return printed
    .split('\n')
    .slice(1, -1)
    .map((line) => line.trim());
}

/** What each route answers to a request with these parameters: the example flows, rendered here. */
const expected: [path: string, params: Form, flow: TwiMLElement][] = [
  ['/voice?retries=1', callParams(), <Menu retries={1} />],
  ['/menu/choice', callParams({ Digits: '2' }), <MenuChoice digits="2" />],
  ['/menu/after-call', callParams({ DialCallStatus: 'busy' }), <AfterCall status="busy" />],
  ['/hold-music', callParams({ QueuePosition: '1', QueueTime: '0' }), <HoldMusic />],
  ['/voicemail', callParams(), <Voicemail name="Owl & Co" />],
  [
    '/voicemail/saved',
    callParams({ RecordingUrl: 'https://api.twilio.com/recording', RecordingDuration: '12', Digits: '#' }),
    <VoicemailSaved duration={12} />,
  ],
  ['/forward', callParams(), <Forward />],
  ['/forward/done', callParams({ DialCallStatus: 'no-answer' }), <ForwardDone status="no-answer" />],
  ['/conference', callParams(), <ConferenceLine />],
  ['/conference/join', callParams({ Digits: '1234' }), <JoinConference pin="1234" />],
  [
    '/sms',
    { MessageSid: 'SM0123456789abcdef0123456789abcdef', From: '+15555550123', To: '+15555550100', Body: 'hours' },
    <AutoReply body="hours" from="+15555550123" />,
  ],
];

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

it('the expectations cover every route of examples/apps.tsx', () => {
  expect(expected.map(([path]) => path.split('?')[0])).toEqual(Object.keys(routes));
});

describe.each([
  ['example:express', 'Express'],
  ['example:hono', 'Hono'],
])('npm run %s', (script, name) => {
  let server: Started;
  let urls: string[];
  /** Where the example listens: `http://127.0.0.1:<port>`. */
  let origin: string;

  beforeAll(async () => {
    server = run(script, { TWILIO_AUTH_TOKEN: TOKEN });
    urls = await urlsOf(server, name);
    origin = new URL(urls[0]).origin;
  });
  afterAll(() => stop(server));

  it(`prints the URL of every route it serves (${name})`, () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(urls).toEqual(Object.keys(routes).map((path) => origin + path));
  });

  it.each(expected)('serves %s to a signed request', async (path, params, flow) => {
    const url = origin + path;
    const response = await post(url, params, { 'X-Twilio-Signature': sign(url, params) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/xml; ?charset=utf-8$/i);
    expect(await response.text()).toBe(render(flow));
  });

  it('serves a signed GET (method="GET"), the parameters in the query string', async () => {
    const url = `${origin}/forward/done?${formBody(callParams({ DialCallStatus: 'busy' }))}`;
    const response = await fetch(url, { headers: { 'X-Twilio-Signature': sign(url) } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(render(<ForwardDone status="busy" />));
  });

  it('refuses unsigned (400) and forged (403) requests, on every route', async () => {
    for (const [path, params] of expected) {
      const url = origin + path;
      expect((await post(url, params)).status, path).toBe(400);
      expect((await post(url, params, { 'X-Twilio-Signature': sign(url, params, 'not-the-token') })).status, path).toBe(
        403,
      );
    }
  });

  it('behind ngrok: the public https URL from X-Forwarded-Proto/Host verifies', async () => {
    const params = callParams();
    const headers = {
      'X-Forwarded-Proto': 'https',
      'X-Forwarded-Host': 'owl.ngrok.app',
      'X-Twilio-Signature': sign('https://owl.ngrok.app/voice', params),
    };
    expect((await post(`${origin}/voice`, params, headers)).status).toBe(200);
  });

  it('without TWILIO_AUTH_TOKEN it says so and exits with 1', async () => {
    const started = run(script, {});
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/Set TWILIO_AUTH_TOKEN/);
  });

  it('--insecure serves unsigned requests and warns', async () => {
    const started = run(script, {}, ['--insecure']);
    try {
      const choice = (await urlsOf(started, name)).find((url) => url.endsWith('/menu/choice'))!;
      const response = await post(choice, callParams({ SpeechResult: 'sales' }));
      expect(await response.text()).toBe(render(<MenuChoice speech="sales" />));
      await waitFor(started, /WARNING: --insecure: webhook signatures are NOT checked/);
    } finally {
      await stop(started);
    }
  });
});
