/**
 * Issue 13, items 1 and 2, through real servers on 127.0.0.1 (node:http, Express 5, Fastify 5,
 * Hono on @hono/node-server): forged bodies over the byte limit and forms over the parameter
 * limit are answered 413 while the client is still sending (so the server neither waited for nor
 * held the rest), the handler never runs, and signed requests at the limits pass. No timing: each
 * test awaits the answer with the upload paused part-way. In-process counts of the bytes read are
 * in limits.test.ts; throughput and memory under attack in bench/http-attack.ts.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BODY_BYTES,
  expressWebhook,
  fastifyWebhook,
  honoWebhook,
  nodeWebhook,
  type WebhookOptions,
  type WebhookRejection,
} from 'twiml-jsx/http';
import { callParams, type Form, formBody, sign, TOKEN } from './support.js';

const MB = 1024 * 1024;

interface Server {
  readonly origin: string;
  readonly handled: string[];
  readonly rejected: WebhookRejection[];
  /** Resolves once every connection the server accepted so far is closed (a left-open one never). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

type Limits = Pick<WebhookOptions, 'maxBodyBytes' | 'maxParams'>;
type Start = (limits: Limits) => Promise<Server>;

function log() {
  return { handled: [] as string[], rejected: [] as WebhookRejection[] };
}

/** Records the connections of `server`; `idle()` waits for all of them to close. */
function connections(server: http.Server): () => Promise<void> {
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return async () => {
    // 'close' whatever came before it (a reset peer is an 'error' first).
    await Promise.all([...open].map((socket) => new Promise((resolve) => socket.once('close', resolve))));
  };
}

async function listening(server: http.Server, state: ReturnType<typeof log>): Promise<Server> {
  const idle = connections(server);
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    ...state,
    idle,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const startNode: Start = async (limits) => {
  const state = log();
  const verify = nodeWebhook({ authToken: TOKEN, onReject: (r) => state.rejected.push(r), ...limits });
  const server = http.createServer(async (req, res) => {
    const check = await verify(req, res);
    if (!check.valid) return;
    state.handled.push(req.url ?? '');
    res.end('ok');
  });
  server.listen(0, '127.0.0.1');
  return listening(server, state);
};

const startExpress: Start = async (limits) => {
  const state = log();
  const app = express();
  app.post(
    '/hook',
    expressWebhook({ authToken: TOKEN, onReject: (r) => state.rejected.push(r), ...limits }),
    (req, res) => {
      state.handled.push(req.url);
      res.send('ok');
    },
  );
  return listening(app.listen(0, '127.0.0.1'), state);
};

const startFastify: Start = async (limits) => {
  const state = log();
  const app = Fastify({ bodyLimit: 64 * MB });
  const idle = connections(app.server);
  await app.register(async (twilio) => {
    await twilio.register(fastifyWebhook({ authToken: TOKEN, onReject: (r) => state.rejected.push(r), ...limits }));
    twilio.post('/hook', async (request) => {
      state.handled.push(request.url);
      return 'ok';
    });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, ...state, idle, close: () => app.close() };
};

const startHono: Start = async (limits) => {
  const state = log();
  const app = new Hono();
  app.use('/hook', honoWebhook({ authToken: TOKEN, onReject: (r) => state.rejected.push(r), ...limits }));
  app.post('/hook', (c) => {
    state.handled.push(c.req.path);
    return c.text('ok');
  });
  return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server, state);
};

/** What the client saw: the answer, and how many body bytes it had sent when the answer came. */
interface Answer {
  readonly status: number;
  readonly text: string;
  readonly sentWhenAnswered: number;
}

/**
 * POSTs a body produced chunk by chunk (`chunkAt(offset)`), but sends no more than `pauseAt`
 * bytes of its `total`: then it waits for the answer with the upload unfinished. Without
 * `Content-Length` the body goes chunked. The answer must come while the client is paused; a
 * server that waited for the whole body would never answer (and the test would time out).
 */
async function upload(
  url: string,
  options: {
    readonly headers: Record<string, string>;
    readonly total: number;
    readonly pauseAt: number;
    readonly contentLength: boolean;
    readonly chunkAt?: (offset: number, length: number) => string;
    readonly chunk?: number;
  },
): Promise<Answer> {
  const { total, pauseAt, chunkAt } = options;
  const size = options.chunk ?? 16 * 1024;
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  if (options.contentLength) headers['Content-Length'] = String(total);
  const request = http.request(url, { method: 'POST', headers });
  let sent = 0;
  const answered = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      const at = sent;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text, sentWhenAnswered: at }));
      response.on('error', reject);
    });
    request.on('error', (error) => reject(error));
  });
  let done = false;
  void answered.finally(() => (done = true)).catch(() => {});
  request.flushHeaders();
  while (!done && sent < Math.min(pauseAt, total)) {
    const length = Math.min(size, total - sent);
    const chunk = chunkAt ? chunkAt(sent, length) : 'x'.repeat(length);
    sent += length;
    // Flushed to the socket, or answered (then the server stopped reading).
    await Promise.race([new Promise((resolve) => request.write(chunk, resolve)), answered.catch(() => {})]);
  }
  if (sent >= total && !done) request.end();
  try {
    return await answered;
  } finally {
    request.destroy();
  }
}

