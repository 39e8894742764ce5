/**
 * Real servers on 127.0.0.1 (Express 5, Fastify 5, Hono on @hono/node-server, bare node:http),
 * each serving the IVR example behind signature verification, driven with global `fetch` and
 * signatures made by the official helper.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, type TwiMLElement } from 'twiml-jsx';
import {
  type ExpressRequestLike,
  expressTwiML,
  expressWebhook,
  fastifyTwiML,
  fastifyWebhook,
  type GatherCallback,
  honoWebhook,
  nodeWebhook,
  readWebhook,
  sendTwiML,
  twiml,
  type WebhookOptions,
  type WebhookRejection,
} from 'twiml-jsx/http';
import Menu, { MenuChoice } from '../../examples/ivr.jsx';
import { apology, bodyHash, broken, callParams, type Form, formBody, sign, TOKEN } from './support.js';

/** What a server did: the handlers that ran, the rejections, the render errors. */
interface Log {
  readonly handled: string[];
  readonly rejected: WebhookRejection[];
  readonly errors: unknown[];
}

interface Running {
  readonly origin: string;
  close(): Promise<void>;
}

type Start = (options: Pick<WebhookOptions, 'authToken' | 'trustProxy' | 'onReject'>, log: Log) => Promise<Running>;

const gatherDocument = (p: { Digits?: unknown; SpeechResult?: unknown }) => (
  <MenuChoice
    digits={typeof p.Digits === 'string' ? p.Digits : undefined}
    speech={typeof p.SpeechResult === 'string' ? p.SpeechResult : undefined}
  />
);
const retriesOf = (value: unknown) => Number(typeof value === 'string' ? value : 0);

