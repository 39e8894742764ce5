/**
 * Timeouts, AbortSignal and network failures against a server that never answers, stalls, or is
 * not there. Timeouts are a few milliseconds; the assertions are about error types and request
 * counts, never about durations.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
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

describe('timeouts', () => {
  it('a create that gets no answer fails with TwilioTimeoutError and is not retried', async () => {
    const { client, sleeps } = ourClient(fake, { timeoutMs: 20 });
    fake.script({ hang: true });
    const error = (await failure(client.calls.create(params))) as TwilioTimeoutError;
    expect(error).toBeInstanceOf(TwilioTimeoutError);
    expect(error.timeoutMs).toBe(20);
    expect(error.message).toMatch(
      /^calls\.create \(POST .*\/Calls\.json\): no response within 20 ms\. Twilio may have acted/,
    );
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('the per-call timeoutMs wins over the client one', async () => {
    const { client } = ourClient(fake, { timeoutMs: 60_000 });
    fake.script({ hang: true });
    const error = (await failure(client.calls.get(CALL_SID, { timeoutMs: 20, maxRetries: 0 }))) as TwilioTimeoutError;
    expect(error).toBeInstanceOf(TwilioTimeoutError);
    expect(error.timeoutMs).toBe(20);
  });

  it('get() is retried after a timeout; an opted-in create too', async () => {
    const { client, sleeps } = ourClient(fake, { timeoutMs: 20 });
    fake.script({ hang: true });
    const call = await client.calls.get(CALL_SID);
    expect(call.sid).toBe(CALL_SID);
    expect(fake.requests).toHaveLength(2);
    expect(sleeps).toEqual([100]);

    fake.reset();
    fake.script({ hang: true });
    await client.calls.create(params, { retryAmbiguousFailures: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('covers the body too: headers followed by a body that never ends', async () => {
    const { client } = ourClient(fake, { timeoutMs: 50 });
    fake.script({ stall: true });
    const error = await failure(client.calls.create(params));
    expect(error).toBeInstanceOf(TwilioTimeoutError);
  });

  it('holds even when a custom fetch ignores the signal', async () => {
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { fetch: () => new Promise<Response>(() => {}), timeoutMs: 10, maxRetries: 0 },
    );
    expect(await failure(client.calls.get(CALL_SID))).toBeInstanceOf(TwilioTimeoutError);
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
