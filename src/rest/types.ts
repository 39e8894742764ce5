/**
 * Parameters and results of the Calls and Messages resources, with the names Twilio's official
 * helper uses (the form key with its first letter lower-cased: `statusCallbackEvent` ↔
 * `StatusCallbackEvent`) and its conversions (dates as `Date`, `errorCode` as a number).
 */
import type {
  CallProgressEvent,
  CallStatus,
  HttpMethod,
  MessageStatus,
  RecordingEvent,
  TwiMLElement,
} from '../core.js';

/** Statuses, events and methods are the core's, shared with `twiml-jsx/http` and `twiml-jsx/testing`. */
export type { CallProgressEvent, CallStatus, HttpMethod, MessageStatus, RecordingEvent };

/** Which way a message went. */
export type MessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

/**
 * Inline TwiML: a JSX element (rendered and validated, with the XML declaration, exactly as
 * the official helper sends a `VoiceResponse`) or a TwiML string sent as it is.
 */
export type InlineTwiML = TwiMLElement | string;

/** Every parameter of "create a call"; see `CreateCallParams` for which are required. */
export interface CreateCallFields {
  /** Who to call: an E.164 phone number (`+15558675310`), a `sip:` URI or a `client:` identity. */
  readonly to: string;
  /**
   * The caller ID: one of your Twilio numbers or a verified caller ID. When `to` is a phone
   * number, this must be a phone number too.
   */
  readonly from: string;
  /**
   * Absolute URL of the TwiML to run when the call connects. Exactly one of `url`, `twiml` and
   * `applicationSid` is required.
   */
  readonly url?: string;
  /**
   * The TwiML to run when the call connects, sent with the request: a JSX element or a string
   * of at most 4,000 characters. Exactly one of `url`, `twiml` and `applicationSid` is
   * required. Relative URLs cannot be resolved in inline TwiML, so elements holding them are
   * refused.
   * @example <Response><Say>Hello from twiml-jsx</Say></Response>
   */
  readonly twiml?: InlineTwiML;
  /**
   * A TwiML App (`AP…`) that handles the call with its own voice URL and callbacks; `method`,
   * `fallbackUrl`, `fallbackMethod` and the `statusCallback*` parameters are then ignored by
   * Twilio, so they are refused here. Exactly one of `url`, `twiml` and `applicationSid` is
   * required.
   */
  readonly applicationSid?: string;
  /**
   * How Twilio requests `url`.
   * @default 'POST'
   */
  readonly method?: HttpMethod;
  /** URL Twilio requests when requesting `url` fails. */
  readonly fallbackUrl?: string;
  /**
   * How Twilio requests `fallbackUrl`.
   * @default 'POST'
   */
  readonly fallbackMethod?: HttpMethod;
  /**
   * URL Twilio requests as the call progresses, once per event in `statusCallbackEvent`. Its
   * host name must not contain underscores.
   */
  readonly statusCallback?: string;
  /**
   * Events reported to `statusCallback`; each is sent as its own `StatusCallbackEvent` key.
   * @default ['completed']
   */
  readonly statusCallbackEvent?: readonly CallProgressEvent[];
  /**
   * How Twilio requests `statusCallback`.
   * @default 'POST'
   */
  readonly statusCallbackMethod?: HttpMethod;
  /**
   * Touch-tones to play once the call connects: up to 32 of `0-9`, `A-D`, `#`, `*`, with `w`
   * (half a second) and `W` (a second) as pauses. When set, `machineDetection` is ignored by
   * Twilio, so the two are refused together.
   * @example '1234#'
   */
  readonly sendDigits?: string;
  /**
   * Seconds to let the callee's phone ring before giving up (Twilio may add a few seconds).
   * @default 60
   */
  readonly timeout?: number;
  /**
   * Record the whole call.
   * @default false
   */
  readonly record?: boolean;
  /**
   * `mono` mixes both legs into one channel; `dual` keeps each leg in its own.
   * @default 'mono'
   */
  readonly recordingChannels?: 'mono' | 'dual';
  /** URL Twilio requests when the recording is available. */
  readonly recordingStatusCallback?: string;
  /**
   * How Twilio requests `recordingStatusCallback`.
   * @default 'POST'
   */
  readonly recordingStatusCallbackMethod?: HttpMethod;
  /** The recording configuration to apply when recording and processing the call. */
  readonly recordingConfigurationId?: string;
  /** User name for authenticating to a SIP `to`. */
  readonly sipAuthUsername?: string;
  /** Password for authenticating to a SIP `to`. */
  readonly sipAuthPassword?: string;
  /**
   * Answering machine detection: `Enable` returns as soon as a human or machine is detected;
   * `DetectMessageEnd` waits for the end of a machine's greeting.
   */
  readonly machineDetection?: 'Enable' | 'DetectMessageEnd';
  /**
   * Seconds answering machine detection may take.
   * @default 30
   */
  readonly machineDetectionTimeout?: number;
  /** Recording events reported to `recordingStatusCallback`; each is sent as its own key. */
  readonly recordingStatusCallbackEvent?: readonly RecordingEvent[];
  /**
   * Whether to remove silence from the start and end of the recording.
   * @default 'trim-silence'
   */
  readonly trim?: 'trim-silence' | 'do-not-trim';
  /** The caller identity presented to the callee (a phone number, SIP or client identity). */
  readonly callerId?: string;
  /**
   * Milliseconds of speech that separate a human (shorter) from a machine (longer), 1000–6000.
   * @default 2400
   */
  readonly machineDetectionSpeechThreshold?: number;
  /**
   * Milliseconds of silence after speech that end the speech, 500–5000.
   * @default 1200
   */
  readonly machineDetectionSpeechEndThreshold?: number;
  /**
   * Milliseconds of initial silence after which the result is `unknown`, 2000–10000.
   * @default 5000
   */
  readonly machineDetectionSilenceTimeout?: number;
  /**
   * Run answering machine detection in the background instead of holding the call until it
   * finishes; the result goes to `asyncAmdStatusCallback`. Sent as `true` / `false`.
   * @default false
   */
  readonly asyncAmd?: boolean | 'true' | 'false';
  /** URL that receives the result of background answering machine detection. */
  readonly asyncAmdStatusCallback?: string;
  /**
   * How Twilio requests `asyncAmdStatusCallback`.
   * @default 'POST'
   */
  readonly asyncAmdStatusCallbackMethod?: HttpMethod;
  /** STIR/SHAKEN passports for the call, base64-encoded; several (at most 5) are comma-separated. */
  readonly passports?: string;
  /** A Bring Your Own Carrier trunk (`BY…`) to place the call through; only for phone-number `to`. */
  readonly byoc?: string;
  /** Why the call is being placed, shown to the callee by branded calling (beta). */
  readonly callReason?: string;
  /** The token of an incoming call, when forwarding it, so the caller's details carry over. */
  readonly callToken?: string;
  /**
   * Which audio to record: `inbound` (what Twilio hears), `outbound` (what Twilio plays) or both.
   * @default 'both'
   */
  readonly recordingTrack?: 'inbound' | 'outbound' | 'both';
  /** Longest the call may last, in seconds; Twilio hangs up after it. */
  readonly timeLimit?: number;
  /** URL used to send a push notification when `to` is a client identity. */
  readonly clientNotificationUrl?: string;
}

