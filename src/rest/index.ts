/**
 * twiml-jsx/rest: a small Twilio REST client on the global `fetch` — place calls whose TwiML is
 * JSX, steer or end them, send messages. No dependencies; runs in Node ≥ 18, Bun, Deno and
 * Workers. Requests are the official helper's on the wire (form-encoded, PascalCase keys,
 * repeated keys for arrays, Basic auth); results are typed with its camelCase names.
 *
 * @example
 * import { Response, Say } from 'twiml-jsx';
 * import { createClient } from 'twiml-jsx/rest';
 *
 * const client = createClient(); // TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN
 * const call = await client.calls.create({
 *   to: '+15558675310',
 *   from: '+15017122661',
 *   twiml: <Response><Say>Hello from twiml-jsx</Say></Response>,
 * });
 * await client.messages.create({ to: '+15558675310', from: '+15017122661', body: `Call ${call.sid} placed` });
 */
export {
  createClient,
  type ClientConfig,
  type ClientDescription,
  type ClientOptions,
  type TwilioClient,
} from './client.js';
export type { ApiKeyCredentials, AuthTokenCredentials, Credentials, Env } from './credentials.js';
export type { CallsResource } from './calls.js';
export type { MessagesResource } from './messages.js';
export type { RequestOptions } from './transport.js';
export type { Sleep } from './retry.js';
export {
  TwilioAbortError,
  TwilioApiError,
  TwilioConfigError,
  TwilioError,
  TwilioNetworkError,
  TwilioParameterError,
  TwilioResponseError,
  TwilioTimeoutError,
  type TwilioApiErrorInit,
} from './errors.js';
export { MAX_INLINE_TWIML_LENGTH } from './twiml.js';
export { VERSION } from './version.js';
export type {
  AtLeastOne,
  AtMostOne,
  Call,
  CallProgressEvent,
  CallStatus,
  CreateCallFields,
  CreateCallParams,
  CreateMessageFields,
  CreateMessageParams,
  ExactlyOne,
  HttpMethod,
  InlineTwiML,
  Message,
  MessageDirection,
  MessageStatus,
  RecordingEvent,
  UpdateCallFields,
  UpdateCallParams,
} from './types.js';
