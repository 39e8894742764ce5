/**
 * The client's credentials never reach an error or a log line (issue 13, item 5). A proxy or
 * gateway at `baseUrl` (here: the fake API on 127.0.0.1, answering from the request it got) may
 * echo the `Authorization` header anywhere in its answer, in any spelling; whatever the client
 * throws must hold neither the auth token / API secret nor the Basic value `base64(user:secret)`,
 * in any field, at any depth, in any encoding.
 *
 * The oracle is independent of the client's redactor: it collects every string reachable from the
 * error (own properties, hidden ones, `cause` chains, `details`, String(), JSON, util.inspect),
 * decodes each in every way the echo could have been encoded, and looks for the credentials.
 */
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ClientOptions,
  TwilioAbortError,
  TwilioApiError,
  TwilioNetworkError,
  TwilioResponseError,
  createClient,
} from 'twiml-jsx/rest';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID, type Recorded, type Reply } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();

const API_KEY = 'SK' + '7'.repeat(32);
const params = { to: '+15558675310', from: '+15017122661', url: 'https://example.com/voice' } as const;

/** One client's credentials, and what the proxy can derive from its Authorization header. */
interface Credential {
  readonly user: string;
  readonly secret: string;
  readonly apiKey: boolean;
}

interface Echoed {
  /** `Basic …`, as the request carried it. */
  readonly header: string;
  /** The base64 value. */
  readonly basic: string;
  /** `user:secret`, decoded. */
  readonly userPass: string;
  readonly secret: string;
}

/** What an echoing proxy knows: everything follows from the header it received. */
function echoed(header: string): Echoed {
  const basic = header.replace(/^Basic /, '');
  const userPass = Buffer.from(basic, 'base64').toString('utf8');
  return { header, basic, userPass, secret: userPass.slice(userPass.indexOf(':') + 1) };
}

const headerOf = ({ user, secret }: Credential) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

// ── How an echo may be spelt ────────────────────────────────────────────────────────────────

const hex4 = (unit: number) => unit.toString(16).padStart(4, '0');

/** Ways a proxy may write what it echoes. */
const SPELLINGS: Readonly<Record<string, (echo: Echoed) => string>> = {
  'the header as received': (e) => e.header,
  'the Basic value alone': (e) => e.basic,
  'the Basic value in base64url, unpadded': (e) => e.basic.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
  'user:secret, decoded': (e) => e.userPass,
  'the secret alone': (e) => e.secret,
  'percent-encoded (encodeURIComponent)': (e) => encodeURIComponent(e.header),
  'percent-encoded, lower-case hex': (e) =>
    encodeURIComponent(e.userPass).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
  'form-encoded (URLSearchParams)': (e) => new URLSearchParams({ h: e.userPass }).toString().slice(2),
  'percent-encoded twice': (e) => encodeURIComponent(encodeURIComponent(e.userPass)),
  'JSON-escaped, ASCII only, slashes escaped': (e) =>
    JSON.stringify(e.userPass)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => `\\u${hex4(c.charCodeAt(0))}`)
      .replace(/\//g, '\\/'),
  'HTML-escaped': (e) =>
    e.userPass
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
  'HTML character references throughout': (e) =>
    [...e.header].map((c) => `&#x${c.codePointAt(0)?.toString(16)};`).join(''),
};

// ── Where an echo may appear ────────────────────────────────────────────────────────────────

/** A place in an answer (or around a request) where the echo is put, and the error expected. */
interface Place {
  /** The answer, given the spelt echo. */
  readonly reply?: (echo: string) => Reply;
  /** Instead of a server: a custom fetch that fails, quoting the echo. */
  readonly failingFetch?: (echo: string) => typeof fetch;
  /** Instead of a server: the caller aborts with a reason quoting the echo. */
  readonly abortReason?: (echo: string) => unknown;
  readonly options?: (echo: string) => ClientOptions;
  /** `get` for a GET, else a create. */
  readonly get?: boolean;
  readonly error: new (...args: never[]) => Error;
}

