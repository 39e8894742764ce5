/**
 * Attribute groups that several elements share. Spreading a group into a table keeps each
 * row's JSDoc, so every element that uses a group documents it the same way.
 */
import { integer, listOf, method, oneOf, string, url } from './spec.js';

/** The verbs `<Response>` may hold, in voice, messaging and fax documents. */
export const TOP_LEVEL_VERBS = [
  'Connect',
  'Dial',
  'Echo',
  'Enqueue',
  'Gather',
  'Hangup',
  'Leave',
  'Pause',
  'Pay',
  'Play',
  'Record',
  'Redirect',
  'Refer',
  'Reject',
  'Say',
  'Sms',
  'Start',
  'Stop',
  'Message',
  'Receive',
] as const;

/** `<Say>`, `<Play>` and `<Pause>` are the only verbs `<Gather>` and `<Prompt>` may hold. */
export const PROMPT_VERBS = ['Say', 'Play', 'Pause'] as const;

/** SSML elements `<Say>` may hold. */
export const SSML_TAGS = ['break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'] as const;

/** The nouns `<Dial>` may hold. */
export const DIAL_NOUNS = ['Number', 'Client', 'Conference', 'Queue', 'Sip', 'Sim', 'Application', 'WhatsApp'] as const;

/** The nouns `<Connect>` may hold. */
export const CONNECT_NOUNS = [
  'AiSession',
  'Assistant',
  'Autopilot',
  'Conversation',
  'ConversationRelay',
  'ConversationRelaySession',
  'Room',
  'Stream',
  'VirtualAgent',
] as const;

/** Call-progress events the Dial nouns report to `statusCallback`. */
export const CALL_PROGRESS_EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

/** Recording events reported to `recordingStatusCallback`. */
export const RECORDING_EVENTS = ['in-progress', 'completed', 'absent'] as const;

/** `record` values of a dialed or connected call: when recording starts, mono or dual-channel. */
export const RECORD_CALL_VALUES = [
  'do-not-record',
  'record-from-answer',
  'record-from-ringing',
  'record-from-answer-dual',
  'record-from-ringing-dual',
  'true',
  'false',
] as const;

/** `trim` values of recordings. */
export const TRIM_VALUES = ['trim-silence', 'do-not-trim'] as const;

/** Tracks of a call's media that a stream, transcription or filter listens to. */
export const MEDIA_TRACKS = ['inbound_track', 'outbound_track', 'both_tracks'] as const;

/** `url`, `method` and status callbacks of a Dial noun (Number, Client, Sip, Application, WhatsApp). */
export const nounCallbacks = {
  /**
   * TwiML URL run on the called party when they answer, before the two calls are connected
   * (e.g. a whisper). It may not contain `<Dial>`.
   */
  url: url(),
  /**
   * HTTP method for `url`.
   * @default POST
   */
  method: method(),
  /**
   * Call-progress events that trigger a request to `statusCallback`.
   * @default completed
   */
  statusCallbackEvent: listOf(CALL_PROGRESS_EVENTS),
  /** URL Twilio requests on each event listed in `statusCallbackEvent`. */
  statusCallback: url(),
  /**
   * HTTP method for `statusCallback`.
   * @default POST
   */
  statusCallbackMethod: method(),
};

/** Answering-machine detection on an outgoing leg (Number, Sip). */
export const machineDetection = {
  /** Detect whether a person or a machine answers: `Enable`, or `DetectMessageEnd` to wait for the beep. */
  machineDetection: oneOf(['Enable', 'DetectMessageEnd']),
  /**
   * Seconds to spend detecting a machine before giving up (3–60).
   * @default 30
   */
  machineDetectionTimeout: integer(3, 60),
  /**
   * Milliseconds of speech after which the answer counts as a machine (1000–6000).
   * @default 2400
   */
  machineDetectionSpeechThreshold: integer(1000, 6000),
  /**
   * Milliseconds of silence after speech that end a greeting (500–5000).
   * @default 1200
   */
  machineDetectionSpeechEndThreshold: integer(500, 5000),
  /**
   * Milliseconds of initial silence after which the answer counts as a machine (2000–10000).
   * @default 5000
   */
  machineDetectionSilenceTimeout: integer(2000, 10000),
  /** URL that receives the detection result asynchronously. */
  amdStatusCallback: url(),
  /**
   * HTTP method for `amdStatusCallback`.
   * @default POST
   */
  amdStatusCallbackMethod: method(),
};

/** Recording callbacks (Dial, Record, Conference, Conversation, Recording). */
export const recordingCallbacks = {
  /** URL Twilio requests when the recording changes state (e.g. when it is available). */
  recordingStatusCallback: url(),
  /**
   * HTTP method for `recordingStatusCallback`.
   * @default POST
   */
  recordingStatusCallbackMethod: method(),
  /**
   * Recording events that trigger `recordingStatusCallback`.
   * @default completed
   */
  recordingStatusCallbackEvent: listOf(RECORDING_EVENTS),
  /** SID or name of a Recording Configuration that sets storage and encryption for the recording. */
  recordingConfigurationId: string(),
};

/**
 * `action` + `method` of verbs that report to a URL when they end and go on with the next verb
 * without one (Connect, Refer, Sms).
 */
export const actionCallback = {
  /**
   * URL Twilio requests when the verb finishes; its TwiML continues the call. Without it the
   * next verb runs; `''` is this same document, requested again (warned).
   */
  action: url({ empty: 'current-document' }),
  /**
   * HTTP method for `action`.
   * @default POST
   */
  method: method(),
};
