/**
 * The parameters Twilio sends to webhooks, as types. Every value arrives as text: numbers
 * (`RecordingDuration`, `Confidence`) and booleans (`DialBridged`) are strings, exactly as Twilio
 * wrote them. Reading them from a request is body.ts's job.
 */
import type { CallDirection, CallStatus, CallWebhookStatus, DialCallStatus, MessageStatus } from '../core.js';

/** Statuses are the core's, shared with `twiml-jsx/rest` and `twiml-jsx/testing`. */
export type { CallDirection, CallStatus, CallWebhookStatus, DialCallStatus, MessageStatus };

/** Parsed form fields: one string per name, or every value of a name that was repeated. */
export type FormParams = Readonly<Record<string, string | readonly string[]>>;

/** Where the caller and the called number are, when Twilio knows (voice and messaging). */
export interface GeographicFields {
  readonly FromCity?: string;
  readonly FromState?: string;
  readonly FromZip?: string;
  readonly FromCountry?: string;
  readonly ToCity?: string;
  readonly ToState?: string;
  readonly ToZip?: string;
  readonly ToCountry?: string;
}

/**
 * What Twilio sends when a call reaches your number, and with every later request of the call
 * (Gather, Dial, Record… callbacks add their own parameters to these).
 *
 * @example
 * app.post('/voice', async (c) => {
 *   const call = await readWebhook<VoiceWebhook>(c.req.raw);
 *   return twiml(<Response><Say>Hello {call.FromCity ?? 'there'}</Say></Response>);
 * });
 */
export interface VoiceWebhook extends GeographicFields {
  /** The call (`CA…`). */
  readonly CallSid: string;
  /** The account (`AC…`). */
  readonly AccountSid: string;
  /** The caller: E.164, `client:<name>`, a SIP URI, or `anonymous` / `unknown`. */
  readonly From: string;
  /** The number or address called. */
  readonly To: string;
  readonly CallStatus: CallWebhookStatus;
  /** API version of the number or request, e.g. `2010-04-01`. */
  readonly ApiVersion: string;
  readonly Direction: CallDirection;
  /** Same as `From`, sent by Twilio for older applications. */
  readonly Caller?: string;
  /** Same as `To`, sent by Twilio for older applications. */
  readonly Called?: string;
  /** The number that forwarded the call, when the carrier says so. */
  readonly ForwardedFrom?: string;
  /** Caller ID name, when caller-name lookup is enabled. */
  readonly CallerName?: string;
  /** The call that created this one (absent on the first leg). */
  readonly ParentCallSid?: string;
  /** Token for forwarding this call with the Calls API. */
  readonly CallToken?: string;
  /** Incoming SIP calls: the SIP domain and its SID, the Call-ID and the source IP. */
  readonly SipDomain?: string;
  readonly SipDomainSid?: string;
  readonly SipCallId?: string;
  readonly SipSourceIp?: string;
  /** Incoming SIP calls: one parameter per `X-` header. */
  readonly [sipHeader: `SipHeader_${string}`]: string | undefined;
}

/**
 * What Twilio sends when a message reaches your number.
 * Media come as `MediaUrl0`, `MediaContentType0`, `MediaUrl1`, … up to `NumMedia`.
 */
export interface MessagingWebhook extends GeographicFields {
  /** The message (`SM…` or `MM…`). */
  readonly MessageSid: string;
  /** Same as `MessageSid` (deprecated). */
  readonly SmsSid?: string;
  /** Same as `MessageSid` (deprecated). */
  readonly SmsMessageSid?: string;
  readonly AccountSid: string;
  readonly MessagingServiceSid?: string;
  /** The sender: E.164 or a channel address such as `whatsapp:+1…`. */
  readonly From: string;
  readonly To: string;
  /** The text, up to 1600 characters. */
  readonly Body: string;
  /** How many media files are attached (`"0"`…`"10"`). */
  readonly NumMedia: string;
  readonly NumSegments?: string;
  readonly ApiVersion?: string;
  readonly SmsStatus?: string;
  readonly [mediaUrl: `MediaUrl${number}`]: string | undefined;
  readonly [mediaType: `MediaContentType${number}`]: string | undefined;
  /** WhatsApp: the sender's profile name and WhatsApp ID. */
  readonly ProfileName?: string;
  readonly WaId?: string;
  readonly Forwarded?: string;
  readonly FrequentlyForwarded?: string;
  /** WhatsApp replies to a message of the previous 7 days. */
  readonly OriginalRepliedMessageSender?: string;
  readonly OriginalRepliedMessageSid?: string;
  /** Click-to-WhatsApp ads. */
  readonly ReferralBody?: string;
  readonly ReferralHeadline?: string;
  readonly ReferralSourceId?: string;
  readonly ReferralSourceType?: string;
  readonly ReferralSourceUrl?: string;
  readonly ReferralMediaId?: string;
  readonly ReferralMediaContentType?: string;
  readonly ReferralMediaUrl?: string;
  readonly ReferralNumMedia?: string;
  readonly ReferralCtwaClid?: string;
  /** Rich messages: a pressed button, interactive and flow replies. */
  readonly ButtonPayload?: string;
  readonly ButtonText?: string;
  readonly ButtonType?: 'REPLY' | 'ACTION';
  readonly InteractiveData?: string;
  readonly FlowData?: string;
  readonly ChannelMetadata?: string;
  /** A shared location. */
  readonly Latitude?: string;
  readonly Longitude?: string;
  readonly Address?: string;
  readonly Label?: string;
  /** With Advanced Opt-Out: which keyword the sender used. */
  readonly OptOutType?: 'STOP' | 'HELP' | 'START';
}

