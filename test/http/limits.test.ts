/**
 * Issue 13, items 1 and 2, in process: bodies and forms over the limits are refused before they
 * are buffered, parsed or signed, by the Fetch verifiers (`webhookVerifier`, `verifyWebhook`) and
 * the Node verifier, on streams that count what was pulled from them. The same kinds through real
 * servers are in attack.test.tsx.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_PARAMS,
  nodeWebhook,
  parseForm,
  readForm,
  readWebhook,
  TooManyParamsError,
  validateRequest,
  verifyWebhook,
  webhookVerifier,
  type WebhookOptions,
  type WebhookRejection,
} from 'twiml-jsx/http';
import { ParamCounter } from '../../src/http/limits.js';
import { callParams, type Form, formBody, sign, TOKEN } from './support.js';

const URL_ = 'https://example.com/voice';
const MB = 1024 * 1024;

/**
 * A body of `total` bytes that is produced only when pulled, `chunk` bytes at a time, counting
 * what was pulled. `text` gives the bytes (default: `x` repeated).
 */
function meteredBody(total: number, chunk: number, text?: (offset: number, length: number) => string) {
  const meter = { pulled: 0, done: false };
  const encoder = new TextEncoder();
  const next = () => {
    const length = Math.min(chunk, total - meter.pulled);
    const bytes = text ? encoder.encode(text(meter.pulled, length)) : new Uint8Array(length).fill(0x78);
    meter.pulled += length;
    meter.done = meter.pulled >= total;
    return bytes;
  };
  const stream = () =>
    new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (meter.done) controller.close();
          else controller.enqueue(next());
        },
      },
      { highWaterMark: 0 }, // nothing is produced before it is asked for
    );
  const readable = () =>
    new Readable({
      highWaterMark: 0,
      read() {
        this.push(meter.done ? null : next());
      },
    });
  return { meter, stream, readable };
}

/** A form of many tiny fields (`ff=12&ff=12&…`, 6 bytes each), as text for `[offset, offset + length)`. */
const manyFields = (offset: number, length: number) => {
  const unit = 'ff=12&';
  let out = '';
  for (let i = offset; i < offset + length; i++) out += unit[i % unit.length];
  return out;
};

function fetchRequest(
  body: ReadableStream<Uint8Array> | string,
  headers: Record<string, string> = {},
  url = URL_,
): Request {
  return new Request(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    duplex: 'half',
  } as RequestInit);
}

function verifier(options: WebhookOptions = {}) {
  const rejections: WebhookRejection[] = [];
  const verify = webhookVerifier({ authToken: TOKEN, onReject: (r) => rejections.push(r), ...options });
  return { verify, rejections };
}

/** A signed form whose encoded body is exactly `length` bytes long (a padded `Body` field). */
function formOfLength(length: number, url = URL_): { body: string; signature: string } {
  const base = callParams({ Body: '' });
  const pad = length - formBody(base).length;
  if (pad < 0) throw new Error(`a form cannot be ${length} bytes long`);
  const params: Form = { ...base, Body: 'x'.repeat(pad) };
  const body = formBody(params);
  expect(body.length).toBe(length);
  return { body, signature: sign(url, params) };
}

afterEach(() => vi.restoreAllMocks());

describe('the defaults and the options', () => {
  it('are sized for Twilio: 256 KiB and 1,000 parameters', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(262_144);
    expect(DEFAULT_MAX_PARAMS).toBe(1000);
    // The largest form webhook: an incoming WhatsApp message with 1,600 emoji and 10 media.
    const media: Form = {};
    for (let i = 0; i < 10; i++) {
      media[`MediaUrl${i}`] =
        `https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM0123456789abcdef0123456789abcdef/Media/ME0123456789abcdef0123456789abcd${i}${i}`;
      media[`MediaContentType${i}`] = 'image/jpeg';
    }
    const message = formBody(callParams({ Body: '😀'.repeat(1600), NumMedia: '10', ...media }));
    expect(message.length).toBeLessThan(DEFAULT_MAX_BODY_BYTES / 8);
  });

  it.each([
    [{ maxBodyBytes: -1 }, /maxBodyBytes -1; expected a whole number of bytes/],
    [{ maxBodyBytes: 1.5 }, /maxBodyBytes 1\.5/],
    [{ maxBodyBytes: Number.NaN }, /maxBodyBytes NaN/],
    [{ maxParams: -5 }, /maxParams -5; expected a whole number of parameters/],
    [{ maxParams: '10' as unknown as number }, /maxParams 10/],
  ])('a malformed limit is an error when the verifier is created: %o', (options, message) => {
    expect(() => webhookVerifier({ authToken: TOKEN, ...options })).toThrow(message);
    expect(() => nodeWebhook({ authToken: TOKEN, ...options })).toThrow(TypeError);
  });

  it('Infinity turns a limit off', async () => {
    const { body, signature } = formOfLength(DEFAULT_MAX_BODY_BYTES + 1);
    const { verify } = verifier({ maxBodyBytes: Infinity });
    expect((await verify(fetchRequest(body, { 'X-Twilio-Signature': signature }))).valid).toBe(true);
  });
});

