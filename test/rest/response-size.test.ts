/**
 * Response bodies are read with a byte counter and never buffered past `maxResponseBytes`
 * (issue 13, item 10): the fake API on 127.0.0.1 streams bodies that never end, in every framing
 * — chunked, with an honest or a lying Content-Length, gzip-compressed — and each test checks
 * what the client throws and that the server saw the connection closed before the end (the
 * bytes it managed to write stay far below the body's size). Nothing waits on a clock: the
 * tests await the server's `close` event.
 */
import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  TwilioApiError,
  TwilioConfigError,
  TwilioResponseError,
  createClient,
  type ClientOptions,
} from 'twiml-jsx/rest';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID, callJson, type Reply } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();

const MB = 1024 * 1024;
const DEFAULT_LIMIT = 1_048_576;
const CALL_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`;
const CALLS_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`;
const params = { to: '+15558675310', from: '+15017122661', url: 'https://example.com/voice' } as const;

const client = (options: ClientOptions = {}) =>
  createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { baseUrl: fake.url, maxRetries: 0, ...options });

/** What the server managed to send before the connection closed. */
interface Sent {
  /** Body bytes handed to the socket (after compression, when compressed). */
  readonly written: number;
  /** Whether the whole body went out. */
  readonly finished: boolean;
}

/**
 * A reply streaming `total` bytes of `byte` (JSON-ish filler) at the pace the client reads
 * (writes wait for `drain`), stopping when the connection closes; `sent` resolves then.
 */
function streamed(
  total: number,
  options: { status?: number; headers?: Record<string, string>; gzip?: boolean; prefix?: string } = {},
): { reply: Reply; sent: Promise<Sent> } {
  let resolve: (sent: Sent) => void;
  const sent = new Promise<Sent>((r) => (resolve = r));
  const handle = (_: unknown, res: ServerResponse) => {
    let written = 0;
    let closed = false;
    res.on('close', () => {
      closed = true;
      resolve({ written, finished: res.writableFinished });
    });
    res.writeHead(options.status ?? 200, { 'content-type': 'application/json', ...options.headers });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const gzip = options.gzip ? createGzip() : undefined;
    if (gzip) {
      gzip.on('data', (data: Buffer) => (written += data.length));
      gzip.pipe(res);
    }
    const sink = gzip ?? res;
    let produced = 0;
    const pump = () => {
      if (produced === 0 && options.prefix) {
        produced += Buffer.byteLength(options.prefix);
        if (!gzip) written += produced;
        sink.write(options.prefix);
      }
      while (!closed && produced < total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - produced));
        produced += piece.length;
        if (!gzip) written += piece.length;
        if (!sink.write(piece)) {
          sink.once('drain', pump);
          return;
        }
      }
      if (!closed) sink.end();
    };
    pump();
  };
  return { reply: { handle }, sent };
}

describe('a 200 MB answer', () => {
  it('is not read past the 1 MiB default: a TwilioResponseError naming the limit and the operation, the connection closed early', async () => {
    const { reply, sent } = streamed(200 * MB, { prefix: '{"sid": "' });
    fake.script(reply);
    const error = (await failure(client().calls.get(CALL_SID))) as TwilioResponseError;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      `calls.get (GET ${CALL_PATH}): answered 200 with a body over the ${DEFAULT_LIMIT}-byte limit (maxResponseBytes); ` +
        'reading stopped there. A call or message resource is a few kilobytes, so this is not the answer expected: ' +
        'check baseUrl, or raise maxResponseBytes',
    );
    const { written, finished } = await sent;
    expect(finished).toBe(false);
    // What the socket buffers held when the client hung up: a few megabytes, not 200.
    expect(written).toBeLessThan(32 * MB);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('every framing of a body over the limit', () => {
  const LIMIT = 4096;

  it('chunked, without Content-Length', async () => {
    const { reply, sent } = streamed(64 * MB);
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioResponseError;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.message).toMatch(
      /answered 200 with a body over the 4096-byte limit \(maxResponseBytes\); reading stopped there/,
    );
    expect((await sent).finished).toBe(false);
  });

  it('an honest Content-Length over the limit: refused before reading', async () => {
    const { reply, sent } = streamed(64 * MB, { headers: { 'content-length': String(64 * MB) } });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioResponseError;
    expect(error.message).toMatch(
      /answered 200 with a body of 67108864 bytes \(Content-Length\), over the 4096-byte limit \(maxResponseBytes\); it was not read/,
    );
    expect((await sent).finished).toBe(false);
  });

  it('a Content-Length that claims more than is sent, over the limit: refused before reading', async () => {
    const { reply } = streamed(1000, { headers: { 'content-length': String(10 * MB) } });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioResponseError;
    expect(error.message).toMatch(/a body of 10485760 bytes \(Content-Length\)/);
  });

  it('a Content-Length that claims less than is sent: no more than it claims is read', async () => {
    const { reply, sent } = streamed(64 * MB, { headers: { 'content-length': '100' } });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioResponseError;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.message).toMatch(/answered 200 with a body that is not JSON: a{100}$/);
    expect((await sent).finished).toBe(false);
  });

  it('gzip: the counter counts what the body inflates to (a small compressed bomb)', async () => {
    const { reply } = streamed(64 * MB, { gzip: true, headers: { 'content-encoding': 'gzip' } });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioResponseError;
    expect(error.message).toMatch(/answered 200 with a body over the 4096-byte limit/);
  });

  it('a create says the request may have been carried out', async () => {
    const { reply, sent } = streamed(64 * MB, { status: 201 });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.create(params))) as TwilioResponseError;
    expect(error.status).toBe(201);
    expect(error.message).toMatch(
      new RegExp(
        `^calls\\.create \\(POST ${CALLS_PATH}\\): answered 201 with a body over the 4096-byte limit .*` +
          'The request may have been carried out: check before repeating it$',
      ),
    );
    expect((await sent).finished).toBe(false);
  });

  it('an error status keeps its status and the start of its body; the rest is not read', async () => {
    const { reply, sent } = streamed(64 * MB, { status: 503, headers: { 'content-type': 'text/html' } });
    fake.script(reply);
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioApiError;
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error.status).toBe(503);
    expect(error.message).toBe(
      `HTTP 503 on GET ${CALL_PATH}: response body: ${'a'.repeat(200)}… (cut at 4096 bytes; the rest was not read)`,
    );
    expect((await sent).finished).toBe(false);
  });

  it('an error body is read up to 64 KiB at most, whatever maxResponseBytes says', async () => {
    const { reply, sent } = streamed(64 * MB, { status: 500, headers: { 'content-type': 'text/plain' } });
    fake.script(reply);
    const error = (await failure(client().calls.get(CALL_SID))) as TwilioApiError;
    expect(error.message).toMatch(/\(cut at 65536 bytes; the rest was not read\)$/);
    expect((await sent).finished).toBe(false);
  });

  it('an error status with a Content-Length over the limit', async () => {
    fake.script({
      status: 500,
      headers: { 'content-type': 'text/plain', 'content-length': String(10 * MB) },
      body: 'x',
    });
    const error = (await failure(client({ maxResponseBytes: LIMIT }).calls.get(CALL_SID))) as TwilioApiError;
    expect(error.status).toBe(500);
    expect(error.message).toMatch(
      /response body: not read: 10485760 bytes \(Content-Length\), over the 4096-byte limit$/,
    );
  });
});