/**
 * `<Gather action>`: what the caller pressed or said.
 *
 * @example
 * const { Digits, SpeechResult } = await readWebhook<GatherCallback>(request);
 * return twiml(<MenuChoice digits={Digits} speech={SpeechResult} />);
 */
export interface GatherCallback extends VoiceWebhook {
  /** The keys pressed, without the finish key. */
  readonly Digits?: string;
  /** The transcribed speech. */
  readonly SpeechResult?: string;
  /** Speech confidence, `"0.0"` to `"1.0"`; may be missing. */
  readonly Confidence?: string;
}

/** `<Gather partialResultCallback>`: speech recognised so far (may still change); Twilio ignores the answer. */
export interface GatherPartialResultCallback extends VoiceWebhook {
  readonly UnstableSpeechResult: string;
}

/** `<Dial action>`: how the dialled call ended. */
export interface DialCallback extends VoiceWebhook {
  readonly DialCallStatus: DialCallStatus;
  /** The dialled call leg (not for a conference). */
  readonly DialCallSid?: string;
  /** Seconds the dialled call lasted (not for a conference, nor when the other leg was redirected). */
  readonly DialCallDuration?: string;
  /** Whether the two legs were connected. */
  readonly DialBridged?: 'true' | 'false';
  /** The recording, when `<Dial record>` was set. */
  readonly RecordingUrl?: string;
  /** `<Dial referUrl>`: where the call was transferred to. */
  readonly ReferTransferTarget?: string;
  /** `<Dial><Sip>`: the SIP Call-ID and the INVITE's response code. */
  readonly DialSipCallId?: string;
  readonly DialSipResponseCode?: string;
  readonly [sipHeader: `DialSipHeader_${string}`]: string | undefined;
  /** `<Dial><Queue>`: the queue and how long the caller waited there. */
  readonly QueueSid?: string;
  readonly QueueTime?: string;
}

/** `<Record action>`: the recording just made. There is no `RecordingSid` here (see `RecordingStatusCallback`). */
export interface RecordCallback extends VoiceWebhook {
  /** Where the recording is (WAV; append `.mp3` for MP3). It may not be fetchable yet. */
  readonly RecordingUrl: string;
  /** Length in seconds. */
  readonly RecordingDuration: string;
  /** The key that ended the recording, or `hangup`. */
  readonly Digits?: string;
}

/** `recordingStatusCallback` of `<Record>` and `<Dial record>`. Does not carry the standard call parameters. */
export interface RecordingStatusCallback {
  readonly AccountSid: string;
  /** The call (for `<Dial>`, always the parent leg). */
  readonly CallSid: string;
  readonly RecordingSid: string;
  readonly RecordingUrl: string;
  readonly RecordingStatus: 'in-progress' | 'completed' | 'absent' | 'failed';
  readonly RecordingDuration?: string;
  /** `"1"` or `"2"`. */
  readonly RecordingChannels?: string;
  readonly RecordingStartTime?: string;
  /** `RecordVerb` or `DialVerb`. */
  readonly RecordingSource?: string;
}

/** `<Record transcribeCallback>`: the transcription of a recording. */
export interface TranscriptionCallback extends VoiceWebhook {
  readonly TranscriptionSid: string;
  readonly TranscriptionText: string;
  readonly TranscriptionStatus: 'completed' | 'failed';
  readonly TranscriptionUrl: string;
  readonly RecordingSid: string;
  readonly RecordingUrl: string;
}

