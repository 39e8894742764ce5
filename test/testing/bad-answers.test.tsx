/**
 * Answers a simulation cannot use still fail with a short, clear message (issue 13 item 6): a body
 * is shown by its first 2,000 characters, a handler that returns something other than a Response
 * is told what it returned and what it should return, and no answer is read without bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Response, Say } from 'twiml-jsx';
import { type App, simulateCall, simulateMessage, SimulationError } from 'twiml-jsx/testing';
import { excerpt } from '../../src/testing/describe.js';

/** A Fetch handler answering `body` with `init`. */
const answer =
  (body: BodyInit | null, init: ResponseInit = { headers: { 'Content-Type': 'text/xml' } }) =>
  () =>
    new globalThis.Response(body, init);

async function failure(app: App, simulate = simulateCall): Promise<SimulationError> {
  const error = await simulate(app).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(SimulationError);
  return error as SimulationError;
}

describe('a 5 MB answer (the issue: a 5,000,344-character message)', () => {
  const body = `<Response><Say>${'a'.repeat(5_000_000)}</Say></Response>`;

  it('fails with the problems and the first 2,000 characters of the body', async () => {
    const error = await failure(answer(body));
    const [head, ...rest] = error.message.split('\n');
    expect(head).toBe('POST https://example.com/voice answered invalid TwiML:');
    expect(rest.at(-1)).toBe(`${body.slice(0, 2000)}… (${body.length - 2000} more characters)`);
    expect(rest.slice(0, -1).map((line) => line.split(':')[0])).toEqual([
      'warning say-too-long at Response > Say (line 1, column 11)',
      'error document-too-large at Response',
    ]);
    expect(error.message.length).toBeLessThan(2_500);
    // The request keeps the whole answer.
    expect(error.requests[0].body).toBe(body);
    expect(error.requests[0].error).toBe(error.message);
  });
});

describe('every message that shows a body cuts it', () => {
  const long = (n: number) => 'x'.repeat(n);
  const cut = (text: string) => `${text.slice(0, 2000)}… (${text.length - 2000} more characters)`;

  it.each<[string, App, (text: string) => string, string]>([
    [
      'an error status',
      answer(long(3000), { status: 500 }),
      (text) => `POST https://example.com/voice answered 500:\n${cut(text)}`,
      long(3000),
    ],
    [
      'malformed XML',
      answer(`<Response>${long(3000)}`),
      (text) =>
        `POST https://example.com/voice answered malformed XML: line 1, column 3010: the document ends before its root element is closed\n${cut(text)}`,
      `<Response>${long(3000)}`,
    ],
    [
      'a handler that throws a long message',
      () => {
        throw new Error(long(3000));
      },
      (text) => `POST https://example.com/voice failed: ${cut(text)}`,
      long(3000),
    ],
    [
      'a Content-Type as long as a body',
      answer('<Response/>', { headers: { 'Content-Type': `text/${long(3000)}` } }),
      (text) =>
        `POST https://example.com/voice answered Content-Type ${cut(JSON.stringify(text))}; TwiML is served as text/xml`,
      `text/${long(3000)}`,
    ],
  ])('%s', async (_, app, message, text) => {
    expect((await failure(app)).message).toBe(message(text));
  });

  it('lists at most 50 problems, then how many more', async () => {
    const pauses = '<Pause length="0"/>'.repeat(60);
    const error = await failure(answer(`<Response>${pauses}</Response>`));
    const lines = error.message.split('\n');
    expect(lines.filter((line) => line.startsWith('error out-of-range'))).toHaveLength(50);
    expect(lines).toContain("… and 10 more problems (the request's problems list them all)");
    expect(error.requests[0].problems).toHaveLength(60);
  });

  it('shows short bodies whole', async () => {
    expect((await failure(answer('boom', { status: 500 }))).message).toBe(
      'POST https://example.com/voice answered 500:\nboom',
    );
  });
});