async function closeServer(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

async function listening(server: http.Server): Promise<Running> {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}

const startExpress: Start = async (options, log) => {
  const app = express();
  const verify = expressWebhook({ ...options, maxBodyBytes: 4096 });
  const fail = { onError: (e: unknown) => log.errors.push(e) };
  /** Serves `build`'s document, noting that the handler ran. */
  const logged = (path: string, build: (req: ExpressRequestLike) => TwiMLElement) =>
    expressTwiML((req: ExpressRequestLike) => {
      log.handled.push(path);
      return build(req);
    });
  app.post(
    '/voice',
    verify,
    logged('/voice', (req) => <Menu retries={retriesOf(req.query.retries)} />),
  );
  app.post(
    '/menu/choice',
    verify,
    logged('/menu/choice', (req) => gatherDocument(req.body as GatherCallback)),
  );
  // A body parser before the middleware: the parsed form is used.
  const parsed = express.urlencoded({ extended: false });
  app.post(
    '/parsed/menu/choice',
    parsed,
    verify,
    logged('/parsed/menu/choice', (req) => gatherDocument(req.body as GatherCallback)),
  );
  app.get(
    '/voice-get',
    verify,
    logged('/voice-get', (req) => gatherDocument(req.query)),
  );
  app.post('/events', verify, (req, res) => {
    log.handled.push('/events');
    res.json(req.body);
  });
  app.post(
    '/broken',
    expressTwiML(() => broken, fail),
  );
  app.post(
    '/broken-fallback',
    expressTwiML(() => broken, { ...fail, fallback: apology }),
  );
  return listening(app.listen(0, '127.0.0.1'));
};

const startFastify: Start = async (options, log) => {
  const app = Fastify();
  const fail = { onError: (e: unknown) => log.errors.push(e) };
  await app.register(async (twilio) => {
    await twilio.register(fastifyWebhook({ ...options, maxBodyBytes: 4096 }));
    twilio.post<{ Querystring: { retries?: string } }>(
      '/voice',
      fastifyTwiML((request) => {
        log.handled.push('/voice');
        return <Menu retries={retriesOf(request.query.retries)} />;
      }),
    );
    twilio.post<{ Body: GatherCallback }>(
      '/menu/choice',
      fastifyTwiML((request) => {
        log.handled.push('/menu/choice');
        return gatherDocument(request.body);
      }),
    );
    twilio.get<{ Querystring: GatherCallback }>(
      '/voice-get',
      fastifyTwiML((request) => {
        log.handled.push('/voice-get');
        return gatherDocument(request.query);
      }),
    );
    twilio.post('/events', async (request) => {
      log.handled.push('/events');
      return request.body;
    });
  });
  app.post(
    '/broken',
    fastifyTwiML(() => broken, fail),
  );
  app.post(
    '/broken-fallback',
    fastifyTwiML(() => broken, { ...fail, fallback: apology }),
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => app.close() };
};

const startHono: Start = async (options, log) => {
  const app = new Hono();
  const verify = honoWebhook(options);
  const fail = { onError: (e: unknown) => log.errors.push(e) };
  app.post('/voice', verify, (c) => {
    log.handled.push('/voice');
    return twiml(<Menu retries={retriesOf(c.req.query('retries'))} />);
  });
  app.post('/menu/choice', verify, async (c) => {
    log.handled.push('/menu/choice');
    return twiml(gatherDocument(await readWebhook<GatherCallback>(c.req.raw)));
  });
  app.get('/voice-get', verify, async (c) => {
    log.handled.push('/voice-get');
    return twiml(gatherDocument(c.req.query()));
  });
  app.post('/events', verify, async (c) => {
    log.handled.push('/events');
    return c.json(await c.req.json());
  });
  app.post('/broken', () => twiml(broken, fail));
  app.post('/broken-fallback', () => twiml(broken, { ...fail, fallback: apology }));
  return listening(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server);
};

const startNode: Start = async (options, log) => {
  const verify = nodeWebhook({ ...options, maxBodyBytes: 4096 });
  const fail = { onError: (e: unknown) => log.errors.push(e) };
  const server = http.createServer(async (req, res) => {
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/broken') return sendTwiML(res, broken, fail);
    if (pathname === '/broken-fallback') return sendTwiML(res, broken, { ...fail, fallback: apology });
    const check = await verify<GatherCallback>(req, res);
    if (!check.valid) return;
    log.handled.push(pathname);
    if (pathname === '/events') {
      res.setHeader('Content-Type', 'application/json');
      return res.end(JSON.stringify(check.params));
    }
    const document: TwiMLElement =
      pathname === '/voice' ? (
        <Menu retries={retriesOf(searchParams.get('retries') ?? undefined)} />
      ) : (
        gatherDocument(check.params)
      );
    sendTwiML(res, document);
  });
  server.listen(0, '127.0.0.1');
  return listening(server);
};

const frameworks: readonly (readonly [string, Start])[] = [
  ['Express 5', startExpress],
  ['Fastify 5', startFastify],
  ['Hono on @hono/node-server', startHono],
  ['node:http', startNode],
];

const choice = callParams({ Digits: '1' });
const spoken = callParams({ SpeechResult: 'Support please', Confidence: '0.87' });

/** POSTs `choice` to `url`, signed as if its parameters were `signedParams`. */
const postChoice = (url: string, signedParams: Form) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sign(url, signedParams) },
    body: formBody(choice),
  });