/** Exactly one of the keys `K` is given (and not `undefined`). */
export type ExactlyOne<T, K extends keyof T> = {
  [P in K]: Required<Pick<T, P>> & { readonly [Q in Exclude<K, P>]?: undefined };
}[K];

/** At least one of the keys `K` is given. */
export type AtLeastOne<T, K extends keyof T> = {
  [P in K]: Required<Pick<T, P>> & Partial<Pick<T, Exclude<K, P>>>;
}[K];

/** At most one of the keys `K` is given. */
export type AtMostOne<T, K extends keyof T> = ExactlyOne<T, K> | { readonly [Q in K]?: undefined };

/**
 * Parameters of `calls.create()`: `to`, `from`, and exactly one source of instructions —
 * `url`, `twiml` or `applicationSid`.
 *
 * @example
 * { to: '+15558675310', from: '+15017122661', twiml: <Response><Say>Hi</Say></Response> }
 */
export type CreateCallParams = Omit<CreateCallFields, 'url' | 'twiml' | 'applicationSid'> &
  ExactlyOne<CreateCallFields, 'url' | 'twiml' | 'applicationSid'>;

/** Every parameter of "update a call"; see `UpdateCallParams`. */
export interface UpdateCallFields {
  /** Absolute URL of new TwiML for the live call (it stops what it is doing and runs it). */
  readonly url?: string;
  /**
   * How Twilio requests `url`.
   * @default 'POST'
   */
  readonly method?: HttpMethod;
  /**
   * End the call: `canceled` stops a call that is still queued or ringing; `completed` hangs up
   * a call in progress.
   */
  readonly status?: 'canceled' | 'completed';
  /** URL Twilio requests when requesting `url` fails. */
  readonly fallbackUrl?: string;
  /**
   * How Twilio requests `fallbackUrl`.
   * @default 'POST'
   */
  readonly fallbackMethod?: HttpMethod;
  /** URL Twilio requests when the call ends. */
  readonly statusCallback?: string;
  /**
   * How Twilio requests `statusCallback`.
   * @default 'POST'
   */
  readonly statusCallbackMethod?: HttpMethod;
  /**
   * New TwiML for the live call, sent with the request: a JSX element or a string of at most
   * 4,000 characters. Cannot be combined with `url`.
   */
  readonly twiml?: InlineTwiML;
  /** New longest duration of the call, in seconds. */
  readonly timeLimit?: number;
}