const isHeaderSafe = (text: string) => /^[\x21-\x7e]*$/.test(text);
const html = { 'content-type': 'text/html; charset=utf-8' };

const PLACES: Readonly<Record<string, Place>> = {
  "a 4xx JSON body's message": {
    reply: (echo) => ({
      status: 401,
      body: { code: 20003, message: `Authentication failed for ${echo}`, status: 401 },
    }),
    error: TwilioApiError,
  },
  "a 5xx JSON body's details, nested": {
    reply: (echo) => ({
      status: 503,
      body: {
        code: 20503,
        message: 'Unavailable',
        details: { request: { headers: { authorization: echo } }, seen: [echo] },
      },
    }),
    error: TwilioApiError,
  },
  'a JSON key': {
    reply: (echo) => ({ status: 400, body: { code: 21211, message: 'Bad request', details: { [echo]: 'header' } } }),
    error: TwilioApiError,
  },
  "a JSON body's more_info link": {
    reply: (echo) => ({
      status: 404,
      body: {
        code: 20404,
        message: 'Not found',
        more_info: `https://proxy.example/debug?auth=${encodeURIComponent(echo)}`,
      },
    }),
    error: TwilioApiError,
  },
  'problem+json: type, detail and an extension member': {
    reply: (echo) => ({
      status: 422,
      headers: { 'content-type': 'application/problem+json' },
      body: JSON.stringify({
        type: `https://proxy.example/errors?h=${encodeURIComponent(echo)}`,
        title: 'Rejected',
        detail: `header ${echo}`,
        request: { authorization: echo },
      }),
    }),
    error: TwilioApiError,
  },
  'an HTML error page': {
    reply: (echo) => ({
      status: 502,
      headers: html,
      body: `<html><body><h1>Bad Gateway</h1><pre>Authorization: ${echo}</pre></body></html>`,
    }),
    error: TwilioApiError,
  },
  'a script inside an HTML page': {
    reply: (echo) => ({
      status: 500,
      headers: html,
      body: `<script>var request = { "authorization": ${JSON.stringify(echo)} };</script>`,
    }),
    error: TwilioApiError,
  },
  'a plain-text dump of the request': {
    reply: (echo) => ({
      status: 400,
      headers: { 'content-type': 'text/plain' },
      body: `POST /2010-04-01/... HTTP/1.1\r\nAuthorization: ${echo}\r\nAccept: application/json\r\n`,
    }),
    error: TwilioApiError,
  },
  "a redirect's Location": {
    reply: (echo) => ({
      status: 307,
      headers: {
        location: isHeaderSafe(echo)
          ? `https://proxy.example/${echo}`
          : `https://proxy.example/login?next=${encodeURIComponent(echo)}`,
      },
    }),
    error: TwilioApiError,
  },
  'a 2xx body that is not JSON': {
    reply: (echo) => ({ status: 200, headers: html, body: `<p>Signed in as ${echo}</p>` }),
    get: true,
    error: TwilioResponseError,
  },
  'a 429 body, after the retries': {
    reply: (echo) => ({
      status: 429,
      headers: { 'retry-after': '0' },
      body: { code: 20429, message: `Too many: ${echo}` },
    }),
    error: TwilioApiError,
  },
  'an error body over maxResponseBytes, cut in the middle of the echo': {
    reply: (echo) => ({ status: 500, headers: html, body: `${'<'.repeat(40)}${echo}${'>'.repeat(3000)}` }),
    options: (echo) => ({ maxResponseBytes: 40 + Math.ceil(Buffer.byteLength(echo) / 2) }),
    error: TwilioApiError,
  },
  "a network error's message, cause and properties": {
    failingFetch: (echo) => async () => {
      const cause = Object.assign(new Error(`proxy refused ${echo}`), {
        code: 'EPROXY',
        request: { headers: { Authorization: echo } },
        ...(isHeaderSafe(echo) ? { headers: new Headers({ 'proxy-authorization': echo }) } : {}),
      });
      throw new TypeError('fetch failed', { cause });
    },
    error: TwilioNetworkError,
  },
  "the caller's abort reason": {
    abortReason: (echo) => new Error(`gave up on ${echo}`),
    error: TwilioAbortError,
  },
};

