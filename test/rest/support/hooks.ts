/** Shared test scaffolding: one fake API per test file, fresh for every test; rejected promises as values. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from './fake-twilio.js';

/**
 * Starts a fake API before the file's tests, forgets its requests and script before each test,
 * and closes it afterwards. The object returned stands for the running server.
 */
export function useFakeTwilio(): FakeTwilio {
  let current: FakeTwilio | undefined;
  const server = () => {
    if (current === undefined) throw new Error('the fake Twilio API is not running yet (use it inside tests or hooks)');
    return current;
  };
  beforeAll(async () => {
    current = await startFakeTwilio();
  });
  afterAll(() => current?.close());
  beforeEach(() => current?.reset());
  return {
    get url() {
      return server().url;
    },
    get requests() {
      return server().requests;
    },
    script: (...replies) => server().script(...replies),
    reset: () => server().reset(),
    close: () => server().close(),
  };
}

/** The error `promise` rejects with; fails the test if it resolves. */
export function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (error: unknown) => error,
  );
}
