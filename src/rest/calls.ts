/** `client.calls`: place a call, steer or end a live one, look one up. */
import { CALL_PROGRESS_EVENTS, RECORDING_EVENTS } from '../core.js';
import { accountPath } from './endpoint.js';
import { TwilioParameterError } from './errors.js';
import { type TableOf, either, formPairs, givenOf, paramsObject } from './fields.js';
import { toCall } from './response.js';
import { checkSid } from './sids.js';
import { type RequestOptions, type ResourceContext, fetchResource } from './transport.js';
import type { Call, CreateCallFields, CreateCallParams, UpdateCallFields, UpdateCallParams } from './types.js';

/**
 * Parameters of "create a call", in the order the official helper sends them. Checked against
 * `CreateCallFields` by the compiler: one entry per field, of a kind matching its type.
 * @see https://www.twilio.com/docs/voice/api/call-resource#create-a-call-resource
 */
const CREATE_CALL = {
  to: 'string',
  from: 'string',
  method: 'method',
  fallbackUrl: 'url',
  fallbackMethod: 'method',
  statusCallback: 'url',
  statusCallbackEvent: { oneOf: CALL_PROGRESS_EVENTS, list: true },
  statusCallbackMethod: 'method',
  sendDigits: 'string',
  timeout: 'integer',
  record: 'boolean',
  recordingChannels: { oneOf: ['mono', 'dual'] },
  recordingStatusCallback: 'url',
  recordingStatusCallbackMethod: 'method',
  recordingConfigurationId: 'string',
  sipAuthUsername: 'string',
  sipAuthPassword: 'string',
  machineDetection: { oneOf: ['Enable', 'DetectMessageEnd'] },
  machineDetectionTimeout: 'integer',
  recordingStatusCallbackEvent: { oneOf: RECORDING_EVENTS, list: true },
  trim: { oneOf: ['trim-silence', 'do-not-trim'] },
  callerId: 'string',
  machineDetectionSpeechThreshold: 'integer',
  machineDetectionSpeechEndThreshold: 'integer',
  machineDetectionSilenceTimeout: 'integer',
  asyncAmd: 'boolean',
  asyncAmdStatusCallback: 'url',
  asyncAmdStatusCallbackMethod: 'method',
  passports: 'string',
  byoc: { sid: 'byoc' },
  callReason: 'string',
  callToken: 'string',
  recordingTrack: { oneOf: ['inbound', 'outbound', 'both'] },
  timeLimit: 'integer',
  clientNotificationUrl: 'url',
  url: 'url',
  twiml: 'twiml',
  applicationSid: { sid: 'application' },
} satisfies TableOf<CreateCallFields>;

/**
 * Parameters of "update a call", in the order the official helper sends them (checked against
 * `UpdateCallFields`).
 * @see https://www.twilio.com/docs/voice/api/call-resource#update-a-call-resource
 */
const UPDATE_CALL = {
  url: 'url',
  method: 'method',
  status: { oneOf: ['canceled', 'completed'] },
  fallbackUrl: 'url',
  fallbackMethod: 'method',
  statusCallback: 'url',
  statusCallbackMethod: 'method',
  twiml: 'twiml',
  timeLimit: 'integer',
} satisfies TableOf<UpdateCallFields>;

/** The sources of a call's instructions; exactly one is needed. */
const INSTRUCTIONS = ['url', 'twiml', 'applicationSid'];

/** Parameters Twilio ignores when `applicationSid` is given (the application's own settings apply). */
const OVERRIDDEN_BY_APPLICATION = [
  'method',
  'fallbackUrl',
  'fallbackMethod',
  'statusCallback',
  'statusCallbackEvent',
  'statusCallbackMethod',
];

/** Checks the rules between parameters of "create a call" that no single parameter shows. */
function checkCreate(params: Record<string, unknown>): void {
  const where = 'calls.create';
  if (givenOf(params, ['to']).length === 0) {
    throw new TwilioParameterError(
      'to',
      `${where}: to is required: the phone number, sip: URI or client: identity to call`,
    );
  }
  if (givenOf(params, ['from']).length === 0) {
    throw new TwilioParameterError(
      'from',
      `${where}: from is required: the caller ID, one of your Twilio numbers or a verified caller ID`,
      21213,
    );
  }
  const sources = givenOf(params, INSTRUCTIONS);
  if (sources.length === 0) {
    throw new TwilioParameterError(
      'url',
      `${where}: the call needs instructions: give url (a TwiML URL), twiml (inline TwiML, e.g. a JSX <Response>) ` +
        'or applicationSid (a TwiML App)',
    );
  }
  if (sources.length > 1) {
    throw new TwilioParameterError(
      sources[1],
      `${where}: give only one of url, twiml and applicationSid, not ${either(sources).replace(' or ', ' and ')}` +
        (sources.includes('url') && sources.includes('twiml') ? ' (Twilio ignores twiml when url is present)' : ''),
    );
  }
  const overridden = sources[0] === 'applicationSid' ? givenOf(params, OVERRIDDEN_BY_APPLICATION) : [];
  if (overridden.length > 0) {
    throw new TwilioParameterError(
      overridden[0],
      `${where}: Twilio ignores ${either(overridden).replace(' or ', ' and ')} when applicationSid is given ` +
        "(the TwiML App's own settings apply); set them on the application, or give url or twiml instead",
    );
  }
  if (givenOf(params, ['sendDigits', 'machineDetection']).length === 2) {
    throw new TwilioParameterError(
      'machineDetection',
      `${where}: Twilio ignores machineDetection when sendDigits is given; drop one of them`,
    );
  }
}