/** `QueueResult` of `<Enqueue action>`. */
export type QueueResult =
  | 'bridged'
  | 'bridging-in-process'
  | 'error'
  | 'hangup'
  | 'leave'
  | 'redirected'
  | 'redirected-from-bridged'
  | 'queue-full'
  | 'system-error';

/** `<Enqueue action>`: how the caller left the queue. */
export interface EnqueueCallback extends VoiceWebhook {
  readonly QueueResult: QueueResult;
  /** Only when the call was actually enqueued. */
  readonly QueueSid?: string;
  /** Seconds spent in the queue; only when the call was actually enqueued. */
  readonly QueueTime?: string;
}

/** `<Enqueue waitUrl>`: where the caller is in the queue, for the hold music document. */
export interface EnqueueWaitCallback extends VoiceWebhook {
  readonly QueuePosition: string;
  readonly QueueSid: string;
  readonly QueueTime: string;
  readonly AvgQueueTime: string;
  readonly CurrentQueueSize: string;
  readonly MaxQueueSize: string;
}

/** `<Dial><Queue url>`: sent for the dequeued caller before the calls are bridged. */
export interface QueueCallback extends VoiceWebhook {
  readonly QueueSid: string;
  readonly QueueTime: string;
  readonly DequeingCallSid: string;
}

/** `Result` of `<Pay action>`. */
export type PayResult =
  | 'success'
  | 'too-many-failed-attempts'
  | 'payment-connector-error'
  | 'caller-interrupted-with-star'
  | 'caller-hung-up'
  | 'validation-error'
  | 'internal-error';

/** Masked card and bank fields sent by `<Pay>`. */
export interface PaymentFields {
  /** Masked: only the last 4 digits are visible. */
  readonly PaymentCardNumber?: string;
  readonly PaymentCardType?: string;
  /** `MMYY`. */
  readonly ExpirationDate?: string;
  /** Redacted. */
  readonly SecurityCode?: string;
  readonly PaymentCardPostalCode?: string;
  /** Masked: all but the last 2 digits. */
  readonly BankAccountNumber?: string;
  readonly BankRoutingNumber?: string;
  readonly BankAccountType?: string;
}

/** `<Pay action>`: the outcome of a payment. */
export interface PayCallback extends VoiceWebhook, PaymentFields {
  readonly Result: PayResult;
  readonly ProfileId?: string;
  /** When tokenizing. */
  readonly PaymentToken?: string;
  /** When charging. */
  readonly PaymentConfirmationCode?: string;
  readonly PaymentMethod?: string;
  readonly PaymentError?: string;
  readonly PayErrorCode?: string;
  readonly ConnectorError?: string;
}

/** `<Pay statusCallback>`: progress through the payment steps. Does not carry all standard call parameters. */
export interface PayStatusCallback extends PaymentFields {
  readonly AccountSid: string;
  readonly CallSid: string;
  /** The step being captured, e.g. `payment-card-number`. */
  readonly For?: string;
  /** What went wrong in that step, e.g. `invalid-card-number`. */
  readonly ErrorType?: string;
  /** `"1"` to `"3"`. */
  readonly Attempt?: string;
}

/**
 * A call's `statusCallback` (number configuration, Calls API, `<Number>` / `<Client>` /
 * `<Sip>` status callbacks).
 */
export interface CallStatusCallback extends VoiceWebhook {
  /** Seconds, when the call has ended. */
  readonly CallDuration?: string;
  readonly RecordingUrl?: string;
  readonly RecordingSid?: string;
  readonly RecordingDuration?: string;
  readonly Timestamp?: string;
  /** `call-progress-events` for `<Number>` / `<Client>` status callbacks. */
  readonly CallbackSource?: string;
  /** Counts the callbacks of a call from `"0"`. */
  readonly SequenceNumber?: string;
}

/** `<Message action>` / `statusCallback` and the Messages API `StatusCallback`: delivery progress. */
export interface MessageStatusCallback {
  readonly MessageSid: string;
  readonly MessageStatus: MessageStatus;
  /** Twilio error code when the message failed or was undelivered. */
  readonly ErrorCode?: string;
  readonly AccountSid: string;
  readonly From: string;
  readonly To: string;
  readonly MessagingServiceSid?: string;
  readonly SmsSid?: string;
  readonly SmsStatus?: string;
  readonly ApiVersion?: string;
}

/** `<Sms action>` (voice): whether the SMS sent during a call went out. */
export interface SmsCallback extends VoiceWebhook {
  readonly SmsSid: string;
  readonly SmsStatus: 'sending' | 'invalid' | (string & {});
}
