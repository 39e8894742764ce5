/** `createClient()`: credentials and options in, `calls` and `messages` out. */
import { describeValue, didYouMean } from '../core.js';
import { type CallsResource, createCallsResource } from './calls.js';
import { type Credentials, type Env, resolveCredentials, runtimeEnv } from './credentials.js';
import { type EndpointOptions, resolveBaseUrl } from './endpoint.js';
import { TwilioConfigError } from './errors.js';
import { type MessagesResource, createMessagesResource } from './messages.js';
import { type Sleep, sleep as realSleep } from './retry.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from './body.js';
import { badByteCount, badMilliseconds, badRetryCount, createTransport } from './transport.js';
import { defaultUserAgent } from './version.js';

/**
 * How a client connects. Every option may also sit in the first argument of `createClient()`
 * next to the credentials; the second argument wins when both give one.
 *
 * @example
 * createClient({}, { timeoutMs: 10_000, maxRetries: 5, edge: 'dublin', region: 'ie1' });
 */
export interface ClientOptions {
  /**
   * Send requests here instead of Twilio (a proxy, a fake API in tests). Cannot be combined
   * with `edge` / `region`.
   * @default 'https://api.twilio.com'
   */
  readonly baseUrl?: string;
  /**
   * The Twilio edge location to connect through (`dublin`, `sydney`, `tokyo`, `frankfurt`, …).
   * Give `region` with it, or neither: requests then go to `https://api.{edge}.{region}.twilio.com`.
   * @default none (api.twilio.com)
   */
  readonly edge?: string;
  /**
   * The processing region (`ie1`, `au1`, `jp1`, `us1`); needs `edge` too, since the
   * `api.{region}.twilio.com` hosts stopped working on 2026-04-28. Non-US regions also need
   * credentials created in that region.
   * @default none (US processing)
   */
  readonly region?: string;
  /**
   * The `fetch` to send requests with: a mock in tests, an instrumented one, undici's with a proxy.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch;
  /**
   * Milliseconds to wait for each attempt's response before giving up with `TwilioTimeoutError`.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Retries after a retryable failure (429 always; timeouts, network failures and 5xx only
   * for requests safe to repeat). `0` turns retrying off.
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Longest single wait between attempts, in milliseconds. Caps the backoff; a `Retry-After`
   * asking for longer is not waited out — the 429 is thrown at once, with `retryAfterMs` set.
   * @default 10000
   */
  readonly maxRetryDelayMs?: number;
  /**
   * Most bytes of a response body the client reads. A body that goes on past it (a proxy's
   * endless page, a stream that never ends, a gzip that inflates) is not buffered: reading stops
   * at the limit, the connection is closed, and a 2xx answer fails with `TwilioResponseError`
   * naming the limit. An error answer keeps its status, with the start of its body; error bodies
   * are read up to 64 KiB at most. Twilio's call and message resources are a few kilobytes.
   * @default 1048576 (1 MiB)
   * @throws TwilioConfigError unless a positive whole number.
   */
  readonly maxResponseBytes?: number;
  /**
   * The `User-Agent` header.
   * @default 'twiml-jsx/<version> (<runtime>/<version>)', e.g. 'twiml-jsx/0.2.0 (node/v20.20.2)'
   */
  readonly userAgent?: string;
  /**
   * Where `TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN` are read from (e.g. a Worker's `env`).
   * @default process.env, when the runtime has it
   */
  readonly env?: Env;
  /**
   * Waits between attempts; for tests, which replace it to run retries without real waiting.
   * @default a setTimeout-based wait that stops when the request's signal aborts
   */
  readonly sleep?: Sleep;
  /**
   * Random numbers in [0, 1) for the backoff jitter; for tests.
   * @default Math.random
   */
  readonly random?: () => number;
  /**
   * The current time in milliseconds, to read `Retry-After` dates; for tests.
   * @default Date.now
   */
  readonly now?: () => number;
}

/**
 * Credentials and options in one object, as `createClient()`'s first argument takes them.
 *
 * @example
 * createClient({ accountSid: 'AC…', authToken: '…', timeoutMs: 10_000 });
 */
export type ClientConfig = Credentials & ClientOptions;

/** What a client shows of itself in JSON, `toString()` and `console.log`: no secret. */
export interface ClientDescription {
  readonly accountSid: string;
  readonly baseUrl: string;
  /** `auth-token`, or `api-key SK…` when authenticating with an API key. */
  readonly auth: string;
}

/**
 * A Twilio REST client for one account.
 *
 * @example
 * const client = createClient();
 * const call = await client.calls.create({ to, from, twiml: <Response><Say>Hi</Say></Response> });
 */
export interface TwilioClient {
  /** The account whose resources the client uses, `AC…`. */
  readonly accountSid: string;
  /** Where requests go, without a trailing slash. */
  readonly baseUrl: string;
  /** Place, steer and look up calls. */
  readonly calls: CallsResource;
  /** Send and look up messages. */
  readonly messages: MessagesResource;
  /** The account SID, base URL and kind of credentials — never the token or secret. */
  toJSON(): ClientDescription;
  /** `TwilioClient(AC… via https://api.twilio.com, auth-token)`. */
  toString(): string;
}