describe('excerpt()', () => {
  it('keeps text up to 2,000 characters, and cuts longer text to its first 2,000 and how many more', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (text) => {
        const shown = excerpt(text);
        if (text.length <= 2000) return shown === text;
        const kept = shown.slice(0, shown.indexOf('… ('));
        return (
          text.startsWith(kept) &&
          kept.length >= 1999 &&
          shown === `${kept}… (${text.length - kept.length} more characters)` &&
          // never half a surrogate pair
          !/[\uD800-\uDBFF]$/.test(kept)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('does not split a surrogate pair at the cut', () => {
    const text = `${'x'.repeat(1999)}😀${'y'.repeat(10)}`;
    expect(excerpt(text)).toBe(`${'x'.repeat(1999)}… (12 more characters)`);
  });
});

describe('a handler that returns something other than a Response', () => {
  const hint =
    'not a Response; a Fetch handler returns a Response (or a Promise of one), such as twiml(<Response>…</Response>) ' +
    "from twiml-jsx/http, or new Response(xml, { headers: { 'Content-Type': 'text/xml' } })";

  it('the issue: a string gave "Cannot read properties of undefined (reading \'get\')"', async () => {
    const error = await failure((() => '<Response><Say>Hi</Say></Response>') as never);
    expect(error.message).toBe(
      `POST https://example.com/voice failed: the handler returned "<Response><Say>Hi</Say></Response>", ${hint}`,
    );
    expect(error.requests).toMatchObject([{ status: 0, error: error.message }]);
  });

  it.each<[string, unknown, string]>([
    ['a number', 200, 'number 200'],
    ['a boolean', true, 'boolean true'],
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['an object', { status: 'ok' }, 'an object'],
    ['an array', ['<Response/>'], 'an array'],
    ['a function', function Menu() {}, 'a function (Menu)'],
    ['an element', <Response />, 'a <Response> element'],
    ['a Promise of a string', Promise.resolve('<Response/>'), 'a Promise of "<Response/>"'],
    ['a Promise of an element', Promise.resolve(<Say>Hi</Say>), 'a Promise of a <Say> element'],
    ['a Promise of undefined', Promise.resolve(undefined), 'a Promise of undefined'],
    ['a long string', 'x'.repeat(5000), `"${'x'.repeat(1999)}… (3002 more characters)`],
  ])('%s', async (_, returned, what) => {
    const message = `POST https://example.com/voice failed: the handler returned ${what}, ${hint}`;
    expect((await failure((() => returned) as never)).message).toBe(message);
    expect((await failure((() => returned) as never, simulateMessage as never)).message).toBe(
      message.replace('/voice', '/sms'),
    );
  });

  it('an async handler: a Promise of what it returned', async () => {
    const error = await failure((async () => '<Response/>') as never);
    expect(error.message).toContain('the handler returned a Promise of "<Response/>", not a Response;');
  });

  it('a Response of another kind (status, headers, text()) is read', async () => {
    const foreign = {
      status: 200,
      headers: new Headers({ 'Content-Type': 'text/xml' }),
      body: { pipe() {} },
      text: async () => '<Response><Say>Hi</Say></Response>',
    };
    const call = await simulateCall((() => foreign) as never);
    expect(call.said).toEqual(['Hi']);
  });
});

describe('no answer is read without bound', () => {
  const limit = 10 * 1024 * 1024;
  const message = `POST https://example.com/voice failed: the body is larger than ${limit} bytes, where the simulator stops reading (Twilio refuses TwiML over 65536 bytes, error 11750)`;

  it('a body that never stops', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const error = await failure(answer(endless));
    expect(error.message).toBe(message);
    // It stopped reading soon after the limit (a few chunks ahead at most).
    expect(pulled).toBeLessThan(limit + 16 * chunk.length);
  });

  it('a Content-Length over the limit, refused before reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1));
      },
    });
    const error = await failure(
      answer(body, { headers: { 'Content-Type': 'text/xml', 'Content-Length': String(limit + 1) } }),
    );
    expect(error.message).toBe(message);
    expect(pulled).toBeLessThan(10);
  });
});
