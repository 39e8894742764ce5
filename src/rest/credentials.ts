/**
 * Credentials: an account SID with its auth token, or an API key (SK…) with its secret. They
 * default to the `TWILIO_ACCOUNT_SID` / `TWILIO_AUTH_TOKEN` environment variables and become a
 * Basic `Authorization` header. Secret values never appear in an error message.
 */
import { isSid, SID_PREFIXES, sidPrefixesText } from '../core.js';
import { TwilioConfigError } from './errors.js';
import { createRedactor, type Redactor } from './redact.js';

/**
 * Account SID + auth token. Both fall back to the environment.
 *
 * @example
 * createClient({ accountSid: 'ACxxxxxxxx…', authToken: process.env.TOKEN });
 */
export interface AuthTokenCredentials {
  /**
   * Your account SID, `AC` followed by 32 hex digits.
   * @default the TWILIO_ACCOUNT_SID environment variable
   */
  readonly accountSid?: string;
  /**
   * The account's auth token.
   * @default the TWILIO_AUTH_TOKEN environment variable
   */
  readonly authToken?: string;
  readonly apiKey?: undefined;
  readonly apiSecret?: undefined;
}

/**
 * An API key and its secret, for the account `accountSid`. Requests authenticate as the key;
 * the account SID only goes into the URL.
 *
 * @example
 * createClient({ accountSid: 'AC…', apiKey: 'SK…', apiSecret: process.env.TWILIO_API_SECRET });
 */
export interface ApiKeyCredentials {
  /**
   * The account the key belongs to, `AC` followed by 32 hex digits.
   * @default the TWILIO_ACCOUNT_SID environment variable
   */
  readonly accountSid?: string;
  /** The API key SID, `SK` followed by 32 hex digits. */
  readonly apiKey: string;
  /** The API key's secret, shown once when the key was created. */
  readonly apiSecret: string;
  readonly authToken?: undefined;
}

/** Either kind of credentials. */
export type Credentials = AuthTokenCredentials | ApiKeyCredentials;

/** Where environment variables are read from. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What a client keeps from its credentials. */
export interface ResolvedCredentials {
  readonly accountSid: string;
  /** The API key SID when authenticating with a key. */
  readonly apiKey: string | undefined;
  /** `Basic …`: with `redact`, the only place the secret is kept. */
  readonly authorization: string;
  /** Removes every spelling of the secret and of the Basic value from text and errors. */
  readonly redact: Redactor;
}

/** The credentials a client keeps: the Basic header and the redactor of its secret. */
function resolved(accountSid: string, apiKey: string | undefined, secret: string): ResolvedCredentials {
  const basic = base64(`${apiKey ?? accountSid}:${secret}`);
  return { accountSid, apiKey, authorization: `Basic ${basic}`, redact: createRedactor({ basic, secret }) };
}

/** The environment of the current runtime, when it has one (`process.env` in Node, Bun, Deno 2). */
export function runtimeEnv(): Env {
  const process = (globalThis as { process?: { env?: Env } }).process;
  return process?.env ?? {};
}

/** Base64 of the UTF-8 bytes of `text`, with `btoa` (no Buffer, so it runs everywhere). */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Describes a malformed SID without echoing it (it may be a secret pasted in the wrong place). */
function describeMalformed(value: string): string {
  const prefix = /^[A-Z]{2}/.exec(value)?.[0];
  return `the value given is ${value.length} characters long${prefix ? ` and starts with "${prefix}"` : ''}`;
}

function text(value: unknown, option: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    // Only the type, never the value (not even through describeValue): it may be a secret.
    throw new TwilioConfigError(option, `createClient: ${option} must be a string, got ${typeof value}`);
  }
  return value;
}

/**
 * Picks the credentials from `input`, then from `env`, and checks them.
 *
 * @throws TwilioConfigError naming the missing option and its environment variable, or
 * describing a malformed SID (without repeating its value).
 */
export function resolveCredentials(input: Credentials, env: Env): ResolvedCredentials {
  const given = input as Record<string, unknown>;
  const apiKey = text(given.apiKey, 'apiKey');
  const apiSecret = text(given.apiSecret, 'apiSecret');
  const authTokenGiven = text(given.authToken, 'authToken');

  const accountSidGiven = text(given.accountSid, 'accountSid');
  const accountSid = accountSidGiven ?? text(env.TWILIO_ACCOUNT_SID, 'TWILIO_ACCOUNT_SID');
  const from = accountSidGiven !== undefined ? 'accountSid' : 'TWILIO_ACCOUNT_SID';
  if (accountSid === undefined) {
    throw new TwilioConfigError(
      'accountSid',
      'createClient: no account SID: pass accountSid or set the TWILIO_ACCOUNT_SID environment variable',
    );
  }
  if (!isSid('account', accountSid)) {
    throw new TwilioConfigError(
      'accountSid',
      `createClient: ${from} must be ${sidPrefixesText('account')} followed by 32 hex digits; ${describeMalformed(accountSid)}` +
        (SID_PREFIXES.apiKey.some((prefix) => accountSid.startsWith(prefix))
          ? '. An API key SID goes in apiKey, with apiSecret and the account SID'
          : ''),
    );
  }

  if (apiKey !== undefined || apiSecret !== undefined) {
    if (authTokenGiven !== undefined) {
      throw new TwilioConfigError(
        'authToken',
        'createClient: give either authToken, or apiKey with apiSecret, not both',
      );
    }
    if (apiKey === undefined) {
      throw new TwilioConfigError('apiKey', 'createClient: apiSecret was given without apiKey (the SK… key SID)');
    }
    if (apiSecret === undefined) {
      throw new TwilioConfigError('apiSecret', 'createClient: apiKey was given without apiSecret (the key secret)');
    }
    if (!isSid('apiKey', apiKey)) {
      throw new TwilioConfigError(
        'apiKey',
        `createClient: apiKey must be ${sidPrefixesText('apiKey')} followed by 32 hex digits; ${describeMalformed(apiKey)}`,
      );
    }
    return resolved(accountSid, apiKey, apiSecret);
  }

  const authToken = authTokenGiven ?? text(env.TWILIO_AUTH_TOKEN, 'TWILIO_AUTH_TOKEN');
  if (authToken === undefined) {
    throw new TwilioConfigError(
      'authToken',
      'createClient: no auth token: pass authToken (or apiKey and apiSecret) or set the TWILIO_AUTH_TOKEN environment variable',
    );
  }
  return resolved(accountSid, undefined, authToken);
}