const CREDENTIAL_KEYS = ['accountSid', 'authToken', 'apiKey', 'apiSecret'] as const;
const OPTION_KEYS = [
  'baseUrl',
  'edge',
  'region',
  'fetch',
  'timeoutMs',
  'maxRetries',
  'maxRetryDelayMs',
  'maxResponseBytes',
  'userAgent',
  'env',
  'sleep',
  'random',
  'now',
] as const;

function checkKeys(value: unknown, allowed: readonly string[], argument: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    // Only the type: a string here may well be a token passed in the wrong place.
    throw new TwilioConfigError(argument, `createClient: the ${argument} must be an object, got ${typeof value}`);
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new TwilioConfigError(
        key,
        `createClient: unknown option ${JSON.stringify(key)}${didYouMean(key, allowed)}`,
      );
    }
  }
  return value as Record<string, unknown>;
}

function checkOption<T>(
  options: Record<string, unknown>,
  key: string,
  problem: (value: unknown) => string | undefined,
) {
  const value = options[key];
  if (value === undefined) return undefined;
  const message = problem(value);
  if (message !== undefined) throw new TwilioConfigError(key, `createClient: ${key} must be ${message}`);
  return value as T;
}

const aFunction = (value: unknown) =>
  typeof value === 'function' ? undefined : `a function, got ${describeValue(value)}`;

/**
 * Creates a client. Credentials come from the first argument, else from the `TWILIO_ACCOUNT_SID`
 * and `TWILIO_AUTH_TOKEN` environment variables; everything is checked here, so a missing
 * credential fails at start-up rather than at the first call. The token or secret is kept
 * only inside the client's request function: it is not a property, and `JSON.stringify`,
 * `String()` and `console.log` of the client leave it out.
 *
 * @example
 * import { createClient } from 'twiml-jsx/rest';
 *
 * const client = createClient(); // TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN
 * const keyed = createClient({ accountSid: 'AC…', apiKey: 'SK…', apiSecret: '…' }, { timeoutMs: 10_000 });
 * const local = createClient({ accountSid, authToken }, { baseUrl: 'http://127.0.0.1:4010' });
 * @throws TwilioConfigError naming the missing credential (and its environment variable), an
 * unknown option, or an invalid value such as a region without an edge.
 */
export function createClient(config?: ClientConfig, options?: ClientOptions): TwilioClient {
  const first = checkKeys(config, [...CREDENTIAL_KEYS, ...OPTION_KEYS], 'first argument');
  const second = checkKeys(options, OPTION_KEYS, 'options');
  const merged: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) if (value !== undefined) merged[key] = value;

  const env = checkOption<Env>(merged, 'env', (v) => (typeof v === 'object' ? undefined : 'an object of strings'));
  const credentials = resolveCredentials(merged as Credentials, env ?? runtimeEnv());
  const baseUrl = resolveBaseUrl(merged as EndpointOptions);
  const fetchImpl =
    checkOption<typeof fetch>(merged, 'fetch', aFunction) ?? (globalThis as { fetch?: typeof fetch }).fetch;
  if (fetchImpl === undefined) {
    throw new TwilioConfigError(
      'fetch',
      'createClient: this runtime has no global fetch; pass one as the fetch option',
    );
  }
  const userAgent =
    checkOption<string>(merged, 'userAgent', (v) =>
      typeof v === 'string' && v.trim() !== '' && !/[\r\n]/.test(v) ? undefined : 'a non-empty one-line string',
    ) ?? defaultUserAgent();

  const send = createTransport({
    baseUrl,
    authorization: credentials.authorization,
    redact: credentials.redact,
    userAgent,
    fetch: fetchImpl,
    maxResponseBytes: checkOption<number>(merged, 'maxResponseBytes', badByteCount) ?? DEFAULT_MAX_RESPONSE_BYTES,
    timeoutMs: checkOption<number>(merged, 'timeoutMs', badMilliseconds) ?? 30_000,
    maxRetries: checkOption<number>(merged, 'maxRetries', badRetryCount) ?? 3,
    maxRetryDelayMs: checkOption<number>(merged, 'maxRetryDelayMs', badMilliseconds) ?? 10_000,
    sleep: checkOption<Sleep>(merged, 'sleep', aFunction) ?? realSleep,
    random: checkOption<() => number>(merged, 'random', aFunction) ?? Math.random,
    now: checkOption<() => number>(merged, 'now', aFunction) ?? Date.now,
  });

  const context = { accountSid: credentials.accountSid, send };
  const description: ClientDescription = {
    accountSid: credentials.accountSid,
    baseUrl,
    auth: credentials.apiKey === undefined ? 'auth-token' : `api-key ${credentials.apiKey}`,
  };
  const text = `TwilioClient(${description.accountSid} via ${description.baseUrl}, ${description.auth})`;
  const client: TwilioClient = {
    accountSid: credentials.accountSid,
    baseUrl,
    calls: createCallsResource(context),
    messages: createMessagesResource(context),
    toJSON: () => ({ ...description }),
    toString: () => text,
  };
  // Node's util.inspect / console.log and Deno's Deno.inspect show the description too.
  for (const symbol of [Symbol.for('nodejs.util.inspect.custom'), Symbol.for('Deno.customInspect')]) {
    Object.defineProperty(client, symbol, { value: () => text });
  }
  return Object.freeze(client);
}
