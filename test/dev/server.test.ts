/**
 * The dev server as a browser and an attacker's page see it, on a real socket: the page and its
 * event stream for loopback hosts only (no DNS rebinding), actions only from the page itself, no
 * auth token anywhere, a strict content policy.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEvent } from '../../src/dev/protocol.js';
import { type DevServer, startServer } from '../../src/dev/server.js';
import { DevSession } from '../../src/dev/session.js';

const TOKEN = 'secret-token-never-shown';
let server: DevServer;
let session: DevSession;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers (Host included), as any client could send it. */
function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        headers: init.headers,
        setHost: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          // The event stream never ends: its first event is enough.
          const data = body.indexOf('data:');
          if (
            res.headers['content-type']?.startsWith('text/event-stream') &&
            data >= 0 &&
            body.includes('\n\n', data)
          ) {
            res.destroy();
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const host = () => `127.0.0.1:${server.port}`;
const page = { html: '<!doctype html><title>page</title>', js: 'console.log(1)', css: 'body{}' };

beforeAll(async () => {
  session = new DevSession({
    config: { target: 'app.tsx', mode: 'module', voice: '/voice', sms: '/sms', from: '+1', to: '+2', signed: true },
    module: { status: 'loaded', version: 1 },
    app: () => () => new Response('<Response/>', { headers: { 'Content-Type': 'text/xml' } }),
    authToken: TOKEN,
  });
  server = await startServer({ session, port: 0, page });
});

afterAll(() => server.close());

describe('the dev server', () => {
  it('listens on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])('serves the page to Host %s, with a strict policy', async (name) => {
    const answer = await send('/', { headers: { Host: `${name}:${server.port}` } });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(page.html);
    expect(answer.headers['content-security-policy']).toMatch(
      /default-src 'none'; script-src 'self'; style-src 'self'/,
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('/app.js', { headers: { Host: host() } })).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it.each(['attacker.example:4000', `rebind.attacker.example:${4000}`, '192.168.0.2:4000', ''])(
    'refuses Host %j (DNS rebinding): page, events and actions',
    async (name) => {
      const headers = { Host: name };
      for (const answer of [
        await send('/', { headers }),
        await send('/events', { headers }),
        await send('/api/state', { headers }),
        await send('/api/call', {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: '{}',
        }),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatch(/^twiml-jsx dev answers only requests for a loopback host/);
      }
      expect(session.snapshot().call).toBeUndefined();
    },
  );

  it('refuses actions from another origin, and form posts', async () => {
    const cross = await send('/api/call', {
      method: 'POST',
      headers: { Host: host(), Origin: 'http://attacker.example', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const form = await send('/api/call', {
      method: 'POST',
      headers: { Host: host(), Origin: `http://${host()}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'from=1',
    });
    expect(form.status).toBe(415);
    const events = await send('/events', { headers: { Host: host(), Origin: 'http://attacker.example' } });
    expect(events.status).toBe(403);
    expect(session.snapshot().call).toBeUndefined();
  });

  it('streams a snapshot first, without the auth token', async () => {
    const answer = await send('/events', { headers: { Host: host() } });
    expect(answer.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const data = answer.body.split('\n').find((line) => line.startsWith('data: '))!;
    const event = JSON.parse(data.slice('data: '.length)) as PageEvent;
    expect(event.type).toBe('snapshot');
    expect(event.type === 'snapshot' && event.state.config).toMatchObject({ target: 'app.tsx', signed: true });
    expect(answer.body).not.toContain(TOKEN);
    expect((await send('/api/state', { headers: { Host: host() } })).body).not.toContain(TOKEN);
  });

  it('answers mistakes with their reason', async () => {
    const json = { Host: host(), 'Content-Type': 'application/json' };
    expect(await send('/api/key', { method: 'POST', headers: json, body: '{"key":"1"}' })).toMatchObject({
      status: 409,
      body: JSON.stringify({ error: 'no call: the caller cannot press keys' }),
    });
    expect(await send('/api/key', { method: 'POST', headers: json, body: '{"key":"x"}' })).toMatchObject({
      status: 400,
      body: JSON.stringify({ error: 'a key is one of 0-9, * and #; got "x"' }),
    });
    expect((await send('/api/key', { method: 'POST', headers: json, body: 'nope' })).status).toBe(400);
    expect((await send('/api/key', { method: 'POST', headers: json, body: '[1]' })).status).toBe(400);
    expect((await send('/api/key', { method: 'POST', headers: json, body: 'x'.repeat(70_000) })).status).toBe(413);
    expect((await send('/api/key', { headers: { Host: host() } })).status).toBe(405);
    expect((await send('/nothing', { headers: { Host: host() } })).status).toBe(404);
  });

  it('refuses a port that is taken, saying so', async () => {
    await expect(startServer({ session, port: server.port, page })).rejects.toThrow(
      `port ${server.port} on 127.0.0.1 is in use; choose another with --port`,
    );
  });
});
