/** createClient(): credentials (and their defaults), hosts, options, and secrets kept out of sight. */
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ClientConfig, TwilioConfigError, TwilioParameterError, createClient } from 'twiml-jsx/rest';
import { BASIC_AUTH } from './support/clients.js';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID, callJson } from './support/fake-twilio.js';
import { useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();
afterEach(() => vi.unstubAllEnvs());

const API_KEY = 'SK' + '7'.repeat(32);
const API_SECRET = 'api-secret-value-0123456789';
const NO_ENV = {};

/** Expects createClient to throw a TwilioConfigError for `option` with a message matching `message`. */
function configError(create: () => unknown, option: string, message: RegExp): TwilioConfigError {
  let thrown: unknown;
  try {
    create();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TwilioConfigError);
  const error = thrown as TwilioConfigError;
  expect(error.option).toBe(option);
  expect(error.message).toMatch(message);
  return error;
}

/** A fetch that records what it was asked and answers with a call. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return new Response(JSON.stringify(callJson()), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('credentials', () => {
  it('default to TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN from the env option', async () => {
    const client = createClient(
      {},
      { baseUrl: fake.url, env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN } },
    );
    await client.calls.get(CALL_SID);
    expect(client.accountSid).toBe(ACCOUNT_SID);
    expect(fake.requests[0].headers.authorization).toBe(BASIC_AUTH);
  });

  it('default to process.env', async () => {
    vi.stubEnv('TWILIO_ACCOUNT_SID', ACCOUNT_SID);
    vi.stubEnv('TWILIO_AUTH_TOKEN', AUTH_TOKEN);
    const client = createClient(undefined, { baseUrl: fake.url });
    await client.calls.get(CALL_SID);
    expect(fake.requests[0].headers.authorization).toBe(BASIC_AUTH);
  });

  it('given explicitly win over the environment', async () => {
    const other = 'AC' + 'b'.repeat(32);
    const client = createClient(
      { accountSid: other, authToken: 'explicit' },
      { baseUrl: fake.url, env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN } },
    );
    await client.calls.get(CALL_SID);
    expect(fake.requests[0].url).toBe(`/2010-04-01/Accounts/${other}/Calls/${CALL_SID}.json`);
    expect(fake.requests[0].headers.authorization).toBe(`Basic ${Buffer.from(`${other}:explicit`).toString('base64')}`);
  });

  it('missing ones fail at creation, naming the option and the environment variable', () => {
    configError(() => createClient({ authToken: AUTH_TOKEN }, { env: NO_ENV }), 'accountSid', /TWILIO_ACCOUNT_SID/);
    configError(
      () => createClient({ accountSid: ACCOUNT_SID }, { env: NO_ENV }),
      'authToken',
      /^createClient: no auth token: pass authToken \(or apiKey and apiSecret\) or set the TWILIO_AUTH_TOKEN environment variable$/,
    );
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, authToken: '' }, { env: NO_ENV }),
      'authToken',
      /no auth token/,
    );
  });

  it('a malformed account SID is described, never echoed (it may be a token pasted in the wrong place)', () => {
    const error = configError(
      () => createClient({ accountSid: AUTH_TOKEN, authToken: ACCOUNT_SID }, { env: NO_ENV }),
      'accountSid',
      /accountSid must be "AC" followed by 32 hex digits; the value given is 37 characters long$/,
    );
    expect(error.message).not.toContain(AUTH_TOKEN.slice(0, 8));
    configError(
      () => createClient({ accountSid: API_KEY, authToken: 'x' }, { env: NO_ENV }),
      'accountSid',
      /starts with "SK"\. An API key SID goes in apiKey, with apiSecret and the account SID/,
    );
    configError(
      () => createClient({}, { env: { TWILIO_ACCOUNT_SID: 'ACnope', TWILIO_AUTH_TOKEN: 'x' } }),
      'accountSid',
      /^createClient: TWILIO_ACCOUNT_SID must be "AC"/,
    );
  });

  it('an API key authenticates as the key; the account SID stays in the path', async () => {
    const client = createClient(
      { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET },
      { baseUrl: fake.url },
    );
    await client.calls.get(CALL_SID);
    expect(fake.requests[0].url).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`);
    expect(fake.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`${API_KEY}:${API_SECRET}`).toString('base64')}`,
    );
    expect(client.toJSON()).toEqual({ accountSid: ACCOUNT_SID, baseUrl: fake.url, auth: `api-key ${API_KEY}` });
  });

  it('API key mistakes', () => {
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, apiKey: API_KEY } as ClientConfig, { env: NO_ENV }),
      'apiSecret',
      /apiKey was given without apiSecret/,
    );
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, apiSecret: 'x' } as ClientConfig, { env: NO_ENV }),
      'apiKey',
      /apiSecret was given without apiKey/,
    );
    configError(
      () =>
        createClient({
          accountSid: ACCOUNT_SID,
          apiKey: API_KEY,
          apiSecret: 'x',
          authToken: 'y',
        } as unknown as ClientConfig),
      'authToken',
      /either authToken, or apiKey with apiSecret, not both/,
    );
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, apiKey: 'SKshort', apiSecret: 'x' }),
      'apiKey',
      /apiKey must be "SK" followed by 32 hex digits; the value given is 7 characters long and starts with "SK"/,
    );
  });

  it('non-ASCII secrets are sent as UTF-8, as Buffer would encode them', async () => {
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: 'pässwörd-🔑' }, { baseUrl: fake.url });
    await client.calls.get(CALL_SID);
    expect(fake.requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:pässwörd-🔑`, 'utf8').toString('base64')}`,
    );
  });

  it('a credential that is not a string is refused', () => {
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, authToken: 12345 as unknown as string }),
      'authToken',
      /authToken must be a string, got number/,
    );
  });
});

describe('the client keeps its secret to itself', () => {
  const client = createClient({ accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: API_SECRET }, { env: NO_ENV });
  const tokenClient = createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { env: NO_ENV });

  it('in JSON, toString(), util.inspect (even with hidden properties) and its own keys', () => {
    for (const [c, secret] of [
      [client, API_SECRET],
      [tokenClient, AUTH_TOKEN],
    ] as const) {
      const views = [
        JSON.stringify(c),
        String(c),
        `${c}`,
        inspect(c),
        inspect(c, { showHidden: true, depth: Infinity, customInspect: false }),
        JSON.stringify(Object.entries(c)),
      ];
      for (const view of views) {
        expect(view).not.toContain(secret);
        expect(view).not.toContain(Buffer.from(secret).toString('base64').slice(0, 12));
      }
    }
    expect(String(tokenClient)).toBe(`TwilioClient(${ACCOUNT_SID} via https://api.twilio.com, auth-token)`);
    expect(inspect(tokenClient)).toBe(String(tokenClient));
    expect(tokenClient.toJSON()).toEqual({
      accountSid: ACCOUNT_SID,
      baseUrl: 'https://api.twilio.com',
      auth: 'auth-token',
    });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(tokenClient)).toBe(true);
  });
});

describe('hosts', () => {
  it('api.twilio.com by default', async () => {
    const { fetch, calls } = recordingFetch();
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, fetch });
    await client.calls.get(CALL_SID);
    expect(calls[0].url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`);
    expect(calls[0].init.method).toBe('GET');
    expect(calls[0].init.redirect).toBe('manual');
  });

  it('edge and region build https://api.{edge}.{region}.twilio.com', async () => {
    const { fetch, calls } = recordingFetch();
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { edge: 'dublin', region: 'ie1', fetch },
    );
    expect(client.baseUrl).toBe('https://api.dublin.ie1.twilio.com');
    await client.calls.get(CALL_SID);
    expect(calls[0].url).toMatch(/^https:\/\/api\.dublin\.ie1\.twilio\.com\/2010-04-01\/Accounts\//);
  });

  it('a region alone is refused, explaining why and suggesting its edge', () => {
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, region: 'au1' }),
      'region',
      /region "au1" needs an edge too: the api\.\{region\}\.twilio\.com hosts stopped working on 2026-04-28.*\{ edge: 'sydney', region: 'au1' \}/,
    );
  });

  it('an edge alone is refused, since the region decides where data is processed', () => {
    configError(
      () => createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, edge: 'sydney' }),
      'edge',
      /edge "sydney" needs a region too: the region decides where data is processed/,
    );
  });

  it('baseUrl: trailing slashes dropped, a path prefix kept; no edge with it; no credentials, query or odd scheme', () => {
    const make = (options: object) => createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, ...options });
    expect(make({ baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe('http://127.0.0.1:4010');
    expect(make({ baseUrl: 'https://proxy.example.com/twilio/' }).baseUrl).toBe('https://proxy.example.com/twilio');
    configError(() => make({ baseUrl: 'http://x.test', edge: 'dublin', region: 'ie1' }), 'baseUrl', /not both/);
    configError(
      () => make({ baseUrl: 'api.twilio.com' }),
      'baseUrl',
      /absolute http\(s\) URL .*, got "api\.twilio\.com"/,
    );
    configError(() => make({ baseUrl: 'ftp://x.test' }), 'baseUrl', /http or https, not ftp:/);
    configError(
      () => make({ baseUrl: 'https://u:p@x.test' }),
      'baseUrl',
      /must not hold credentials, a query or a fragment/,
    );
    configError(() => make({ edge: 'Dublin!', region: 'ie1' }), 'edge', /lower-case host label/);
  });
});

describe('options', () => {
  it('may sit in the first object; the second argument wins', async () => {
    const first = recordingFetch();
    const second = recordingFetch();
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, fetch: first.fetch, userAgent: 'one/1' },
      { fetch: second.fetch },
    );
    await client.calls.get(CALL_SID);
    expect(first.calls).toHaveLength(0);
    expect((second.calls[0].init.headers as Record<string, string>)['User-Agent']).toBe('one/1');
  });

  it('userAgent replaces the default', async () => {
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { baseUrl: fake.url, userAgent: 'my-app/2.0' },
    );
    await client.calls.get(CALL_SID);
    expect(fake.requests[0].headers['user-agent']).toBe('my-app/2.0');
  });

  it('unknown options are refused with a suggestion; bad values name the option', () => {
    const base = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
    configError(
      () => createClient({ ...base, timeout: 5 } as ClientConfig),
      'timeout',
      /unknown option "timeout"; did you mean "timeoutMs"\?/,
    );
    configError(() => createClient(base, { authToken: 'x' } as object), 'authToken', /unknown option "authToken"/);
    configError(
      () => createClient(base, { timeoutMs: 0 }),
      'timeoutMs',
      /timeoutMs must be a positive number of milliseconds up to 2147483647 \(about 24.8 days\), got 0/,
    );
    configError(
      () => createClient(base, { maxRetries: -1 }),
      'maxRetries',
      /maxRetries must be a whole number ≥ 0, got -1/,
    );
    configError(() => createClient(base, { maxRetries: 1.5 }), 'maxRetries', /got 1\.5/);
    configError(() => createClient(base, { userAgent: 'a\r\nX-Evil: 1' }), 'userAgent', /one-line string/);
    configError(() => createClient(base, { fetch: 'fetch' as unknown as typeof fetch }), 'fetch', /must be a function/);
    configError(
      () => createClient(base, 'fast' as unknown as object),
      'options',
      /the options must be an object, got string/,
    );
  });

  it('bad per-call options are refused before any request', async () => {
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { baseUrl: fake.url });
    const error = await client.calls.get(CALL_SID, { timeoutMs: -5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TwilioParameterError);
    expect((error as TwilioParameterError).message).toMatch(
      /calls\.get \(GET .*\): timeoutMs must be a positive number/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