/**
 * Parameters of `calls.update()`: at least one field, and not both `url` and `twiml`.
 *
 * @example
 * { status: 'completed' } // hang up
 * { twiml: <Response><Say>Goodbye</Say><Hangup /></Response> } // say goodbye, then hang up
 */
export type UpdateCallParams = Omit<UpdateCallFields, 'url' | 'twiml'> & AtMostOne<UpdateCallFields, 'url' | 'twiml'>;

/** Every parameter of "send a message"; see `CreateMessageParams` for which are required. */
export interface CreateMessageFields {
  /** The recipient: an E.164 number or a channel address such as `whatsapp:+15558675310`. */
  readonly to: string;
  /** URL Twilio requests as the message's status changes (queued, sent, delivered, …). */
  readonly statusCallback?: string;
  /** A TwiML App (`AP…`) whose message status callback is used when `statusCallback` is not given. */
  readonly applicationSid?: string;
  /**
   * Highest price you accept for the message. No longer has any effect.
   * @deprecated Twilio ignores it since 2024-06-03.
   */
  readonly maxPrice?: number;
  /**
   * Ask for feedback on whether the message arrived.
   * @default false
   */
  readonly provideFeedback?: boolean;
  /** How many times your application has tried to send this message. */
  readonly attempt?: number;
  /**
   * Seconds the message may wait in the queue before it is dropped, 1–36000.
   * @default 36000
   */
  readonly validityPeriod?: number;
  /** Reserved by Twilio. */
  readonly forceDelivery?: boolean;
  /** Whether Twilio keeps the message body: `retain` or `discard`. */
  readonly contentRetention?: 'retain' | 'discard';
  /** Whether Twilio keeps the phone numbers: `retain` or `obfuscate`. */
  readonly addressRetention?: 'retain' | 'obfuscate';
  /**
   * Replace Unicode look-alike characters with GSM-7 ones, so the message needs fewer segments.
   * @default false
   */
  readonly smartEncoded?: boolean;
  /** Rich actions attached to the message (e.g. a WhatsApp location); each is its own key. */
  readonly persistentAction?: readonly string[];
  /** Traffic type; `free` is the only value. */
  readonly trafficType?: 'free';
  /**
   * Replace links in the body with shortened ones (needs `messagingServiceSid`).
   * @default false
   */
  readonly shortenUrls?: boolean;
  /** `fixed` schedules the message for `sendAt` (needs `messagingServiceSid`). */
  readonly scheduleType?: 'fixed';
  /**
   * When to send a scheduled message: a `Date` (sent as `YYYY-MM-DDTHH:mm:ssZ` in UTC, as the
   * official helper does) or an ISO-8601 string. Needs `scheduleType: 'fixed'`.
   */
  readonly sendAt?: Date | string;
  /**
   * Send as MMS even without media.
   * @default false
   */
  readonly sendAsMms?: boolean;
  /** Values of the Content Template's variables, as a JSON string (needs `contentSid`). */
  readonly contentVariables?: string;
  /**
   * What the message is for, used by traffic shaping and compliance tools: `otp`,
   * `notifications`, `marketing`, `fraud`, `security`, `customercare`, `delivery`, `education`,
   * `polling`, `announcements`, `events`, or another value Twilio adds.
   */
  readonly messageIntent?:
    | 'otp'
    | 'notifications'
    | 'marketing'
    | 'fraud'
    | 'security'
    | 'customercare'
    | 'delivery'
    | 'education'
    | 'polling'
    | 'announcements'
    | 'events'
    | (string & {});
  /** Turn Twilio's fraud checks for this message on or off. */
  readonly riskCheck?: 'enable' | 'disable';
  /**
   * The sender: a Twilio number, an alphanumeric sender ID, a short code or a channel address.
   * At least one of `from` and `messagingServiceSid` is required.
   */
  readonly from?: string;
  /** SMS sender used when an RCS message cannot be delivered (needs `messagingServiceSid`). */
  readonly fallbackFrom?: string;
  /**
   * A Messaging Service (`MG…`) that picks the sender from its pool. At least one of `from` and
   * `messagingServiceSid` is required; with both, `from` picks the sender within the service.
   */
  readonly messagingServiceSid?: string;
  /**
   * The text, up to 1,600 characters. At least one of `body`, `mediaUrl` and `contentSid` is
   * required.
   */
  readonly body?: string;
  /**
   * Absolute URLs of media to attach (at most 10); each is sent as its own `MediaUrl` key. At
   * least one of `body`, `mediaUrl` and `contentSid` is required.
   */
  readonly mediaUrl?: readonly string[];
  /**
   * A Content Template (`HX…`) to send. At least one of `body`, `mediaUrl` and `contentSid` is
   * required.
   */
  readonly contentSid?: string;
}