describe('the limit itself', () => {
  const body = JSON.stringify(callJson());
  const size = Buffer.byteLength(body);

  it('a body of exactly maxResponseBytes is read; one byte more is not', async () => {
    fake.script({ status: 200, headers: { 'content-type': 'application/json' }, body });
    expect((await client({ maxResponseBytes: size }).calls.get(CALL_SID)).sid).toBe(CALL_SID);
    fake.script({ status: 200, headers: { 'content-type': 'application/json' }, body });
    const error = await failure(client({ maxResponseBytes: size - 1 }).calls.get(CALL_SID));
    expect(error).toBeInstanceOf(TwilioResponseError);
  });

  it('the default is far above what Twilio sends: a call with a 1,600-character emoji-escaped field', async () => {
    const wide = callJson({ caller_name: '\u{1F600}'.repeat(800) });
    const escaped = JSON.stringify(wide).replace(/[\u{10000}-\u{10FFFF}]/gu, (c) =>
      [...Array(c.length).keys()].map((i) => `\\u${c.charCodeAt(i).toString(16)}`).join(''),
    );
    expect(Buffer.byteLength(escaped)).toBeLessThan(DEFAULT_LIMIT / 50);
    fake.script({ status: 200, headers: { 'content-type': 'application/json' }, body: escaped });
    expect((await client().calls.get(CALL_SID)).callerName).toBe(wide.caller_name);
  });

  it('a cut inside a UTF-8 sequence is no failure of its own', async () => {
    fake.script({ status: 400, headers: { 'content-type': 'text/plain' }, body: 'é'.repeat(100) });
    const error = (await failure(client({ maxResponseBytes: 51 }).calls.get(CALL_SID))) as TwilioApiError;
    expect(error.message).toMatch(/response body: …|response body: é+…? \(cut at 51 bytes/);
  });

  it('is checked when the client is created', () => {
    for (const value of [0, -1, 1.5, Number.POSITIVE_INFINITY, Number.NaN, '1024', null]) {
      let thrown: unknown;
      try {
        createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { maxResponseBytes: value as number });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, String(value)).toBeInstanceOf(TwilioConfigError);
      expect((thrown as TwilioConfigError).option).toBe('maxResponseBytes');
      expect((thrown as Error).message).toMatch(
        /^createClient: maxResponseBytes must be a positive whole number of bytes, got /,
      );
    }
  });
});

describe('a custom fetch', () => {
  it('an endless stream behind a lying Content-Length is read up to the limit, then cancelled', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const fetch = async () =>
      new Response(endless, { status: 200, headers: { 'content-type': 'application/json', 'content-length': '10' } });
    const error = await failure(client({ fetch, maxResponseBytes: 8192 }).calls.get(CALL_SID));
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(cancelled).toBe(true);
    // The stream may have been asked for a chunk or two ahead of the reader, no more.
    expect(pulled).toBeLessThanOrEqual(8192 + 4 * 1024);
  });

  it('an object that is not a Response, without a body stream, is held to the limit too', async () => {
    const fetch = (async () => ({
      ok: true,
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      text: async () => 'a'.repeat(100_000),
    })) as unknown as typeof globalThis.fetch;
    const error = (await failure(client({ fetch, maxResponseBytes: 8192 }).calls.get(CALL_SID))) as Error;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.message).toMatch(/over the 8192-byte limit/);
  });
});
