/**
 * Retries: 429 always (Retry-After honoured, full-jitter backoff, at most maxRetries); ambiguous
 * failures (5xx, network, timeout) only for get() or when the caller opts in. Waits go through an
 * injected sleep and random source, so nothing here depends on timing.
 */
import { describe, expect, it } from 'vitest';
import { type ClientOptions, TwilioAbortError, TwilioApiError, TwilioNetworkError } from 'twiml-jsx/rest';
import { ourClient } from './support/clients.js';
import { CALL_SID, type Reply } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();

const TOO_MANY: Reply = {
  status: 429,
  body: {
    code: 20429,
    message: 'Too Many Requests',
    more_info: 'https://www.twilio.com/docs/errors/20429',
    status: 429,
  },
};
const CRASH: Reply = { status: 500, body: { code: 20500, message: 'Internal Server Error', status: 500 } };
const params = { to: '+15558675310', from: '+15017122661', url: 'https://example.com/voice' } as const;

function setup(options: ClientOptions = {}) {
  return ourClient(fake, options);
}

/** A random source that returns `values` in turn. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length];
};

describe('429 Too Many Requests', () => {
  it('is retried, even for a create, with the same request', async () => {
    const { client, sleeps } = setup();
    fake.script(TOO_MANY);
    const call = await client.calls.create(params);
    expect(call.sid).toBe(CALL_SID);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].body).toBe(fake.requests[0].body);
    expect(fake.requests[1].headers.authorization).toBe(fake.requests[0].headers.authorization);
    expect(sleeps).toEqual([100]); // floor(0.5 × 200)
  });

  it('waits a random time below 200 × 2^n ms before retry n (full jitter), capped by maxRetryDelayMs', async () => {
    const { client, sleeps } = setup({ random: sequence(0.999, 0.5, 0.25) });
    fake.script(TOO_MANY, TOO_MANY, TOO_MANY);
    await client.messages.create({ to: '+15558675310', from: '+15017122661', body: 'x' });
    expect(sleeps).toEqual([199, 200, 200]);

    const capped = setup({ random: () => 0.999, maxRetryDelayMs: 300 });
    fake.script(TOO_MANY, TOO_MANY, TOO_MANY);
    await capped.client.calls.get(CALL_SID);
    expect(capped.sleeps).toEqual([199, 299, 299]);

    const zero = setup({ random: () => 0 });
    fake.script(TOO_MANY);
    await zero.client.calls.get(CALL_SID);
    expect(zero.sleeps).toEqual([0]);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const { client, sleeps } = setup({ now: () => Date.parse('2030-01-01T00:00:00Z') });
    fake.script(
      { ...TOO_MANY, headers: { 'retry-after': '2' } },
      { ...TOO_MANY, headers: { 'retry-after': 'Tue, 01 Jan 2030 00:00:03 GMT' } },
      { ...TOO_MANY, headers: { 'retry-after': 'Mon, 31 Dec 2029 23:59:00 GMT' } },
    );
    await client.calls.create(params);
    expect(sleeps).toEqual([2000, 3000, 0]);
    expect(fake.requests).toHaveLength(4);
  });

  it('ignores an unreadable Retry-After and backs off instead', async () => {
    const { client, sleeps } = setup();
    fake.script({ ...TOO_MANY, headers: { 'retry-after': 'soon' } });
    await client.calls.create(params);
    expect(sleeps).toEqual([100]);
  });

  it('gives up after maxRetries retries (default 3) with the last 429', async () => {
    const { client, sleeps } = setup();
    fake.script(TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY);
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect(error).toBeInstanceOf(TwilioApiError);
    expect([error.status, error.code, error.moreInfo]).toEqual([
      429,
      20429,
      'https://www.twilio.com/docs/errors/20429',
    ]);
    expect(fake.requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('maxRetries from the client and per call; 0 turns retrying off', async () => {
    const { client } = setup({ maxRetries: 1 });
    fake.script(TOO_MANY, TOO_MANY, TOO_MANY);
    await failure(client.calls.create(params));
    expect(fake.requests).toHaveLength(2);

    fake.reset();
    fake.script(TOO_MANY, TOO_MANY);
    await client.calls.create(params, { maxRetries: 2 });
    expect(fake.requests).toHaveLength(3);

    fake.reset();
    fake.script(TOO_MANY);
    await failure(client.calls.create(params, { maxRetries: 0 }));
    expect(fake.requests).toHaveLength(1);
  });

  it('a Retry-After longer than maxRetryDelayMs is not waited out: the 429 is thrown at once', async () => {
    const { client, sleeps } = setup({ maxRetryDelayMs: 5_000 });
    fake.script({ ...TOO_MANY, headers: { 'retry-after': '60' } });
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect([error.status, error.retryAfterMs]).toEqual([429, 60_000]);
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('ambiguous failures', () => {
  it('a create is not retried after a 5xx', async () => {
    const { client, sleeps } = setup();
    fake.script(CRASH);
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect([error.status, error.code]).toEqual([500, 20500]);
    expect(fake.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('nor is a message create or a call update', async () => {
    const { client } = setup();
    fake.script({ status: 503 }, { status: 502 });
    await failure(client.messages.create({ to: '+15558675310', from: '+15017122661', body: 'x' }));
    await failure(client.calls.update(CALL_SID, { status: 'completed' }));
    expect(fake.requests).toHaveLength(2);
  });

  it('a create is retried after a 5xx when the caller opts in, honouring Retry-After', async () => {
    const { client, sleeps } = setup();
    fake.script(CRASH, { status: 503, headers: { 'retry-after': '1' } });
    const call = await client.calls.create(params, { retryAmbiguousFailures: true });
    expect(call.sid).toBe(CALL_SID);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 1000]);
  });

  it('get() is retried after 500, 502, 503 and 504, but not after 501', async () => {
    const { client } = setup({ maxRetries: 4 });
    fake.script({ status: 500 }, { status: 502 }, { status: 503 }, { status: 504 });
    await client.calls.get(CALL_SID);
    expect(fake.requests).toHaveLength(5);

    fake.reset();
    fake.script({ status: 501 });
    await failure(client.calls.get(CALL_SID));
    expect(fake.requests).toHaveLength(1);
  });

  it('get() can opt out', async () => {
    const { client } = setup();
    fake.script(CRASH);
    await failure(client.messages.get('SM' + '5'.repeat(32), { retryAmbiguousFailures: false }));
    expect(fake.requests).toHaveLength(1);
  });

  it('a create is not retried after a dropped connection, and says why', async () => {
    const { client } = setup();
    fake.script({ drop: true });
    const error = (await failure(client.calls.create(params))) as TwilioNetworkError;
    expect(error).toBeInstanceOf(TwilioNetworkError);
    expect(error.message).toMatch(
      /^calls\.create \(POST \/2010-04-01\/Accounts\/AC\w+\/Calls\.json\): network failure: /,
    );
    expect(error.message).toMatch(/Twilio may have acted on the request, so it was not retried/);
    expect(error.message).toMatch(/retryAmbiguousFailures: true/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(fake.requests).toHaveLength(1);
  });

  it('get() is retried after a dropped connection', async () => {
    const { client, sleeps } = setup();
    fake.script({ drop: true }, { drop: true });
    await client.calls.get(CALL_SID);
    expect(fake.requests).toHaveLength(3);
    expect(sleeps).toEqual([100, 200]);
  });

  it('a 4xx other than 429 is never retried', async () => {
    const { client } = setup();
    fake.script({ status: 400, body: { code: 21211, message: 'bad', status: 400 } });
    await failure(client.calls.get(CALL_SID, { retryAmbiguousFailures: true }));
    expect(fake.requests).toHaveLength(1);
  });
});

describe('aborting between attempts', () => {
  it("stops the wait as soon as the caller's signal aborts", async () => {
    const controller = new AbortController();
    const { client } = setup({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort(new Error('user left'));
        }),
    });
    fake.script(TOO_MANY);
    const error = (await failure(client.calls.create(params, { signal: controller.signal }))) as TwilioAbortError;
    expect(error).toBeInstanceOf(TwilioAbortError);
    expect(error.message).toMatch(/aborted by the caller's signal \(user left\)$/);
    expect(fake.requests).toHaveLength(1);
  });
});
