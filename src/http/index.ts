/**
 * `twiml-jsx/http`: serve TwiML from any web framework, and let only webhooks signed by Twilio
 * through.
 *
 * - Serving: `twiml()` (Fetch `Response`: Hono, Next.js, Remix, Bun, Deno, Workers),
 *   `sendTwiML()` (Node `ServerResponse`: node:http, Express, Fastify's `reply.raw`),
 *   `expressTwiML()`, `fastifyTwiML()`.
 * - Signatures: `validateRequest()`, `validateRequestWithBody()`, `computeSignature()`,
 *   `computeBodyHash()`: Twilio's algorithm; whatever the official helper accepts is accepted,
 *   and also the `'` that Fetch runtimes hand over as `%27` (at most 38 URL spellings a request).
 * - Verifying requests: `verifyWebhook()` / `webhookVerifier()` (Fetch), `honoWebhook()`,
 *   `expressWebhook()`, `fastifyWebhook()`, `nodeWebhook()`. The URL checked takes its host
 *   from the `Host` header (`X-Forwarded-*` only with `trustProxy`); the auth token is read when
 *   the first request arrives (a build needs none; without one: 500, logged once).
 * - Parameters: `VoiceWebhook`, `MessagingWebhook`, `GatherCallback`, `DialCallback`, … and
 *   `readWebhook()` / `readForm()`.
 * - Limits: every verifier and reader reads at most `maxBodyBytes` (256 KiB) and `maxParams`
 *   (1,000 form parameters) before it can tell who sent the request, and answers 413 beyond;
 *   rejections are logged at a bounded rate (`rejectionLogger()`).
 *
 * Names spell `TwiML` as Twilio does (`sendTwiML`, `expressTwiML`, `TwiMLInit`); a name that
 * starts with the word takes the case of its kind: the function `twiml()` (as `json()` and
 * `html()` in web frameworks) and the constant `TWIML_CONTENT_TYPE`. The 0.1 spellings
 * (`sendTwiml`, `expressTwiml`, `fastifyTwiml`, `TwimlInit`) remain as deprecated aliases until 0.3.
 *
 * `twiml()` needs only the Fetch API. The signature functions use `node:crypto` and
 * `node:querystring`, and `fastifyWebhook` `node:stream`: Node, Bun, Deno and Workers with
 * `nodejs_compat` have them.
 *
 * @example
 * import { twiml, verifyWebhook } from 'twiml-jsx/http';
 * app.post('/voice', async (c) => {
 *   const check = await verifyWebhook(c.req.raw);
 *   if (!check.valid) return check.response;
 *   return twiml(<Response><Say>Hello</Say></Response>);
 * });
 */
export { twiml, TWIML_CONTENT_TYPE, type HeadersList, type ServeOptions, type TwiMLInit } from './serve.js';
export {
  sendTwiML,
  nodeWebhook,
  type NodeHeaders,
  type NodeRequestInfo,
  type NodeRequestLike,
  type NodeResponseLike,
  type NodeWebhookOptions,
} from './node.js';
export { expressTwiML, expressWebhook, type ExpressRequestLike, type NextFunctionLike } from './express.js';
export {
  fastifyTwiML,
  fastifyWebhook,
  type FastifyInstanceLike,
  type FastifyReplyLike,
  type FastifyWebhookPlugin,
} from './fastify.js';
export { honoWebhook, type HonoContextLike } from './hono.js';
export {
  computeBodyHash,
  computeSignature,
  signatureAlgorithmOf,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  validateRequest,
  validateRequestWithBody,
  type ParamValue,
  type SignatureAlgorithm,
  type SignatureOptions,
  type SignedParams,
} from './signature.js';
export {
  verifyWebhook,
  webhookVerifier,
  type FetchWebhookVerification,
  type WebhookOptions,
  type WebhookRejection,
  type WebhookVerification,
} from './verify.js';
export type { PublicUrlOptions } from './public-url.js';
export { expressTwiml, fastifyTwiml, sendTwiml, type TwimlInit } from './deprecated.js';
export { parseForm, readForm, readWebhook } from './body.js';
export {
  BodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_PARAMS,
  TooManyParamsError,
  type BodyLimitOptions,
} from './limits.js';
export { rejectionLogger, type RejectionLoggerOptions } from './rejection-log.js';
export type {
  CallDirection,
  CallStatus,
  CallStatusCallback,
  CallWebhookStatus,
  DialCallback,
  DialCallStatus,
  EnqueueCallback,
  EnqueueWaitCallback,
  FormParams,
  GatherCallback,
  GeographicFields,
  GatherPartialResultCallback,
  MessageStatus,
  MessageStatusCallback,
  MessagingWebhook,
  PayCallback,
  PaymentFields,
  PayResult,
  PayStatusCallback,
  QueueCallback,
  QueueResult,
  RecordCallback,
  RecordingStatusCallback,
  SmsCallback,
  TranscriptionCallback,
  VoiceWebhook,
} from './webhook-params.js';