/** Sends one request whose answer (or failure) carries `spelling` of the header at `place`. */
async function errorFor(credential: Credential, place: Place, spelling: (echo: Echoed) => string): Promise<unknown> {
  const echo = spelling(echoed(headerOf(credential)));
  const fetchImpl = place.failingFetch?.(echo);
  const client = createClient(
    credential.apiKey
      ? { accountSid: ACCOUNT_SID, apiKey: credential.user, apiSecret: credential.secret }
      : { accountSid: ACCOUNT_SID, authToken: credential.secret },
    { baseUrl: fake.url, maxRetries: 0, ...(fetchImpl ? { fetch: fetchImpl } : {}), ...place.options?.(echo) },
  );
  // The proxy spells what it received, so the echo follows from the request itself.
  if (place.reply)
    fake.script({ from: (request: Recorded) => place.reply!(spelling(echoed(request.headers.authorization!))) });
  const signal = place.abortReason ? AbortSignal.abort(place.abortReason(echo)) : undefined;
  return failure(place.get ? client.calls.get(CALL_SID, { signal }) : client.calls.create(params, { signal }));
}

// ── The oracle ──────────────────────────────────────────────────────────────────────────────

/** Every string reachable from `value`: own properties (hidden ones too), keys, entries. */
function stringsIn(value: unknown, out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') out.push(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof Error) stringsIn(value.stack, out, seen);
  if (value instanceof Map || value instanceof Set || value instanceof Headers) {
    for (const entry of value.entries()) stringsIn([...entry], out, seen);
  }
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === 'string') out.push(key);
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) stringsIn(descriptor.value, out, seen);
  }
  return out;
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodings of a string, each undoing one way the echo may have been encoded. */
function decodings(text: string): string[] {
  const percent = (s: string) =>
    s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
      const decoded = bytes.toString('utf8');
      return Buffer.from(decoded, 'utf8').equals(bytes) ? decoded : run;
    });
  const json = (s: string) =>
    s
      .replace(/(?:\\u[0-9a-fA-F]{4})+/g, (run) => JSON.parse(`"${run}"`) as string)
      .replace(/\\(["\\/bfnrt])/g, (_, c: string) => JSON.parse(`"\\${c}"`) as string);
  const htmlText = (s: string) =>
    s.replace(/&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (_, dec, hexa, name) =>
      name ? NAMED[name] : String.fromCodePoint(Number.parseInt(dec ?? hexa, dec ? 10 : 16)),
    );
  const form = (s: string) => percent(s.replace(/\+/g, ' '));
  const decoders = [(s: string) => s, percent, form, json, htmlText];
  // One decoding, or two in a row (an HTML-escaped echo inside a percent-encoded link, twice percent-encoded).
  return [...new Set(decoders.flatMap((first) => decoders.map((second) => second(first(text)))))];
}

/** Every run of `length` characters of `text` (of at least three different characters, so none is mere padding). */
const runsOf = (text: string, length: number) =>
  [...Array(Math.max(0, text.length - length + 1)).keys()]
    .map((start) => text.slice(start, start + length))
    .filter((run) => new Set(run).size >= 3);

/** How many characters of a credential count as a leak. */
const LEAK_LENGTH = 8;

/**
 * The pieces of credentials found in `error` (empty when it holds none): any 8 characters in a
 * row of the secret, or of the part of the Basic value that encodes it (both base64 alphabets).
 */
function leaks(error: unknown, credential: Credential): string[] {
  const basic = headerOf(credential).slice('Basic '.length).replace(/=+$/, '');
  // From this index on, every base64 character depends on the secret (3 bytes → 4 characters).
  const secretPart = basic.slice((Math.floor((Buffer.byteLength(credential.user) + 1) / 3) + 1) * 4);
  const needles = [secretPart, secretPart.replace(/\+/g, '-').replace(/\//g, '_')].flatMap((part) =>
    runsOf(part, LEAK_LENGTH),
  );
  // Shorter secrets are only promised out of the Basic value (the docs say so).
  if (credential.secret.length >= 8) needles.push(...runsOf(credential.secret, LEAK_LENGTH));
  const views = [
    ...stringsIn(error),
    String(error),
    JSON.stringify(error) ?? '',
    inspect(error, { showHidden: true, depth: 20 }),
  ];
  const found = new Set<string>();
  for (const view of views) {
    for (const decoded of decodings(view))
      for (const needle of needles) if (decoded.includes(needle)) found.add(needle);
  }
  return [...found];
}

// ── Credential shapes ───────────────────────────────────────────────────────────────────────

const TOKEN: Credential = { user: ACCOUNT_SID, secret: AUTH_TOKEN, apiKey: false };
const fromChars = (chars: string, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...chars), minLength, maxLength });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Characters that every encoding treats specially. */
const AWKWARD = ' "\\/%+&<>\'=:#?;\n\t\u007f';
const anyGrapheme = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 });

