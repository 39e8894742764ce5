/**
 * The statuses Twilio reports, once for every entry: the Calls and Messages resources
 * (`twiml-jsx/rest`), the webhook parameters (`twiml-jsx/http`) and the simulator
 * (`twiml-jsx/testing`) all read them from here.
 */

/**
 * Where a call stands, as the Calls resource reports it.
 * @see https://www.twilio.com/docs/voice/api/call-resource#call-status-values
 */
export const CALL_STATUSES = [
  'queued',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;

/** Where a call stands: one of {@link CALL_STATUSES}. */
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * `CallStatus` as webhooks send it: a call status, or `initiated` (status callbacks of calls
 * being set up).
 * @see https://www.twilio.com/docs/voice/twiml#request-parameters
 */
export type CallWebhookStatus = CallStatus | 'initiated';

/** Which way a call goes: `Direction` of voice webhooks and of the Calls resource. */
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';

/**
 * Call-progress events a call can report to its `statusCallback` (`StatusCallbackEvent`).
 * @see https://www.twilio.com/docs/voice/api/call-resource#statuscallbackevent
 */
export const CALL_PROGRESS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

/** One of {@link CALL_PROGRESS_EVENTS}. */
export type CallProgressEvent = (typeof CALL_PROGRESS_EVENTS)[number];

/**
 * Recording events a call can report to its `recordingStatusCallback`.
 * @see https://www.twilio.com/docs/voice/api/call-resource#create-a-call-resource
 */
export const RECORDING_EVENTS = ['in-progress', 'completed', 'absent'] as const;

/** One of {@link RECORDING_EVENTS}. */
export type RecordingEvent = (typeof RECORDING_EVENTS)[number];

/**
 * Where a message stands, as the Messages resource and message status callbacks report it.
 * @see https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
 */
export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
] as const;

/** Where a message stands: one of {@link MESSAGE_STATUSES}. */
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * How a `<Dial>` ended: `DialCallStatus` of its `action` request (`answered` only for
 * conferences).
 * @see https://www.twilio.com/docs/voice/twiml/dial#dialcallstatus-values
 */
export const DIAL_CALL_STATUSES = ['completed', 'answered', 'busy', 'no-answer', 'failed', 'canceled'] as const;

/** One of {@link DIAL_CALL_STATUSES}. */
export type DialCallStatus = (typeof DIAL_CALL_STATUSES)[number];
