/**
 * Shared by the http tests: signatures made by the official helper (npm `twilio`), so that our
 * verifiers are checked against Twilio's algorithm rather than against our own code; requests
 * and documents.
 */
import { createRequire } from 'node:module';
import { Hangup, Pause, Response, Say } from 'twiml-jsx';
import type { HttpMethod } from 'twiml-jsx/core';

const require = createRequire(import.meta.url);
const twilio = require('twilio') as typeof import('twilio');
const official = twilio as unknown as {
  getExpectedTwilioSignature(token: string, url: string, params: object, algorithm?: string): string;
  getExpectedBodyHash(body: string): string;
};

/** The auth token the test servers verify with. */
export const TOKEN = 'test-auth-token-0123456789abcdef';

/** Form parameters as Twilio sends them; arrays are repeated names. */
export type Form = Record<string, string | string[]>;

/** `X-Twilio-Signature` for a request, as Twilio computes it. */
export function sign(url: string, params: Form = {}, token = TOKEN, algorithm?: string): string {
  return official.getExpectedTwilioSignature(token, url, params, algorithm);
}

/** `bodySHA256` of a JSON body, as Twilio computes it. */
export function bodyHash(body: string): string {
  return official.getExpectedBodyHash(body);
}

/** An `application/x-www-form-urlencoded` body. */
export function formBody(params: Form): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
  }
  return search.toString();
}

/** The standard voice parameters of a call, plus `extra`. */
export function callParams(extra: Form = {}): Form {
  return {
    AccountSid: 'AC0123456789abcdef0123456789abcdef',
    ApiVersion: '2010-04-01',
    CallSid: 'CA0123456789abcdef0123456789abcdef',
    CallStatus: 'in-progress',
    Direction: 'inbound',
    From: '+15555550123',
    To: '+15555550100',
    FromCity: "ST. JOHN'S",
    ...extra,
  };
}

/** The request Twilio would send: a signed form POST (or GET with the parameters in the URL). */
export function twilioRequest(
  url: string,
  params: Form,
  options: { method?: HttpMethod; signature?: string | null; headers?: Record<string, string> } = {},
): Request {
  const method = options.method ?? 'POST';
  const headers: Record<string, string> = { ...options.headers };
  if (options.signature !== null)
    headers['X-Twilio-Signature'] = options.signature ?? sign(url, method === 'GET' ? {} : params);
  if (method === 'GET') return new Request(url, { method, headers });
  headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
  return new Request(url, { method, headers, body: formBody(params) });
}

/** A document that fails validation at serve time: a pause must last at least a second. */
export const broken = (
  <Response>
    <Pause length={-1} />
  </Response>
);

/** A fallback document. */
export const apology = (
  <Response>
    <Say>Sorry, something went wrong.</Say>
    <Hangup />
  </Response>
);
