/**
 * A fake Twilio API on 127.0.0.1 (node:http, port 0) for the REST tests. It records every
 * request exactly as received and answers from a script; without a script it answers like
 * Twilio: 201 with a call or message resource for creates, 200 for updates and reads.
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const ACCOUNT_SID = 'AC' + 'a1'.repeat(16);
export const AUTH_TOKEN = 'f'.repeat(8) + 'secret-token-0123456789abcdef';
export const CALL_SID = 'CA' + 'c0ffee00'.repeat(4);
export const MESSAGE_SID = 'SM' + '5'.repeat(32);

/** One request as the server saw it. */
export interface Recorded {
  readonly method: string;
  /** Path and query, undecoded. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body. */
  readonly body: string;
  /** The body's pairs in order, decoded with a decoder independent of the client's encoder. */
  readonly form: [string, string][];
}

/** How the server answers one request. */
export type Reply =
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      /** A string is sent as it is; anything else as JSON. */
      readonly body?: unknown;
    }
  /** Never answer (for timeouts). */
  | { readonly hang: true }
  /** Accept the request, then drop the connection without answering (a network failure). */
  | { readonly drop: true }
  /** Send the status line, headers and part of the body, then never finish (a stalled body). */
  | { readonly stall: true }
  /** Answer by hand: a body streamed for ever, … */
  | { readonly handle: (request: Recorded, res: ServerResponse) => void }
  /** An answer made from the request (a proxy echoing its headers). */
  | { readonly from: (request: Recorded) => Reply };

/** RFC 2822, as Twilio writes dates. */
export const TWILIO_DATE = 'Tue, 31 Aug 2010 20:36:28 +0000';

/** A call resource as Twilio sends it (snake_case), with a couple of fields the client does not know. */
export function callJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_sid: ACCOUNT_SID,
    annotation: null,
    answered_by: null,
    api_version: '2010-04-01',
    caller_name: null,
    date_created: TWILIO_DATE,
    date_updated: 'Tue, 31 Aug 2010 20:36:44 +0000',
    direction: 'outbound-api',
    duration: '15',
    end_time: 'Tue, 31 Aug 2010 20:36:44 +0000',
    forwarded_from: '+141586753093',
    from: '+15017122661',
    from_formatted: '(501) 712-2661',
    group_sid: null,
    parent_call_sid: null,
    phone_number_sid: 'PN' + '0'.repeat(32),
    price: '-0.03000',
    price_unit: 'USD',
    sid: CALL_SID,
    start_time: 'Tue, 31 Aug 2010 20:36:29 +0000',
    status: 'queued',
    stir_verstat: null,
    subresource_uris: {
      notifications: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}/Notifications.json`,
      recordings: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}/Recordings.json`,
    },
    to: '+15558675310',
    to_formatted: '(555) 867-5310',
    trunk_sid: null,
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`,
    queue_time: '1000',
    ...overrides,
  };
}

/** A message resource as Twilio sends it (snake_case). */
export function messageJson(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    account_sid: ACCOUNT_SID,
    api_version: '2010-04-01',
    body: 'Hello',
    date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
    date_sent: 'Thu, 24 Aug 2023 05:01:45 +0000',
    date_updated: 'Thu, 24 Aug 2023 05:01:45 +0000',
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: '+15017122661',
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: null,
    messaging_service_sid: 'MG' + '3'.repeat(32),
    sid: MESSAGE_SID,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}/Media.json` },
    to: '+15558675310',
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json`,
    ...overrides,
  };
}

/** Splits a form body into pairs with its own decoder (`+` is a space, `%XX` are UTF-8 bytes). */
export function parseForm(body: string): [string, string][] {
  if (body === '') return [];
  const decode = (s: string) => {
    const bytes: number[] = [];
    for (let i = 0; i < s.length; i++) {
      if (s[i] === '%') {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.push(...new TextEncoder().encode(s[i] === '+' ? ' ' : s[i]));
      }
    }
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  };
  return body.split('&').map((pair) => {
    const at = pair.indexOf('=');
    return [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
  });
}

function defaultReply(method: string, url: string): Reply {
  const messages = url.includes('/Messages');
  const create = method === 'POST' && /\/(Calls|Messages)\.json$/.test(url);
  return { status: create ? 201 : 200, body: messages ? messageJson() : callJson() };
}

export interface FakeTwilio {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: Recorded[];
  /** Queues replies for the next requests, in order; later requests get the default. */
  script(...replies: Reply[]): void;
  /** Forgets requests and queued replies (call in beforeEach). */
  reset(): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, reply: Extract<Reply, { status: number }>): void {
  const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  const json = reply.body !== undefined && typeof reply.body !== 'string';
  res.writeHead(reply.status, { ...(json ? { 'content-type': 'application/json' } : {}), ...reply.headers });
  res.end(body);
}

/** Starts a fake Twilio API on 127.0.0.1 and an ephemeral port. */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const requests: Recorded[] = [];
  let queue: Reply[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const method = req.method ?? '';
      const url = req.url ?? '';
      requests.push({ method, url, headers: req.headers, body, form: parseForm(body) });
      let reply = queue.shift() ?? defaultReply(method, url);
      while ('from' in reply) reply = reply.from(requests[requests.length - 1]);
      if ('hang' in reply) return;
      if ('drop' in reply) {
        req.socket.destroy();
        return;
      }
      if ('handle' in reply) {
        reply.handle(requests[requests.length - 1], res);
        return;
      }
      if ('stall' in reply) {
        res.writeHead(201, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"sid": "CA');
        return;
      }
      send(res, reply);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => queue.push(...replies),
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
