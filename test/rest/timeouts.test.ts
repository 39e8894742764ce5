/**
 * Timeouts, AbortSignal and network failures against a server that never answers, stalls, or is
 * not there. The client's timeout timer is a fake one (only setTimeout/clearTimeout are faked):
 * a test lets it fire only once the server has the request (or the client has the response's
 * headers), so nothing depends on how fast the machine is. The assertions are about error types
 * and request counts, never about durations.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TwilioAbortError, TwilioNetworkError, TwilioTimeoutError, createClient } from 'twiml-jsx/rest';
import { ourClient } from './support/clients.js';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();

const params = { to: '+15558675310', from: '+15017122661', url: 'https://example.com/voice' } as const;

/** Resolves once the fake server has received `count` requests. */
async function received(count: number): Promise<void> {
  while (fake.requests.length < count) await new Promise((resolve) => setImmediate(resolve));
}

/** Fakes the timers the client's timeout uses; I/O, setImmediate and the server stay real. */
function fakeTimeoutTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

/** Once the server holds request number `count`, lets `ms` of fake time pass (the timeout fires). */
async function timeOutRequest(count: number, ms: number): Promise<void> {
  await received(count);
  vi.advanceTimersByTime(ms);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('timeouts', () => {
  it('a create that gets no answer fails with TwilioTimeoutError and is not retried', async () => {
    fakeTimeoutTimers();
    const { client, sleeps } = ourClient(fake, { timeoutMs: 20 });
    fake.script({ hang: true });
    const pending = failure(client.calls.create(params));
    await timeOutRequest(1, 20);
    const error = (await pending) as TwilioTimeoutError;
    expect(error).toBeInstanceOf(TwilioTimeoutError);
    expect(error.timeoutMs).toBe(20);
    expect(error.message).toMatch(
      /^calls\.create \(POST .*\/Calls\.json\): no response within 20 ms\. Twilio may have acted/,
    );
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('the per-call timeoutMs wins over the client one', async () => {
    fakeTimeoutTimers();
    const { client } = ourClient(fake, { timeoutMs: 60_000 });
    fake.script({ hang: true });
    const pending = failure(client.calls.get(CALL_SID, { timeoutMs: 20, maxRetries: 0 }));
    await timeOutRequest(1, 20);
    const error = (await pending) as TwilioTimeoutError;
    expect(error).toBeInstanceOf(TwilioTimeoutError);
    expect(error.timeoutMs).toBe(20);
  });

  it('get() is retried after a timeout; an opted-in create too', async () => {
    fakeTimeoutTimers();
    const { client, sleeps } = ourClient(fake, { timeoutMs: 20 });
    fake.script({ hang: true });
    const got = client.calls.get(CALL_SID);
    await timeOutRequest(1, 20);
    expect((await got).sid).toBe(CALL_SID);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);

    fake.reset();
    fake.script({ hang: true });
    const created = client.calls.create(params, { retryAmbiguousFailures: true });
    await timeOutRequest(1, 20);
    await created;
    expect(fake.requests).toHaveLength(2);
  });

  it('covers the body too: headers followed by a body that never ends', async () => {
    fakeTimeoutTimers();
    let headersArrived!: () => void;
    const gotHeaders = new Promise<void>((resolve) => (headersArrived = resolve));
    const { client } = ourClient(fake, {
      timeoutMs: 50,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        headersArrived();
        return response;
      },
    });
    fake.script({ stall: true });
    const pending = failure(client.calls.create(params));
    await gotHeaders;
    vi.advanceTimersByTime(50);
    expect(await pending).toBeInstanceOf(TwilioTimeoutError);
  });

  it('holds even when a custom fetch ignores the signal', async () => {
    fakeTimeoutTimers();
    let fetchCalled!: () => void;
    const called = new Promise<void>((resolve) => (fetchCalled = resolve));
    const neverAnswers = () => {
      fetchCalled();
      return new Promise<Response>(() => {});
    };
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { fetch: neverAnswers, timeoutMs: 10, maxRetries: 0 },
    );
    const pending = failure(client.calls.get(CALL_SID));
    await called;
    vi.advanceTimersByTime(10);
    expect(await pending).toBeInstanceOf(TwilioTimeoutError);
  });
});

describe('AbortSignal', () => {
  it('aborting while the request is in flight rejects with TwilioAbortError carrying the reason', async () => {
    const { client } = ourClient(fake);
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = failure(client.calls.create(params, { signal: controller.signal }));
    await received(1);
    const reason = new Error('the user hung up first');
    controller.abort(reason);
    const error = (await pending) as TwilioAbortError;
    expect(error).toBeInstanceOf(TwilioAbortError);
    expect(error.cause).toBe(reason);
    expect(error.message).toMatch(
      /^calls\.create \(POST .*\): aborted by the caller's signal \(the user hung up first\)$/,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { client } = ourClient(fake);
    const error = await failure(client.messages.get('SM' + '5'.repeat(32), { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(TwilioAbortError);
    expect(fake.requests).toHaveLength(0);
  });

  it("the caller's signal is not mistaken for the timeout, and is not retried", async () => {
    const { client } = ourClient(fake, { timeoutMs: 60_000 });
    fake.script({ hang: true }, { hang: true });
    const controller = new AbortController();
    const pending = failure(client.calls.get(CALL_SID, { signal: controller.signal }));
    await received(1);
    controller.abort();
    expect(await pending).toBeInstanceOf(TwilioAbortError);
    expect(fake.requests).toHaveLength(1);
  });
});

describe('network failures', () => {
  it('a refused connection is a TwilioNetworkError naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const client = createClient({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      baseUrl: `http://127.0.0.1:${port}`,
    });
    const error = (await failure(client.calls.get(CALL_SID, { maxRetries: 0 }))) as TwilioNetworkError;
    expect(error).toBeInstanceOf(TwilioNetworkError);
    expect(error.message).toMatch(/^calls\.get \(GET .*\): network failure: .*ECONNREFUSED/);
    expect(error.message).not.toMatch(/may have acted/);
  });
});
