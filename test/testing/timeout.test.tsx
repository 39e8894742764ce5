/**
 * The simulators give up like Twilio (issue 13 item 6): a handler that never answers, a body that
 * never ends, a server that never replies fail the simulation after `timeoutMs` (default 15 s),
 * with a message naming the request. In-process handlers run on fake timers; a running server on
 * 127.0.0.1 that never replies, with a tiny timeout. Only the message is asserted, never how long it took.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type App, simulateCall, simulateMessage, SimulationError } from 'twiml-jsx/testing';

afterEach(() => {
  vi.useRealTimers();
});

const simulators = [
  ['simulateCall', (app: App, timeoutMs?: number) => simulateCall(app, { timeoutMs })],
  ['simulateMessage', (app: App, timeoutMs?: number) => simulateMessage(app, { timeoutMs })],
] as const;

/** A Fetch handler that never answers. */
const silent = () => new Promise<Response>(() => {});
/** A Fetch handler that answers headers and the start of a body that never ends. */
const endless = () =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<Response><Say>'));
      },
    }),
    { headers: { 'Content-Type': 'text/xml' } },
  );

describe.each(simulators)('%s, in-process handlers on fake timers', (name, simulate) => {
  const path = name === 'simulateCall' ? '/voice' : '/sms';

  it.each([
    ['a handler that never answers', silent, `no answer within 15000 ms`],
    ['a body that never ends', endless, `the body did not end within 15000 ms`],
  ])('%s fails after 15 s (the default), not before', async (_, handler, what) => {
    vi.useFakeTimers();
    let settled = false;
    const pending = simulate(handler).then(
      () => (settled = true),
      (error: unknown) => ((settled = true), error),
    );
    await vi.advanceTimersByTimeAsync(14_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await pending;
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).message).toBe(
      `POST https://example.com${path} failed: ${what} (timeoutMs; Twilio gives up after 15 s)`,
    );
    expect((error as SimulationError).requests).toMatchObject([
      { method: 'POST', url: `https://example.com${path}`, error: (error as Error).message },
    ]);
  });

  it('timeoutMs sets the limit', async () => {
    vi.useFakeTimers();
    const pending = simulate(silent, 2_000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(((await pending) as Error).message).toBe(
      `POST https://example.com${path} failed: no answer within 2000 ms (timeoutMs; Twilio gives up after 15 s)`,
    );
  });

  it('the handler is told through its request signal', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const pending = simulate((request) => {
      signal = request.signal;
      return silent();
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    await pending;
    expect(signal?.aborted).toBe(true);
  });
});

describe('a redirect names the URL that did not answer', () => {
  it('no answer from the Location', async () => {
    vi.useFakeTimers();
    const app = (request: Request) =>
      new URL(request.url).pathname === '/voice'
        ? new Response(null, { status: 302, headers: { Location: '/moved' } })
        : silent();
    const pending = simulateCall(app).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(((await pending) as Error).message).toBe(
      'POST https://example.com/voice failed: no answer from https://example.com/moved within 15000 ms (timeoutMs; Twilio gives up after 15 s)',
    );
  });
});

describe.each(simulators)('%s, a running server on 127.0.0.1', (name, simulate) => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler).listen(0, '127.0.0.1');
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const path = name === 'simulateCall' ? '/voice' : '/sms';

  it('that never replies fails after timeoutMs', async () => {
    const url = await listen(() => {});
    const error = await simulate(url, 50).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as Error).message).toBe(
      `POST ${url}${path} failed: no answer within 50 ms (timeoutMs; Twilio gives up after 15 s)`,
    );
  });
  // A body that never ends is tested in-process, on fake timers: with a real server, whether the
  // headers arrive before a tiny timeout depends on the machine's load.
});

describe('timeoutMs and maxRequests are checked', () => {
  it.each([
    [{ timeoutMs: 0 }, 'timeoutMs must be a positive number, got number 0'],
    [{ timeoutMs: -1 }, 'timeoutMs must be a positive number, got number -1'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs must be a positive number, got number NaN'],
    [{ timeoutMs: Infinity }, 'timeoutMs must be a positive number, got number Infinity'],
    [{ timeoutMs: '15000' }, 'timeoutMs must be a positive number, got "15000"'],
    [{ maxRequests: 0 }, 'maxRequests must be a positive number, got number 0'],
  ])('%o', async (options, message) => {
    const app = () => new Response('<Response/>', { headers: { 'Content-Type': 'text/xml' } });
    await expect(simulateCall(app, options as never)).rejects.toThrow(new TypeError(`twiml-jsx/testing: ${message}`));
    await expect(simulateMessage(app, options as never)).rejects.toThrow(
      new TypeError(`twiml-jsx/testing: ${message}`),
    );
  });
});