/** Secrets: Twilio's (32 hex digits; 32 letters and digits for API keys) and odd ones. */
const secretArbitrary = fc.oneof(
  fromChars('0123456789abcdef', 32, 32),
  fromChars(ALNUM, 32, 32),
  fc
    .array(fc.oneof(fc.constantFrom(...AWKWARD), fc.constantFrom(...ALNUM), anyGrapheme), {
      minLength: 8,
      maxLength: 40,
    })
    .map((parts) => parts.join(''))
    .filter((secret) => !/[\uD800-\uDFFF]/.test(secret.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))),
);
const credentialArbitrary = fc
  .record({
    apiKey: fc.boolean(),
    secret: secretArbitrary,
  })
  .map(({ apiKey, secret }): Credential => ({ user: apiKey ? API_KEY : ACCOUNT_SID, secret, apiKey }));

// ── Tests ───────────────────────────────────────────────────────────────────────────────────

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
beforeAll(() => {
  // fast-check builds its grapheme tables on first use, blocking the event loop for seconds;
  // done here, before any connection exists, no keep-alive connection goes stale meanwhile.
  fc.sample(secretArbitrary, 1);
});
beforeEach(() => {
  for (const method of consoleMethods) vi.spyOn(console, method);
});
afterEach(() => {
  // Nothing is logged: the client writes no log line at all, so none can hold a secret.
  for (const method of consoleMethods) expect(console[method]).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe('a proxy at baseUrl that echoes the Authorization header', () => {
  it('in an error body: no field of the error holds the Basic value or the token (issue 13, item 5)', async () => {
    fake.script({
      from: (request) => ({
        status: 401,
        body: {
          code: 20003,
          message: `Proxy rejected Authorization: ${request.headers.authorization}`,
          details: { headers: { authorization: request.headers.authorization } },
        },
      }),
    });
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { baseUrl: fake.url });
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error.status).toBe(401);
    expect(error.apiMessage).toBe('Proxy rejected Authorization: Basic [redacted]');
    expect(error.message).toMatch(
      /^HTTP 401, Twilio error 20003 on POST \/2010-04-01\/.*: Proxy rejected Authorization: Basic \[redacted\]$/,
    );
    expect(error.details).toEqual({ headers: { authorization: 'Basic [redacted]' } });
    expect(leaks(error, TOKEN)).toEqual([]);
  });

  it("takes the Basic value's base64 padding with it", async () => {
    const token = 'b'.repeat(32); // 'AC…:' + 32 characters is 67 bytes: the base64 ends in '=='
    expect(headerOf({ user: ACCOUNT_SID, secret: token, apiKey: false })).toMatch(/==$/);
    fake.script({ from: (request) => ({ status: 401, body: { message: `got ${request.headers.authorization}.` } }) });
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: token }, { baseUrl: fake.url });
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect(error.apiMessage).toBe('got Basic [redacted].');
  });

  it('the oracle finds every spelling when nothing is redacted', () => {
    const header = headerOf(TOKEN);
    for (const [name, spell] of Object.entries(SPELLINGS)) {
      expect(leaks(new Error(`echo: ${spell(echoed(header))}`), TOKEN), name).not.toEqual([]);
    }
  });

  describe.each(Object.entries(PLACES))('in %s', (_, place) => {
    it.each(Object.keys(SPELLINGS))(
      'spelt as %s: the error keeps its kind and holds no credential',
      async (spelling) => {
        const error = await errorFor(TOKEN, place, SPELLINGS[spelling]);
        expect(error).toBeInstanceOf(place.error);
        expect(leaks(error, TOKEN)).toEqual([]);
      },
    );
  });

  it('any credential shape, any place, any spelling (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        credentialArbitrary,
        fc.constantFrom(...Object.keys(PLACES)),
        fc.constantFrom(...Object.keys(SPELLINGS)),
        async (credential, place, spelling) => {
          fake.reset();
          const error = await errorFor(credential, PLACES[place], SPELLINGS[spelling]);
          expect(error).toBeInstanceOf(PLACES[place].error);
          expect(leaks(error, credential)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    // Each run creates a client and a request; on a loaded machine 300 of them take a while.
  }, 120_000);
});

