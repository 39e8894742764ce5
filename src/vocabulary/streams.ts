/**
 * `<Start>` and `<Stop>`, and what they run alongside a call: media streams, SIPREC sessions,
 * real-time transcriptions, background recordings and media filters.
 */
import { GATHER_LANGUAGES } from './languages.js';
import { MEDIA_TRACKS, recordingCallbacks, TRIM_VALUES } from './shared.js';
import { boolean, element, method, oneOf, openOneOf, string, url } from './spec.js';

/**
 * Starts a stream, transcription, recording or filter in the background and goes on with the
 * next verb at once (with none, the call ends).
 * @see https://www.twilio.com/docs/voice/twiml/stream
 */
export const Start = element({
  tag: 'Start',
  children: ['Stream', 'Siprec', 'Transcription', 'Recording', 'MediaFilter'],
  attributes: {
    /** A URL for the verb (not in Twilio's docs, which show `<Start>` without attributes; the official helper has it). */
    action: url(),
    /**
     * HTTP method for `action` (not in Twilio's docs; the official helper has it).
     * @default POST
     */
    method: method(),
  },
});

/**
 * Stops, by name, what a `<Start>` started.
 * @see https://www.twilio.com/docs/voice/twiml/stream
 */
export const Stop = element({
  tag: 'Stop',
  // <Recording> by name: https://www.twilio.com/docs/voice/twiml/recording
  children: ['Stream', 'Siprec', 'Transcription', 'Recording', 'MediaFilter'],
  attributes: {},
});

/**
 * Sends the call's audio to a WebSocket: one-way under `<Start>`, two-way under `<Connect>`.
 * @see https://www.twilio.com/docs/voice/twiml/stream
 */
export const Stream = element({
  tag: 'Stream',
  children: ['Parameter'],
  attributes: {
    /**
     * WebSocket server that receives the audio: relative or absolute, `wss` only, without a query
     * string (Twilio does not pass it on; send values as `<Parameter>`s). Needed to start a stream;
     * a `<Stop>` names the stream instead.
     * @see https://www.twilio.com/docs/api/errors/31920
     */
    url: url({ schemes: ['wss'] }),
    /** Name of the stream, unique in the call; `<Stop>` uses it to end the stream. */
    name: string(),
    /**
     * Unique name of the stream connector (Marketplace add-on) to send the audio to (not in the
     * Stream docs; the official helper has it).
     */
    connectorName: string(),
    /**
     * Which audio to send: `inbound_track`, `outbound_track` or `both_tracks` (`<Connect>` takes
     * only `inbound_track`).
     * @default inbound_track
     */
    track: oneOf(MEDIA_TRACKS),
    /** URL Twilio requests when the stream starts, stops or fails. */
    statusCallback: url(),
    /**
     * HTTP method for `statusCallback`.
     * @default POST
     */
    statusCallbackMethod: method(),
    /** Audio format of the stream, for the HD codec (not in the Stream docs; the official helper has it). */
    audioFormat: string(),
    /** Sample rate of the stream's audio in hertz, for the HD codec (not in the Stream docs; the official helper has it). */
    sampleRate: string(),
  },
});

/**
 * Forks the call's audio to a SIPREC recording server through a configured connector.
 * @see https://www.twilio.com/docs/voice/twiml/siprec
 */
export const Siprec = element({
  tag: 'Siprec',
  children: ['Parameter'],
  attributes: {
    /** Name of the SIPREC session, unique in the call; `<Stop>` uses it to end the session. */
    name: string(),
    /**
     * Unique name of the SIPREC connector installed in your account; needed to start a session
     * (in `<Start>`), not to stop one.
     */
    connectorName: string(),
    /**
     * Which audio to send: `inbound_track`, `outbound_track` or `both_tracks`.
     * @default inbound_track
     */
    track: oneOf(MEDIA_TRACKS),
    /** Absolute URL Twilio requests when the session starts, stops or fails. */
    statusCallback: url({ absolute: true }),
    /** HTTP method for `statusCallback`: `GET` or `POST`. */
    statusCallbackMethod: oneOf(['GET', 'POST']),
  },
});

