/**
 * Loaded before each documentation sample (`node --import tsx --import preload.ts sample.tsx`), so
 * the sample's text stays exactly what users copy while it runs offline and always ends:
 *
 * - `fetch` is the stand-in for Twilio's API (twilio-api.ts) for `https://api.twilio.com`
 *   and the edge/region hosts. A request to a server the sample started on this machine goes
 *   through; any other host is refused with an error naming it.
 * - A server's `listen()` (node:http, Express, Fastify, @hono/node-server: all reach
 *   `net.Server.prototype.listen`) binds 127.0.0.1 on a free port instead of the port asked for, so
 *   samples may write `app.listen(3000)` and still run side by side; `fetch` to
 *   `localhost:3000` (or 127.0.0.1) is sent to the real port, with the Host header the sample
 *   asked for (so webhook signatures computed for that URL still match). The server is
 *   `unref()`ed: the sample ends when its own work is done, the server with it.
 * - A server listening on a pipe or an existing handle is left as it is.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createTwilioApi } from './twilio-api.js';

const realFetch = globalThis.fetch;
/** Port asked for → the port bound (once the server listens; binding waits for a DNS lookup). */
const ports = new Map<number, Promise<number>>();
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

async function local(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (!LOCAL.has(url.hostname))
    throw new Error(
      `docs sample tried to reach ${url.origin}: samples run offline; only Twilio's API (a stand-in) and ` +
        'servers the sample starts itself can be reached',
    );
  const listening = ports.get(Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
  if (listening === undefined) return realFetch(request);
  const port = await listening;
  // node:http rather than fetch, which would replace the Host header with 127.0.0.1:<port>.
  const headers: Record<string, string> = { host: url.host };
  request.headers.forEach((value, name) => (headers[name] = value));
  const body = Buffer.from(await request.arrayBuffer());
  if (body.length > 0) headers['content-length'] ??= String(body.length);
  const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const sent = http.request(
      { host: '127.0.0.1', port, method: request.method, path: url.pathname + url.search, headers },
      resolve,
    );
    sent.on('error', reject);
    sent.end(body);
  });
  const chunks: Buffer[] = [];
  for await (const chunk of answer) chunks.push(chunk as Buffer);
  const responseHeaders = new Headers();
  for (const [name, value] of Object.entries(answer.headers))
    for (const one of Array.isArray(value) ? value : [value ?? '']) responseHeaders.append(name, one);
  const status = answer.statusCode ?? 500;
  const empty = [101, 204, 205, 304].includes(status) || request.method === 'HEAD';
  return new Response(empty ? null : Buffer.concat(chunks), {
    status,
    statusText: answer.statusMessage,
    headers: responseHeaders,
  });
}

const api = createTwilioApi(process.env, local);
globalThis.fetch = api.fetch as typeof fetch;

type Listen = (this: net.Server, ...args: unknown[]) => net.Server;
const listen = net.Server.prototype.listen as Listen;

net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  const callback = typeof args.at(-1) === 'function' ? [args.pop()] : [];
  const [first] = args;
  let asked: number;
  if (first === undefined || typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    asked = Number(first ?? 0);
    args = [0, '127.0.0.1'];
  } else if (
    typeof first === 'object' &&
    first !== null &&
    (first as { path?: unknown }).path === undefined &&
    (first as { fd?: unknown }).fd === undefined &&
    !('_handle' in first)
  ) {
    asked = Number((first as { port?: unknown }).port ?? 0);
    args = [{ ...first, port: 0, host: '127.0.0.1', ipv6Only: false }];
  } else {
    return listen.apply(this, [...args, ...callback]);
  }
  // Known at once, so a sample may fetch from its server right after calling listen().
  const listening = new Promise<number>((resolve, reject) => {
    this.once('listening', () => resolve((this.address() as AddressInfo).port));
    this.once('error', reject);
  });
  listening.catch(() => {}); // the sample sees the error itself, as an 'error' event
  ports.set(asked, listening);
  const server = listen.apply(this, [...args, ...callback]);
  this.unref();
  return server;
} as typeof net.Server.prototype.listen;