/** A form of 6-byte fields (`ff=12&…`), as text for `[offset, offset + length)`. */
const manyFields = (offset: number, length: number) => {
  const unit = 'ff=12&';
  let out = '';
  for (let i = offset; i < offset + length; i++) out += unit[i % unit.length];
  return out;
};

/** A signed form whose encoded body is exactly `length` bytes long (a padded `Body` field). */
function formOfLength(url: string, length: number): { body: string; signature: string } {
  const base = callParams({ Body: '' });
  const params: Form = { ...base, Body: 'x'.repeat(length - formBody(base).length) };
  return { body: formBody(params), signature: sign(url, params) };
}

/** A signed form of `count` parameters. */
function formOfCount(url: string, count: number): { body: string; signature: string } {
  const params: Form = {};
  for (let i = 0; i < count; i++) params[`P${i}`] = `v${i}`;
  return { body: formBody(params), signature: sign(url, params) };
}

const frameworks: readonly (readonly [string, Start])[] = [
  ['node:http', startNode],
  ['Express 5', startExpress],
  ['Fastify 5', startFastify],
  ['Hono on @hono/node-server', startHono],
];

describe.each(frameworks)('%s', (_, start) => {
  describe('with the default limits', () => {
    let server: Server;
    beforeAll(async () => void (server = await start({})));
    afterAll(() => server?.close());
    const reset = () => {
      server.handled.length = 0;
      server.rejected.length = 0;
    };

    it('the issue (item 1): a forged 50 MB body with any X-Twilio-Signature: 413 before a byte of it is sent', async () => {
      reset();
      const answer = await upload(`${server.origin}/hook`, {
        headers: { 'X-Twilio-Signature': 'forged' },
        total: 50 * MB,
        pauseAt: 0,
        contentLength: true,
      });
      expect(answer).toMatchObject({ status: 413, sentWhenAnswered: 0 });
      await server.idle(); // the refused connection is closed, not left open with its body unread
      expect(server.handled).toEqual([]);
      expect(server.rejected).toMatchObject([
        { status: 413, reason: `Content-Length ${50 * MB} is over maxBodyBytes (262144 bytes)` },
      ]);
    });

    it('the issue (item 1): the same 50 MB as a chunked upload: 413 while the client is still sending', async () => {
      reset();
      const answer = await upload(`${server.origin}/hook`, {
        headers: { 'X-Twilio-Signature': 'forged' },
        total: 50 * MB,
        pauseAt: 4 * DEFAULT_MAX_BODY_BYTES,
        contentLength: false,
      });
      expect(answer.status).toBe(413);
      expect(answer.sentWhenAnswered).toBeLessThanOrEqual(4 * DEFAULT_MAX_BODY_BYTES);
      await server.idle();
      expect(server.handled).toEqual([]);
      expect(server.rejected).toMatchObject([
        { status: 413, reason: 'the request body is longer than maxBodyBytes (262144 bytes)' },
      ]);
    });

    it('the issue (item 2): a forged 1 MB form of 150k fields: 413 after its 1,001st parameter, mid-upload', async () => {
      reset();
      const answer = await upload(`${server.origin}/hook`, {
        headers: { 'X-Twilio-Signature': 'forged' },
        total: 150_000 * 6,
        pauseAt: 64 * 1024,
        contentLength: false,
        chunkAt: manyFields,
        chunk: 4096,
      });
      expect(answer.status).toBe(413);
      await server.idle();
      expect(server.handled).toEqual([]);
      expect(server.rejected).toMatchObject([
        { status: 413, reason: 'the form has more than maxParams (1000) parameters' },
      ]);
    });

    it('a signed webhook just under the limits passes', async () => {
      reset();
      const url = `${server.origin}/hook`;
      const { body, signature } = formOfLength(url, DEFAULT_MAX_BODY_BYTES);
      const answer = await upload(url, {
        headers: { 'X-Twilio-Signature': signature },
        total: body.length,
        pauseAt: Infinity,
        contentLength: true,
        chunkAt: (offset, length) => body.slice(offset, offset + length),
      });
      expect(answer).toMatchObject({ status: 200, text: 'ok' });
      expect(server.handled).toEqual(['/hook']);
    });
  });

  describe('the kind: every limit, with and without Content-Length, at and past the limit', () => {
    const limits = { maxBodyBytes: 4096, maxParams: 50 };
    let server: Server;
    beforeAll(async () => void (server = await start(limits)));
    afterAll(() => server?.close());

    const cases = [
      ['bytes', limits.maxBodyBytes, formOfLength, 'the request body is longer than maxBodyBytes (4096 bytes)'],
      ['parameters', limits.maxParams, formOfCount, 'the form has more than maxParams (50) parameters'],
    ] as const;

    it.each(
      cases.flatMap(([kind, limit, make, reason]) =>
        [false, true].flatMap((contentLength) =>
          [limit, limit + 1].map((size) => ({ kind, size, limit, make, reason, contentLength })),
        ),
      ),
    )(
      '$size $kind (limit $limit), Content-Length: $contentLength',
      async ({ size, limit, make, reason, contentLength, kind }) => {
        server.handled.length = 0;
        server.rejected.length = 0;
        const url = `${server.origin}/hook`;
        const { body, signature } = make(url, size);
        const answer = await upload(url, {
          headers: { 'X-Twilio-Signature': signature },
          total: body.length,
          pauseAt: Infinity,
          contentLength,
          chunk: 1000,
          chunkAt: (offset, length) => body.slice(offset, offset + length),
        });
        if (size <= limit) {
          expect(answer).toMatchObject({ status: 200, text: 'ok' });
          expect(server.handled).toEqual(['/hook']);
          expect(server.rejected).toEqual([]);
        } else {
          expect(answer.status).toBe(413);
          expect(server.handled).toEqual([]);
          const expected =
            kind === 'bytes' && contentLength
              ? `Content-Length ${body.length} is over maxBodyBytes (4096 bytes)`
              : reason;
          expect(server.rejected).toMatchObject([{ status: 413, reason: expected }]);
        }
      },
    );
  });
});