/**
 * Transcribes the call in near real time and posts the text to `statusCallbackUrl`.
 * @see https://www.twilio.com/docs/voice/twiml/transcription
 */
export const Transcription = element({
  tag: 'Transcription',
  children: ['Config', 'Parameter'],
  attributes: {
    /** Name of the transcription, unique in the call; `<Stop>` uses it to end it. */
    name: string(),
    /** Absolute URL that receives the transcription's events and transcribed text. */
    statusCallbackUrl: url({ absolute: true }),
    /**
     * HTTP method for `statusCallbackUrl` (not in the Transcription docs, which say Twilio POSTs;
     * the official helper has it).
     * @default POST
     */
    statusCallbackMethod: method(),
    /**
     * Language of the speech to transcribe, as a language tag.
     * @default en-US
     */
    languageCode: openOneOf(GATHER_LANGUAGES, { format: 'language' }),
    /**
     * Which audio to transcribe: `inbound_track`, `outbound_track` or `both_tracks`.
     * @default both_tracks
     */
    track: oneOf(MEDIA_TRACKS),
    /** Label put on the inbound track's transcripts (e.g. `agent`). */
    inboundTrackLabel: string(),
    /** Label put on the outbound track's transcripts (e.g. `customer`). */
    outboundTrackLabel: string(),
    /**
     * Speech-to-text provider: `google` or `deepgram`.
     * @default google
     */
    transcriptionEngine: openOneOf(['google', 'deepgram']),
    /**
     * Speech model of the provider, e.g. `telephony` or `long` (Google), `nova-2` or `nova-3` (Deepgram).
     * @default telephony
     */
    speechModel: openOneOf(['telephony', 'long', 'nova-2', 'nova-3']),
    /**
     * Mask profanities in the transcripts.
     * @default true
     */
    profanityFilter: boolean(),
    /**
     * Also send interim (partial) results while a phrase is still being spoken.
     * @default false
     */
    partialResults: boolean(),
    /** Comma-separated words or phrases the recognizer should expect. */
    hints: string(),
    /**
     * Add punctuation to the transcripts.
     * @default true
     */
    enableAutomaticPunctuation: boolean(),
    /** Intelligence Service (SID or unique name) that stores the transcript and analyzes it after the call. */
    intelligenceService: string(),
    /** ID of the Conversation Orchestrator configuration to use. */
    conversationConfiguration: string(),
    /** ID of the Conversation Orchestrator conversation to attach the transcript to. */
    conversationId: string(),
    /**
     * Add the speech provider's own data to the transcription events.
     * @default false
     */
    enableProviderData: boolean(),
  },
});

/**
 * Records the call in the background while the flow goes on.
 * @see https://www.twilio.com/docs/voice/twiml/recording
 */
export const Recording = element({
  tag: 'Recording',
  attributes: {
    /** Name of the recording, unique in the call; `<Stop>` uses it to end the recording. */
    name: string(),
    ...recordingCallbacks,
    /**
     * Remove silence at the start and end of the recording.
     * @default trim-silence
     */
    trim: oneOf(TRIM_VALUES),
    /**
     * Which audio to record: `inbound` (heard by Twilio), `outbound` (sent by Twilio) or `both`.
     * @default both
     */
    track: oneOf(['inbound', 'outbound', 'both']),
    /**
     * Channels of the recording file: `mono` (both legs mixed) or `dual` (one leg per channel).
     * @default dual
     */
    channels: oneOf(['mono', 'dual']),
  },
});

/**
 * Applies a filter (noise reduction) to the call's audio.
 * @see https://www.twilio.com/docs/voice/twiml/stream
 */
export const MediaFilter = element({
  tag: 'MediaFilter',
  undocumented: true,
  children: ['Parameter'],
  attributes: {
    /** Name of the filter, unique in the call; `<Stop>` uses it to remove the filter. */
    name: string(),
    /** Kind of filter to apply: `noise`. */
    filterType: oneOf(['noise']),
    /** Model the filter uses. */
    model: string(),
    /** Which audio to filter: `inbound_track`, `outbound_track` or `both_tracks`. */
    track: oneOf(MEDIA_TRACKS),
  },
});