describe('what redaction leaves alone', () => {
  it('an error without an echo is unchanged; a foreign cause that holds none is the same object', async () => {
    fake.script({
      status: 400,
      body: { code: 21211, message: "The 'To' number is not valid", details: { to: '+1555' } },
    });
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }, { baseUrl: fake.url });
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect(error.apiMessage).toBe("The 'To' number is not valid");
    expect(error.details).toEqual({ to: '+1555' });

    const cause = new Error('socket hang up');
    const failing = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { fetch: async () => Promise.reject(new TypeError('fetch failed', { cause })), maxRetries: 0 },
    );
    const network = (await failure(failing.calls.get(CALL_SID))) as TwilioNetworkError;
    expect((network.cause as Error).cause).toBe(cause);
  });

  it('a foreign cause that holds one is replaced by a copy of the same class, the original untouched', async () => {
    class ProxyError extends Error {}
    const header = headerOf(TOKEN);
    const original = new ProxyError(`refused ${header}`);
    const client = createClient(
      { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
      { fetch: async () => Promise.reject(original), maxRetries: 0 },
    );
    const error = (await failure(client.calls.get(CALL_SID))) as TwilioNetworkError;
    expect(error.cause).toBeInstanceOf(ProxyError);
    expect(error.cause).not.toBe(original);
    expect((error.cause as Error).message).toBe('refused Basic [redacted]');
    expect(original.message).toBe(`refused ${header}`);
  });

  it('a secret shorter than 8 characters is redacted within the Basic value, not on its own', async () => {
    const short: Credential = { user: ACCOUNT_SID, secret: 'x', apiKey: false };
    fake.script({ from: (request) => ({ status: 401, body: { message: `bad ${request.headers.authorization} x` } }) });
    const client = createClient({ accountSid: ACCOUNT_SID, authToken: 'x' }, { baseUrl: fake.url });
    const error = (await failure(client.calls.create(params))) as TwilioApiError;
    expect(error.apiMessage).toBe('bad Basic [redacted] x');
    expect(leaks(error, short)).toEqual([]);
  });
});