/**
 * Parameters of `messages.create()`: `to`, a sender (`from` and/or `messagingServiceSid`) and
 * content (`body`, `mediaUrl` and/or `contentSid`).
 *
 * @example
 * { to: '+15558675310', from: '+15017122661', body: 'Your table is ready' }
 */
export type CreateMessageParams = Omit<
  CreateMessageFields,
  'from' | 'messagingServiceSid' | 'body' | 'mediaUrl' | 'contentSid'
> &
  AtLeastOne<CreateMessageFields, 'from' | 'messagingServiceSid'> &
  AtLeastOne<CreateMessageFields, 'body' | 'mediaUrl' | 'contentSid'>;

/**
 * A call, as Twilio describes it, with camelCase names. Twilio may send `null` for any field
 * but `sid` and `accountSid`; dates are `Date`s (`null` when absent or unreadable).
 */
export interface Call {
  /** The call's SID, `CA…`. */
  readonly sid: string;
  /** When the call resource was created. */
  readonly dateCreated: Date | null;
  /** When the call resource last changed. */
  readonly dateUpdated: Date | null;
  /** The call that created this one (e.g. the incoming call of a `<Dial>`). */
  readonly parentCallSid: string | null;
  /** The account that owns the call, `AC…`. */
  readonly accountSid: string;
  /** The callee, as given. */
  readonly to: string | null;
  /** The callee, formatted for display. */
  readonly toFormatted: string | null;
  /** The caller, as given. */
  readonly from: string | null;
  /** The caller, formatted for display. */
  readonly fromFormatted: string | null;
  /** The Twilio number (`PN…`) the call came in on or was placed from. */
  readonly phoneNumberSid: string | null;
  /** Where the call stands. */
  readonly status: CallStatus;
  /** When the call was answered. */
  readonly startTime: Date | null;
  /** When the call ended. */
  readonly endTime: Date | null;
  /** Length of the call in seconds, as a string (Twilio's type). */
  readonly duration: string | null;
  /** What the call cost, as a string (negative: a charge). */
  readonly price: string | null;
  /** Currency of `price` (ISO 4217, e.g. `USD`). */
  readonly priceUnit: string | null;
  /** `inbound`, `outbound-api` or `outbound-dial`. */
  readonly direction: string | null;
  /** What answered, when machine detection was on (`human`, `machine_start`, …). */
  readonly answeredBy: string | null;
  /** API version the call was created with. */
  readonly apiVersion: string | null;
  /** Who forwarded the call to you, when the carrier says. */
  readonly forwardedFrom: string | null;
  /** The group (`GP…`) the call belongs to. */
  readonly groupSid: string | null;
  /** The caller's name, when caller-name lookup is on. */
  readonly callerName: string | null;
  /** Milliseconds the call waited in the queue, as a string. */
  readonly queueTime: string | null;
  /** STIR/SHAKEN verification status of the caller ID (incoming calls). */
  readonly stirVerstat: string | null;
  /** The trunk (`TK…`) the call went through. */
  readonly trunkSid: string | null;
  /** Path of this call resource. */
  readonly uri: string | null;
  /** Paths of related resources (recordings, notifications, …), by name. */
  readonly subresourceUris: Readonly<Record<string, string>> | null;
}