describe.each(frameworks)('%s', (_, start) => {
  const log: Log = { handled: [], rejected: [], errors: [] };
  const proxiedLog: Log = { handled: [], rejected: [], errors: [] };
  let direct: Running;
  let proxied: Running;

  beforeAll(async () => {
    direct = await start({ authToken: TOKEN, onReject: (r) => log.rejected.push(r) }, log);
    proxied = await start(
      { authToken: TOKEN, trustProxy: true, onReject: (r) => proxiedLog.rejected.push(r) },
      proxiedLog,
    );
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  /** POSTs a form, signed for `signedUrl` (default: the URL requested) unless `signature` says otherwise. */
  async function post(
    server: Running,
    path: string,
    params: Form,
    options: {
      signedUrl?: string;
      signedParams?: Form;
      token?: string;
      signature?: string | null;
      headers?: Record<string, string>;
    } = {},
  ) {
    const url = server.origin + path;
    const headers: Record<string, string> = {
      'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8',
      ...options.headers,
    };
    if (options.signature !== null) {
      headers['X-Twilio-Signature'] =
        options.signature ?? sign(options.signedUrl ?? url, options.signedParams ?? params, options.token);
    }
    return fetch(url, { method: 'POST', headers, body: formBody(params) });
  }

  /** Expects a rejection with `status`, and that no handler ran. */
  async function expectRejected(response: globalThis.Response, status: number, which = log) {
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('<Response');
    expect(which.handled).toEqual([]);
    expect(which.rejected.at(-1)?.status).toBe(status);
  }

  const reset = () => {
    for (const l of [log, proxiedLog]) {
      l.handled.length = 0;
      l.rejected.length = 0;
      l.errors.length = 0;
    }
  };

  describe('serving the IVR example', () => {
    it('POST /voice?retries=1: the menu, 200 text/xml', async () => {
      reset();
      const response = await post(direct, '/voice?retries=1', callParams());
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/xml; ?charset=utf-8$/i);
      expect(await response.text()).toBe(render(<Menu retries={1} />));
      expect(log.handled).toEqual(['/voice']);
      expect(log.rejected).toEqual([]);
    });

    it('POST /menu/choice: pressed 1 → sales; said "support" → the queue', async () => {
      reset();
      const pressed = await post(direct, '/menu/choice', choice);
      expect(await pressed.text()).toBe(render(<MenuChoice digits="1" />));
      const said = await post(direct, '/menu/choice', spoken);
      expect(said.status).toBe(200);
      expect(await said.text()).toBe(render(<MenuChoice speech="Support please" />));
      expect(log.handled).toEqual(['/menu/choice', '/menu/choice']);
    });

    it('GET webhooks: the signature covers the URL, the parameters are in the query', async () => {
      reset();
      const url = `${direct.origin}/voice-get?${formBody(choice)}`;
      const response = await fetch(url, { headers: { 'X-Twilio-Signature': sign(url) } });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(render(<MenuChoice digits="1" />));
    });

    it('a document that fails validation: 500, no TwiML, the error logged', async () => {
      reset();
      const response = await fetch(`${direct.origin}/broken`, { method: 'POST' });
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).not.toContain('<');
      expect(log.errors).toHaveLength(1);
    });

    it('… or the fallback document, 200', async () => {
      reset();
      const response = await fetch(`${direct.origin}/broken-fallback`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(render(apology));
      expect(log.errors).toHaveLength(1);
    });
  });

  describe('verifying signatures', () => {
    it('tampered parameter: 403, the handler never runs', async () => {
      reset();
      await expectRejected(
        await post(direct, '/menu/choice', choice, { signedParams: { ...choice, Digits: '2' } }),
        403,
      );
    });

    it('extra parameter: 403', async () => {
      reset();
      await expectRejected(
        await post(direct, '/menu/choice', { ...choice, Extra: 'x' }, { signedParams: choice }),
        403,
      );
    });

    it('wrong token: 403', async () => {
      reset();
      await expectRejected(await post(direct, '/menu/choice', choice, { token: 'another-token' }), 403);
    });

    it('missing header: 400', async () => {
      reset();
      await expectRejected(await post(direct, '/menu/choice', choice, { signature: null }), 400);
    });

    it('a changed query string: 403', async () => {
      reset();
      const signedUrl = `${direct.origin}/voice?retries=2`;
      await expectRejected(await post(direct, '/voice?retries=1', callParams(), { signedUrl }), 403);
    });

    it('the port: signed with or without it, the request is accepted', async () => {
      reset();
      const withoutPort = `http://127.0.0.1/menu/choice`;
      expect((await post(direct, '/menu/choice', choice, { signedUrl: withoutPort })).status).toBe(200);
      expect(log.rejected).toEqual([]);
    });

    it('https signature on a plain-http server without a proxy: 403', async () => {
      reset();
      const signedUrl = `${direct.origin.replace('http:', 'https:')}/menu/choice`;
      await expectRejected(await post(direct, '/menu/choice', choice, { signedUrl }), 403);
    });

    it('JSON webhooks: the raw body bound through bodySHA256', async () => {
      reset();
      const body = '{"EventType":"onMessageAdded","Body":"hi"}';
      const url = `${direct.origin}/events?bodySHA256=${bodyHash(body)}`;
      const send = (text: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Twilio-Signature': sign(url) },
          body: text,
        });
      const ok = await send(body);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ EventType: 'onMessageAdded', Body: 'hi' });
      log.handled.length = 0;
      await expectRejected(await send('{"EventType":"onMessageAdded","Body":"forged"}'), 403);
    });
  });

  describe('behind a proxy (X-Forwarded-Proto / X-Forwarded-Host)', () => {
    const https = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'ivr.example.com' };

    it('not trusted unless configured: 403', async () => {
      reset();
      const signedUrl = 'https://ivr.example.com/menu/choice';
      await expectRejected(await post(direct, '/menu/choice', choice, { signedUrl, headers: https }), 403);
    });

    it('trusted when configured: the public https URL verifies', async () => {
      reset();
      const signedUrl = 'https://ivr.example.com/menu/choice';
      const response = await post(proxied, '/menu/choice', choice, { signedUrl, headers: https });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(render(<MenuChoice digits="1" />));
      expect(proxiedLog.handled).toEqual(['/menu/choice']);
    });

    it('http vs https: a signature for http:// does not pass as https', async () => {
      reset();
      const signedUrl = 'http://ivr.example.com/menu/choice';
      await expectRejected(await post(proxied, '/menu/choice', choice, { signedUrl, headers: https }), 403, proxiedLog);
    });

    it('ports: :443 matches the port-less URL; :8443 only with X-Forwarded-Port', async () => {
      reset();
      const at = (url: string, headers = https) => post(proxied, '/menu/choice', choice, { signedUrl: url, headers });
      expect((await at('https://ivr.example.com:443/menu/choice')).status).toBe(200);
      expect((await at('https://ivr.example.com:8443/menu/choice')).status).toBe(403);
      const port = { ...https, 'X-Forwarded-Port': '8443' };
      expect((await at('https://ivr.example.com:8443/menu/choice', port)).status).toBe(200);
      expect(proxiedLog.handled).toEqual(['/menu/choice', '/menu/choice']);
    });
  });
});

