/** Failed responses → TwilioApiError (Twilio's JSON, problem+json, non-JSON); unusable 2xx → TwilioResponseError. */
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import * as rest from 'twiml-jsx/rest';
import { TwilioApiError, TwilioError, TwilioResponseError, type TwilioClient } from 'twiml-jsx/rest';
import { BASIC_AUTH, ourClient } from './support/clients.js';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();
let client: TwilioClient;
beforeAll(() => {
  client = ourClient(fake).client;
});

const CALLS_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`;
const create = () => client.calls.create({ to: '+15558675310', from: '+15017122661', url: 'https://example.com/v' });

describe("Twilio's error body", () => {
  it('maps { code, message, more_info, status, details } onto the error', async () => {
    fake.script({
      status: 400,
      body: {
        code: 21211,
        message: "The 'To' number +1555 is not a valid phone number.",
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
        details: { to: '+1555' },
      },
    });
    const error = (await failure(create())) as TwilioApiError;
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toBeInstanceOf(TwilioError);
    expect(error.name).toBe('TwilioApiError');
    expect(error.status).toBe(400);
    expect(error.code).toBe(21211);
    expect(error.apiMessage).toBe("The 'To' number +1555 is not a valid phone number.");
    expect(error.moreInfo).toBe('https://www.twilio.com/docs/errors/21211');
    expect(error.details).toEqual({ to: '+1555' });
    expect(error.method).toBe('POST');
    expect(error.path).toBe(CALLS_PATH);
    expect(error.message).toBe(
      `HTTP 400, Twilio error 21211 on POST ${CALLS_PATH}: The 'To' number +1555 is not a valid phone number. ` +
        '(see https://www.twilio.com/docs/errors/21211)',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('a 404 on get()', async () => {
    fake.script({
      status: 404,
      body: { code: 20404, message: 'The requested resource was not found', more_info: 'x', status: 404 },
    });
    const error = (await failure(client.calls.get(CALL_SID))) as TwilioApiError;
    expect([error.status, error.code, error.method]).toEqual([404, 20404, 'GET']);
    expect(error.details).toBeUndefined();
  });

  it('reads a code sent as a string, and tolerates a body without message', async () => {
    fake.script({ status: 401, body: { code: '20003', status: 401 } });
    const error = (await failure(create())) as TwilioApiError;
    expect(error.code).toBe(20003);
    expect(error.apiMessage).toBeUndefined();
    expect(error.message).toBe(`HTTP 401, Twilio error 20003 on POST ${CALLS_PATH}: no error message`);
  });
});

describe('other bodies', () => {
  it('problem+json: title and detail as the message, type as moreInfo, extension members as details', async () => {
    fake.script({
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({
        type: 'https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY',
        title: 'Invalid request',
        status: 422,
        detail: 'Your request is not valid and no HTTP validation response was found in the spec.',
        validation: [
          { location: ['body'], code: 'required', message: "Request body must have required property 'To'" },
        ],
      }),
    });
    const error = (await failure(create())) as TwilioApiError;
    expect(error.status).toBe(422);
    expect(error.code).toBeUndefined();
    expect(error.apiMessage).toBe(
      'Invalid request: Your request is not valid and no HTTP validation response was found in the spec.',
    );
    expect(error.moreInfo).toBe('https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY');
    expect(error.details).toEqual({
      validation: [{ location: ['body'], code: 'required', message: "Request body must have required property 'To'" }],
    });
  });

  it('a non-JSON body: no code, a one-line excerpt of at most 200 characters in the message', async () => {
    fake.script({
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: `<html>\n  <body>Bad Gateway ${'x'.repeat(300)}</body>\n</html>`,
    });
    const error = (await failure(create())) as TwilioApiError;
    const start = '<html> <body>Bad Gateway ';
    expect(error.status).toBe(502);
    expect(error.code).toBeUndefined();
    expect(error.apiMessage).toBeUndefined();
    expect(error.moreInfo).toBeUndefined();
    expect(error.message).toBe(
      `HTTP 502 on POST ${CALLS_PATH}: response body: ${start}${'x'.repeat(200 - start.length)}…`,
    );
  });

  it('an empty body', async () => {
    fake.script({ status: 503 });
    const error = (await failure(create())) as TwilioApiError;
    expect(error.message).toBe(`HTTP 503 on POST ${CALLS_PATH}: no error message`);
  });

  it('a redirect is not followed: it is an error like any status outside 2xx', async () => {
    fake.script({ status: 302, headers: { location: '/elsewhere' } });
    const error = (await failure(create())) as TwilioApiError;
    expect(error.status).toBe(302);
    expect(fake.requests).toHaveLength(1);
  });

  it('a 2xx body that is not JSON, or not a resource, is a TwilioResponseError', async () => {
    fake.script({ status: 201, headers: { 'content-type': 'text/html' }, body: '<html>OK</html>' });
    let error = (await failure(create())) as TwilioResponseError;
    expect(error).toBeInstanceOf(TwilioResponseError);
    expect(error.message).toBe(
      `calls.create (POST ${CALLS_PATH}): answered 201 with a body that is not JSON: <html>OK</html>`,
    );
    fake.script({ status: 200, body: { message: 'ok' } });
    error = (await failure(client.calls.get(CALL_SID))) as TwilioResponseError;
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/answered 200 without a call resource \(a JSON object with a "sid"\)$/);
  });
});

describe('errors hold no secret', () => {
  it('neither the token nor the Authorization header appear in message, JSON, inspect or stack', async () => {
    fake.script({ status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } });
    const error = await failure(create());
    const credential = BASIC_AUTH.slice('Basic '.length);
    for (const view of [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 10 })]) {
      expect(view).not.toContain(AUTH_TOKEN);
      expect(view).not.toContain(credential);
    }
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ status: 401, code: 20003 });
  });
});

describe('error names', () => {
  /** Arguments to build one of each exported error class with. */
  const ARGUMENTS: Record<string, unknown[]> = {
    TwilioError: ['message'],
    TwilioConfigError: ['authToken', 'message'],
    TwilioParameterError: ['twiml', 'message', 32018],
    TwilioApiError: [{ status: 400, method: 'POST', path: '/p' }],
    TwilioResponseError: [200, 'message'],
    TwilioTimeoutError: ['message', 1000],
    TwilioNetworkError: ['message', { cause: new Error('reset') }],
    TwilioAbortError: ['message'],
  };
  const errorClasses = Object.entries(rest as Record<string, unknown>).filter(
    (entry): entry is [string, new (...args: unknown[]) => Error] =>
      typeof entry[1] === 'function' && entry[1].prototype instanceof Error,
  );

  it('every exported error class is listed here (so the next one is checked too)', () => {
    expect(errorClasses.map(([name]) => name).sort()).toEqual(Object.keys(ARGUMENTS).sort());
  });

  it.each(Object.keys(ARGUMENTS))("%s: name is the class's exported name, in String() and the stack too", (name) => {
    const type = (rest as unknown as Record<string, new (...args: unknown[]) => Error>)[name];
    const error = new type(...ARGUMENTS[name]);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error.stack).toMatch(new RegExp(`^${name}: `));
    expect(error).toBeInstanceOf(TwilioError);
  });

  it('a subclass without a constructor of its own keeps its name (not "Error", not the parent\'s)', () => {
    // TwilioNetworkError and TwilioAbortError declare no constructor; neither does this one.
    class RetryBudgetExceeded extends rest.TwilioNetworkError {
      override readonly name = 'RetryBudgetExceeded' as unknown as 'TwilioNetworkError';
    }
    expect(new rest.TwilioNetworkError('x').name).toBe('TwilioNetworkError');
    expect(new rest.TwilioAbortError('x').name).toBe('TwilioAbortError');
    expect(new RetryBudgetExceeded('x').name).toBe('RetryBudgetExceeded');
    class Plain extends rest.TwilioAbortError {}
    expect(new Plain('x').name).toBe('TwilioAbortError');
  });
});