describe('Express: a body parser that ran first', () => {
  it('a parsed form over maxParams is refused before it is signed; the raw body kept by a parser is measured', async () => {
    const state = log();
    const app = express();
    const verify = expressWebhook({
      authToken: TOKEN,
      onReject: (r) => state.rejected.push(r),
      maxParams: 5,
      maxBodyBytes: 100,
    });
    app.post('/parsed', express.urlencoded({ extended: false }), verify, (_req, res) => void res.send('ok'));
    app.post(
      '/raw',
      express.urlencoded({ extended: false, verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }),
      verify,
      (_req, res) => void res.send('ok'),
    );
    const server = await listening(app.listen(0, '127.0.0.1'), state);
    try {
      const post = (path: string, body: string) =>
        fetch(server.origin + path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'forged' },
          body,
        });
      expect((await post('/parsed', 'a=1&b=2&c=3&d=4&e=5&f=6')).status).toBe(413);
      expect((await post('/raw', `Body=${'x'.repeat(200)}`)).status).toBe(413);
      expect((await post('/parsed', 'a=1')).status).toBe(403);
      expect(state.rejected.map((r) => [r.status, r.reason])).toEqual([
        [413, 'the form has more than maxParams (5) parameters'],
        [413, 'the request body is longer than maxBodyBytes (100 bytes)'],
        [403, expect.stringMatching(/does not match/)],
      ]);
    } finally {
      await server.close();
    }
  });
});

describe('bodyLimit (0.1) still works as maxBodyBytes on the Node verifiers', () => {
  it('a body over bodyLimit: 413', async () => {
    const state = log();
    const verify = nodeWebhook({ authToken: TOKEN, onReject: (r) => state.rejected.push(r), bodyLimit: 1000 });
    const server = http.createServer(async (req, res) => {
      if ((await verify(req, res)).valid) res.end('ok');
    });
    server.listen(0, '127.0.0.1');
    const running = await listening(server, state);
    try {
      const url = `${running.origin}/hook`;
      const { body, signature } = formOfLength(url, 1001);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
        body,
      });
      expect(response.status).toBe(413);
      expect(state.rejected[0].reason).toBe('Content-Length 1001 is over maxBodyBytes (1000 bytes)');
    } finally {
      await running.close();
    }
  });
});