/**
 * The calls of the account.
 *
 * @example
 * const call = await client.calls.create({ to, from, twiml: <Response><Say>Hi</Say></Response> });
 * await client.calls.update(call.sid, { status: 'completed' });
 */
export interface CallsResource {
  /**
   * Places an outbound call. Parameters are checked before anything is sent: `to`, `from` and
   * exactly one of `url`, `twiml` (JSX or string, at most 4,000 characters, absolute URLs only)
   * and `applicationSid`.
   *
   * Not retried after a timeout, network failure or 5xx unless `retryAmbiguousFailures` is set,
   * because the call may already be ringing; 429 is retried (Twilio did not act on it).
   *
   * @example
   * const call = await client.calls.create({
   *   to: '+15558675310',
   *   from: '+15017122661',
   *   twiml: <Response><Say>Your order has shipped.</Say></Response>,
   *   statusCallback: 'https://example.com/status',
   *   statusCallbackEvent: ['initiated', 'answered', 'completed'],
   * });
   * console.log(call.sid, call.status);
   * @throws TwilioParameterError, TwiMLValidationError before any request; TwilioApiError,
   * TwilioTimeoutError, TwilioNetworkError, TwilioAbortError after.
   */
  create(params: CreateCallParams, options?: RequestOptions): Promise<Call>;
  /**
   * Changes a call in progress: new instructions (`twiml` or `url`, not both), or an end
   * (`status: 'completed'` hangs up, `'canceled'` stops a call still ringing).
   *
   * @example
   * await client.calls.update(sid, { twiml: <Response><Say>Goodbye</Say><Hangup /></Response> });
   * await client.calls.update(sid, { status: 'completed' });
   */
  update(sid: string, params: UpdateCallParams, options?: RequestOptions): Promise<Call>;
  /**
   * Looks a call up (`GET …/Calls/{sid}.json`). Retried after timeouts and 5xx too, since
   * reading twice does no harm.
   *
   * @example
   * const { status, duration } = await client.calls.get('CA…');
   */
  get(sid: string, options?: RequestOptions): Promise<Call>;
}

/**
 * The `calls` resource of a client.
 *
 * @example
 * const calls = createCallsResource({ accountSid, send });
 */
export function createCallsResource(context: ResourceContext): CallsResource {
  const { accountSid, send } = context;
  return {
    async create(params, options) {
      const given = paramsObject('calls.create', params);
      checkCreate(given);
      const form = formPairs('calls.create', CREATE_CALL, given);
      const path = accountPath(accountSid, 'Calls');
      return fetchResource(
        send,
        { operation: 'calls.create', method: 'POST', path, form, idempotent: false },
        options,
        toCall,
      );
    },
    async update(sid, params, options) {
      const where = 'calls.update';
      const path = accountPath(accountSid, 'Calls', checkSid('call', sid, where, 'sid'));
      const given = paramsObject(where, params);
      if (givenOf(given, Object.keys(UPDATE_CALL)).length === 0) {
        throw new TwilioParameterError(
          'params',
          `${where}: nothing to change: give twiml or url (new instructions), status ('completed' hangs up, ` +
            "'canceled' stops a ringing call), or another parameter",
        );
      }
      if (givenOf(given, ['url', 'twiml']).length === 2) {
        throw new TwilioParameterError(
          'twiml',
          `${where}: give url or twiml, not both (Twilio takes one or the other)`,
        );
      }
      const form = formPairs(where, UPDATE_CALL, given);
      return fetchResource(send, { operation: where, method: 'POST', path, form, idempotent: false }, options, toCall);
    },
    async get(sid, options) {
      const path = accountPath(accountSid, 'Calls', checkSid('call', sid, 'calls.get', 'sid'));
      return fetchResource(send, { operation: 'calls.get', method: 'GET', path, idempotent: true }, options, toCall);
    },
  };
}