describe('Express specifics', () => {
  /** Serves `app` on 127.0.0.1 and POSTs a signed JSON webhook (bodySHA256) to /events. */
  async function postJsonEvent(app: express.Express, body: string): Promise<globalThis.Response> {
    const running = await listening(app.listen(0, '127.0.0.1'));
    try {
      const url = `${running.origin}/events?bodySHA256=${bodyHash(body)}`;
      return await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Twilio-Signature': sign(url) },
        body,
      });
    } finally {
      await running.close();
    }
  }

  it('uses a raw body kept by express.json({ verify }) for JSON webhooks', async () => {
    const app = express();
    app.post(
      '/events',
      express.json({ verify: (req, _res, buf) => Object.assign(req, { rawBody: buf }) }),
      expressWebhook({ authToken: TOKEN, onReject: () => {} }),
      (req, res) => void res.json(req.body),
    );
    const response = await postJsonEvent(app, '{"a": 1}');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('a JSON webhook whose raw body a parser consumed: 500 through next(error), never a pass', async () => {
    const errors: unknown[] = [];
    const app = express();
    app.post('/events', express.json(), expressWebhook({ authToken: TOKEN }), (_req, res) => void res.send('ran'));
    app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      errors.push(error);
      res.status(500).send('error');
    });
    const response = await postJsonEvent(app, '{"a": 1}');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('error');
    expect(String(errors[0])).toMatch(/raw body is needed, but a body parser already consumed it/);
  });

  it('the parsed body of express.urlencoded() before the middleware is verified', async () => {
    const log: Log = { handled: [], rejected: [], errors: [] };
    const running = await startExpress({ authToken: TOKEN, onReject: (r) => log.rejected.push(r) }, log);
    try {
      const url = `${running.origin}/parsed/menu/choice`;
      const send = (signedParams: Form) => postChoice(url, signedParams);
      const ok = await send(choice);
      expect(await ok.text()).toBe(render(<MenuChoice digits="1" />));
      expect((await send({ ...choice, Digits: '2' })).status).toBe(403);
      expect(log.handled).toEqual(['/parsed/menu/choice']);
    } finally {
      await running.close();
    }
  });
});