describe('item 1: a body over maxBodyBytes (Fetch verifiers, in process)', () => {
  it('the issue: a forged 50 MB body with any X-Twilio-Signature is refused (413) without reading a byte', async () => {
    const { meter, stream } = meteredBody(50 * MB, 64 * 1024);
    const { verify, rejections } = verifier();
    const request = fetchRequest(stream(), { 'X-Twilio-Signature': 'anything', 'Content-Length': String(50 * MB) });
    const check = await verify(request);
    expect(check).toMatchObject({ valid: false, status: 413 });
    if (check.valid) return;
    expect(check.response.status).toBe(413);
    expect(await check.response.text()).toBe('Payload Too Large');
    expect(meter.pulled).toBe(0);
    expect(rejections).toEqual([
      {
        status: 413,
        reason: `Content-Length ${50 * MB} is over maxBodyBytes (262144 bytes)`,
        method: 'POST',
        url: URL_,
      },
    ]);
  });

  it('the issue: the same 50 MB as a chunked upload (no Content-Length) is read only up to the limit', async () => {
    const chunk = 64 * 1024;
    const { meter, stream } = meteredBody(50 * MB, chunk);
    const { verify, rejections } = verifier();
    const check = await verify(fetchRequest(stream(), { 'X-Twilio-Signature': 'anything' }));
    expect(check).toMatchObject({ valid: false, status: 413 });
    // The chunk that passed the limit, and the one the clone's tee asked for ahead of it.
    expect(meter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * chunk);
    expect(rejections[0].reason).toBe('the request body is longer than maxBodyBytes (262144 bytes)');
  });

  it('verifyWebhook (one-shot) and readForm / readWebhook keep the same limits', async () => {
    const { meter, stream } = meteredBody(50 * MB, 64 * 1024);
    const check = await verifyWebhook(fetchRequest(stream(), { 'X-Twilio-Signature': 'x' }), {
      authToken: TOKEN,
      onReject: () => {},
    });
    expect(check).toMatchObject({ valid: false, status: 413 });
    expect(meter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * 64 * 1024);

    const big = meteredBody(50 * MB, 64 * 1024);
    await expect(readForm(fetchRequest(big.stream()))).rejects.toThrow(BodyTooLargeError);
    expect(big.meter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * 64 * 1024);
    const json = new Request(URL_, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '300000' },
      body: meteredBody(300_000, 1000).stream(),
      duplex: 'half',
    } as RequestInit);
    await expect(readWebhook(json)).rejects.toMatchObject({ name: 'BodyTooLargeError', status: 413 });
    await expect(readForm(fetchRequest('a=1'), { maxBodyBytes: 2 })).rejects.toThrow(
      /the request body is longer than maxBodyBytes \(2 bytes\)/,
    );
  });

  it('the kind: any size around any limit, any chunking, with or without Content-Length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 400, max: 3000 }), // the limit
        fc.integer({ min: -3, max: 3 }), // the body's length relative to it
        fc.integer({ min: 1, max: 700 }), // chunk size
        fc.boolean(), // Content-Length sent
        async (limit, delta, chunk, withLength) => {
          const length = limit + delta;
          const { body, signature } = formOfLength(length);
          const { meter, stream } = meteredBody(length, chunk, (offset, n) => body.slice(offset, offset + n));
          const headers: Record<string, string> = { 'X-Twilio-Signature': signature };
          if (withLength) headers['Content-Length'] = String(length);
          const { verify, rejections } = verifier({ maxBodyBytes: limit });
          const check = await verify(fetchRequest(stream(), headers));
          if (length <= limit) {
            expect(check.valid).toBe(true);
            if (check.valid) expect(check.params.Body).toHaveLength(length - formBody(callParams({ Body: '' })).length);
          } else {
            expect(check).toMatchObject({ valid: false, status: 413 });
            expect(rejections).toHaveLength(1);
            expect(meter.pulled).toBeLessThanOrEqual(withLength ? 0 : limit + 2 * chunk);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('item 1: the Node verifier reads a stream only up to the limit', () => {
  function nodeRequest(stream: Readable, headers: Record<string, string>) {
    return Object.assign(stream, {
      method: 'POST',
      url: '/voice',
      headers: { host: 'example.com', 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  }
  function response() {
    const written: { status?: number; headers: Record<string, string | number>; body?: string } = { headers: {} };
    const res = {
      statusCode: 200,
      setHeader: (name: string, value: string | number) => void (written.headers[name] = value),
      end: (chunk: Uint8Array) => {
        written.status = res.statusCode;
        written.body = new TextDecoder().decode(chunk);
      },
    };
    return { res, written };
  }

  it('the issue: 50 MB with Content-Length: 413 without reading; chunked: no further than the limit', async () => {
    const verify = nodeWebhook({ authToken: TOKEN, onReject: () => {} });
    const announced = meteredBody(50 * MB, 64 * 1024);
    const a = response();
    const check = await verify(
      nodeRequest(announced.readable(), { 'x-twilio-signature': 'x', 'content-length': String(50 * MB) }),
      a.res,
    );
    expect(check).toMatchObject({ valid: false, status: 413 });
    expect(announced.meter.pulled).toBe(0);
    expect(a.written).toMatchObject({ status: 413, body: 'Payload Too Large' });

    const chunked = meteredBody(50 * MB, 64 * 1024);
    const stream = chunked.readable();
    const b = response();
    expect(await verify(nodeRequest(stream, { 'x-twilio-signature': 'x' }), b.res)).toMatchObject({ status: 413 });
    expect(chunked.meter.pulled).toBeLessThanOrEqual(DEFAULT_MAX_BODY_BYTES + 2 * 64 * 1024);
    // Left paused, not destroyed (with a request, that would take the socket and the 413 with it).
    expect(stream.destroyed).toBe(false);
    expect(stream.isPaused() || !stream.readableFlowing).toBe(true);
    expect(b.written).toMatchObject({ status: 413 });
  });
});

describe('item 2: a form over maxParams is refused before it is parsed or signed', () => {
  it('the issue: a forged 1 MB form of 150k fields, with any signature: 413 after reading ~6 kB of it', async () => {
    const total = 150_000 * 6; // 900 kB: under the 1 MiB the Node adapters of 0.1 took
    const { meter, stream } = meteredBody(total, 1024, manyFields);
    const { verify, rejections } = verifier();
    const started = vi.spyOn(URLSearchParams.prototype, Symbol.iterator);
    const check = await verify(fetchRequest(stream(), { 'X-Twilio-Signature': 'anything' }));
    expect(check).toMatchObject({ valid: false, status: 413 });
    expect(rejections[0].reason).toBe('the form has more than maxParams (1000) parameters');
    // Parameter 1,001 starts at byte 6,000: reading stopped in the chunk where it began.
    expect(meter.pulled).toBeLessThanOrEqual(6000 + 2 * 1024);
    expect(started).not.toHaveBeenCalled(); // nothing was parsed
    await verify(fetchRequest('a=1', { 'X-Twilio-Signature': 'anything' }));
    expect(started).toHaveBeenCalled(); // … which the spy would have seen
  });

  it('the issue, with Content-Length and a body small enough to be read whole: refused before parsing and signing', async () => {
    const body = manyFields(0, 150_000 * 6);
    const { verify } = verifier({ maxBodyBytes: 10 * MB });
    const parsed = vi.spyOn(URLSearchParams.prototype, Symbol.iterator);
    const signed = vi.spyOn(Array.prototype, 'sort');
    const check = await verify(fetchRequest(body, { 'X-Twilio-Signature': 'anything' }));
    expect(check).toMatchObject({ valid: false, status: 413 });
    expect(parsed).not.toHaveBeenCalled();
    expect(signed).not.toHaveBeenCalled();
    // The spies do see a form that is parsed and signed.
    await verify(fetchRequest('a=1', { 'X-Twilio-Signature': 'anything' }));
    expect(parsed).toHaveBeenCalled();
    expect(signed).toHaveBeenCalled();
  });

  it('the kind: exactly maxParams signed parameters pass, one more is refused, however the body is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }), // maxParams
        fc.integer({ min: -2, max: 2 }),
        fc.integer({ min: 1, max: 40 }), // chunk size
        fc.boolean(), // repeated names
        async (maxParams, delta, chunk, repeated) => {
          const count = Math.max(0, maxParams + delta);
          const params: Form = {};
          if (repeated) params.Media = Array.from({ length: count }, (_, i) => `m${i}`);
          else for (let i = 0; i < count; i++) params[`P${i}`] = `v${i}`;
          const body = formBody(params);
          const { meter, stream } = meteredBody(body.length, chunk, (o, n) => body.slice(o, o + n));
          const { verify } = verifier({ maxParams });
          const check = await verify(fetchRequest(stream(), { 'X-Twilio-Signature': sign(URL_, params) }));
          expect(check.valid).toBe(count <= maxParams);
          if (count > maxParams) {
            expect(check).toMatchObject({ status: 413 });
            // Stopped in the chunk where parameter maxParams + 1 began (plus the one asked for ahead).
            const start = body.split('&').slice(0, maxParams).join('&').length + 1;
            expect(meter.pulled).toBeLessThanOrEqual(start + 2 * chunk);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the counter agrees with URLSearchParams on any text, cut anywhere', () => {
    const part = fc.constantFrom('a', '=', '&', '&&', '?', '%26', '+', 'é', '');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.array(fc.nat(40), { maxLength: 5 }), (parts, cuts) => {
        const text = parts.join('');
        const bytes = new TextEncoder().encode(text);
        const counter = new ParamCounter();
        let at = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const end = Math.min(cut, bytes.length);
          if (end > at) counter.push(bytes.subarray(at, end));
          at = Math.max(at, end);
        }
        counter.push(bytes.subarray(at));
        expect(counter.count).toBe(Array.from(new URLSearchParams(text)).length);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseForm and readForm take maxParams; GET query strings count too', async () => {
    expect(() => parseForm('a=1&b=2&c=3', { maxParams: 2 })).toThrow(TooManyParamsError);
    expect(() => parseForm('a=1&b=2&c=3', { maxParams: 2 })).toThrow(
      /the form has more than maxParams \(2\) parameters/,
    );
    expect(parseForm('a=1&&b=2&', { maxParams: 2 })).toEqual({ a: '1', b: '2' });
    await expect(readForm(new Request(`${URL_}?a=1&b=2&c=3`), { maxParams: 2 })).rejects.toMatchObject({
      name: 'TooManyParamsError',
      statusCode: 413,
    });
    const url = `${URL_}?a=1&b=2&c=3`;
    const { verify } = verifier({ maxParams: 2 });
    const check = await verify(new Request(url, { headers: { 'X-Twilio-Signature': sign(url) } }));
    expect(check).toMatchObject({ valid: false, status: 413 });
  });
});

describe('the signed string is built once per request', () => {
  it('the parameters are sorted once, however many spellings of the URL are tried', () => {
    const params = callParams({ Digits: '1' });
    const sort = vi.spyOn(Array.prototype, 'sort');
    // A wrong signature: every spelling of the URL is tried (4 distinct ones for this one; 34 for
    // the second, whose twenty %27 each may have been a raw ' on the wire; never more than 38).
    expect(validateRequest(TOKEN, 'wrong', 'https://example.com/voice?a=1&b=%27', params)).toBe(false);
    expect(sort).toHaveBeenCalledTimes(1);
    const quotes = `https://example.com/voice?${Array.from({ length: 20 }, (_, i) => `k${i}=%27`).join('&')}`;
    expect(validateRequest(TOKEN, 'wrong', quotes, params)).toBe(false);
    expect(sort).toHaveBeenCalledTimes(2);
  });
});