/**
 * A message, as Twilio describes it, with camelCase names. Twilio may send `null` for any field
 * but `sid`, `accountSid`, `status` and `direction`; dates are `Date`s.
 */
export interface Message {
  /** The text. */
  readonly body: string | null;
  /** How many segments the text was split into, as a string. */
  readonly numSegments: string | null;
  /** Which way the message went. */
  readonly direction: MessageDirection;
  /** The sender. */
  readonly from: string | null;
  /** The recipient. */
  readonly to: string | null;
  /** When the message resource last changed. */
  readonly dateUpdated: Date | null;
  /** What the message cost, as a string. */
  readonly price: string | null;
  /** Why delivery failed, when it did. */
  readonly errorMessage: string | null;
  /** Path of this message resource. */
  readonly uri: string | null;
  /** The account that owns the message, `AC…`. */
  readonly accountSid: string;
  /** How many media files are attached, as a string. */
  readonly numMedia: string | null;
  /** Where the message stands. */
  readonly status: MessageStatus;
  /** The Messaging Service (`MG…`) that sent it. */
  readonly messagingServiceSid: string | null;
  /** The message's SID, `SM…` or `MM…`. */
  readonly sid: string;
  /** When the message was sent. */
  readonly dateSent: Date | null;
  /** When the message resource was created. */
  readonly dateCreated: Date | null;
  /** Twilio's error code when delivery failed (a number). */
  readonly errorCode: number | null;
  /** Currency of `price`. */
  readonly priceUnit: string | null;
  /** API version the message was created with. */
  readonly apiVersion: string | null;
  /** Paths of related resources (media, feedback), by name. */
  readonly subresourceUris: Readonly<Record<string, string>> | null;
}