describe('Fastify specifics', () => {
  it('rejections are Fastify errors named WebhookRejectedError, with the status as statusCode', async () => {
    const app = Fastify();
    const seen: { name: string; statusCode?: number }[] = [];
    app.setErrorHandler((error: { name: string; statusCode?: number }, _request, reply) => {
      seen.push({ name: error.name, statusCode: error.statusCode });
      void reply.code(error.statusCode ?? 500).send('refused');
    });
    await app.register(async (twilio) => {
      await twilio.register(fastifyWebhook({ authToken: TOKEN, onReject: () => {} }));
      twilio.post('/hook', async () => 'ran');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
      expect((await postChoice(url, { ...choice, Digits: '2' })).status).toBe(403);
      expect(seen).toEqual([{ name: 'WebhookRejectedError', statusCode: 403 }]);
    } finally {
      await app.close();
    }
  });

  it('keeps a form parser the scope already has, and still verifies the raw body', async () => {
    const app = Fastify();
    const seen: unknown[] = [];
    await app.register(async (twilio) => {
      twilio.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
        done(null, { parsedBy: 'user', body }),
      );
      await twilio.register(fastifyWebhook({ authToken: TOKEN, onReject: () => {} }));
      twilio.post('/hook', async (request) => {
        seen.push(request.body);
        return 'ok';
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
      const send = (signedParams: Form) => postChoice(url, signedParams);
      expect((await send(choice)).status).toBe(200);
      expect((await send({ ...choice, Digits: '2' })).status).toBe(403);
      expect(seen).toEqual([{ parsedBy: 'user', body: formBody(choice) }]);
    } finally {
      await app.close();
    }
  });
});

describe('Node specifics', () => {
  it('a body that cannot be read: 400, the request is not let through', async () => {
    const rejected: WebhookRejection[] = [];
    const verify = nodeWebhook({ authToken: TOKEN, onReject: (r) => rejected.push(r) });
    const written: { body?: string } = {};
    const req = {
      method: 'POST',
      url: '/voice',
      headers: { host: 'example.com', 'x-twilio-signature': 'x', 'content-type': 'application/x-www-form-urlencoded' },
      async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
        yield new TextEncoder().encode('Digits=1&');
        throw new Error('aborted');
      },
    };
    const res = {
      statusCode: 200,
      setHeader: () => undefined,
      end: (chunk: Uint8Array) => Object.assign(written, { body: new TextDecoder().decode(chunk) }),
    };
    const check = await verify(req, res);
    expect(check).toMatchObject({ valid: false, status: 400, reason: 'the body could not be read (aborted)' });
    expect(res.statusCode).toBe(400);
    expect(written.body).toBe('Bad Request: the body could not be read (aborted)');
    expect(rejected).toHaveLength(1);
  });

  it('a body over maxBodyBytes: 413 before the signature is checked, the handler never runs', async () => {
    const log: Log = { handled: [], rejected: [], errors: [] };
    const running = await startNode({ authToken: TOKEN, onReject: (r) => log.rejected.push(r) }, log);
    try {
      const params = callParams({ Body: 'x'.repeat(5000) });
      const url = `${running.origin}/menu/choice`;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sign(url, params) },
        body: formBody(params),
      });
      expect(response.status).toBe(413);
      expect(log.handled).toEqual([]);
      expect(log.rejected[0]).toMatchObject({ status: 413 });
    } finally {
      await running.close();
    }
  });
});

describe('without an auth token', () => {
  it.each(frameworks)(
    '%s: starts; each request is answered 500 and the handler never runs; logged once',
    async (_, start) => {
      vi.stubEnv('TWILIO_AUTH_TOKEN', undefined);
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      const log: Log = { handled: [], rejected: [], errors: [] };
      const running = await start({ onReject: (r) => log.rejected.push(r) }, log);
      try {
        const url = `${running.origin}/menu/choice`;
        for (let i = 0; i < 2; i++) {
          const response = await postChoice(url, choice);
          expect(response.status).toBe(500);
          // Fastify answers its errors as JSON: {"statusCode":500,…,"message":"<this text>"}.
          expect(await response.text()).toContain(
            'Internal Server Error: the webhook cannot be verified (see the server log)',
          );
        }
        expect(log.handled).toEqual([]);
        expect(log.rejected).toEqual([]);
        expect(error).toHaveBeenCalledTimes(1);
        expect(error.mock.calls[0][0]).toMatch(
          /^twiml-jsx\/http: (node|express|fastify|hono)Webhook\(\) has no Twilio auth token .*TWILIO_AUTH_TOKEN/,
        );
        // Set later, it is read at the next request.
        vi.stubEnv('TWILIO_AUTH_TOKEN', TOKEN);
        expect((await postChoice(url, choice)).status).toBe(200);
      } finally {
        await running.close();
        vi.unstubAllEnvs();
        vi.restoreAllMocks();
      }
    },
  );
});
