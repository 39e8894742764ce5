/**
 * `<Connect>` and the nouns it hands the call to: a Video room, a Conversations service, a
 * Dialogflow agent, ConversationRelay and the other AI sessions, Autopilot. (`<Stream>` lives in
 * `streams.ts`.)
 */
import { GATHER_LANGUAGES } from './languages.js';
import { actionCallback, CONNECT_NOUNS, RECORD_CALL_VALUES, RECORDING_EVENTS, TRIM_VALUES } from './shared.js';
import { boolean, element, integer, listOf, method, number, oneOf, openOneOf, string, typed, url } from './spec.js';

/** Languages of ConversationRelay speech; `multi` lets Twilio detect the language. */
const RELAY_LANGUAGES = [...GATHER_LANGUAGES, 'multi'] as const;

/** Text-to-speech providers of ConversationRelay. */
const TTS_PROVIDERS = ['Google', 'Amazon', 'ElevenLabs'] as const;

/** Speech-to-text providers of ConversationRelay. */
const STT_PROVIDERS = ['Deepgram', 'Google'] as const;

/** Speech models of the ConversationRelay speech-to-text providers (`flux`: Deepgram's model with its own turn detection). */
const RELAY_SPEECH_MODELS = ['telephony', 'long', 'nova-2-general', 'nova-3-general', 'flux'] as const;

/** Which caller input: none, keypad, speech, or both. */
const INPUT_MODES = ['none', 'dtmf', 'speech', 'any'] as const;

/** What caller input may cut into the agent's speech; `true` means `any`, `false` means `none`. */
const INTERRUPT_MODES = [...INPUT_MODES, 'true', 'false'] as const;

/** Text normalization settings of text-to-speech. */
const TEXT_NORMALIZATION = ['on', 'auto', 'off'] as const;

/** Session settings that `<ConversationRelay>` and `<Assistant>` share. */
const relaySession = {
  /** Text spoken to the caller as soon as the session is connected. */
  welcomeGreeting: string(),
  /**
   * Which caller input may interrupt the welcome greeting: `none`, `dtmf`, `speech` or `any`
   * (`true` and `false` stand for `any` and `none`).
   * @default any
   */
  welcomeGreetingInterruptible: oneOf(INTERRUPT_MODES),
  /**
   * Language for both speech recognition and text-to-speech, as a language tag (`multi` detects it).
   * @default en-US
   */
  language: openOneOf(RELAY_LANGUAGES, { format: 'language' }),
  /** Language of text-to-speech when a text message names none; overrides `language`. */
  ttsLanguage: openOneOf(RELAY_LANGUAGES, { format: 'language' }),
  /**
   * Text-to-speech provider: `Google`, `Amazon` or `ElevenLabs`.
   * @default ElevenLabs
   */
  ttsProvider: openOneOf(TTS_PROVIDERS),
  /**
   * Text-to-speech voice; the choices depend on `ttsProvider`.
   * @default the provider's own: `UgBBYS2sOqTuMpoF3BR0` (ElevenLabs), `en-US-Journey-O` (Google), `Joanna-Neural` (Amazon)
   */
  voice: string(),
  /** Language of speech recognition; overrides `language`. */
  transcriptionLanguage: openOneOf(RELAY_LANGUAGES, { format: 'language' }),
  /**
   * Speech-recognition provider: `Deepgram` or `Google` (accounts that used ConversationRelay
   * before 12 September 2025 default to Google).
   * @default depends on the account: Deepgram for newer accounts
   */
  transcriptionProvider: openOneOf(STT_PROVIDERS),
  /**
   * Speech-recognition model; the choices depend on `transcriptionProvider` (`flux`: Deepgram's
   * model that detects the end of the caller's turn itself).
   * @default `telephony` for Google, `nova-3-general` or `nova-2-general` for Deepgram
   */
  speechModel: openOneOf(RELAY_SPEECH_MODELS),
  /** Mask profanities in the transcribed speech (not in the ConversationRelay docs; the official helper has it). */
  profanityFilter: boolean(),
  /** Send the caller's key presses (DTMF) to your application. */
  dtmfDetection: boolean(),
  /** Send partial transcripts to your application while the caller is still speaking. */
  partialPrompts: boolean(),
  /**
   * Which caller input may interrupt the agent's speech: `none`, `dtmf`, `speech` or `any`
   * (`true` and `false` stand for `any` and `none`).
   * @default any
   */
  interruptible: oneOf(INTERRUPT_MODES),
  /**
   * Let text from the next turn cut off the speech of the current one.
   * @default false
   */
  preemptible: boolean(),
  /** Comma-separated words or phrases the recognizer should expect (names, product terms). */
  hints: string(),
  /** Conversational Intelligence Service (SID or unique name) that stores and analyzes the transcript. */
  intelligenceService: string(),
  /**
   * Which caller input still reaches your application while the agent speaks: `none`, `dtmf`,
   * `speech` or `any` (the helper types it as a boolean; `true` and `false` are warned).
   * @default none
   */
  reportInputDuringAgentSpeech: oneOf(INPUT_MODES, { helperValues: ['true', 'false'] }),
  /**
   * ElevenLabs text normalization: `on`, `auto` (acts as `off` on calls) or `off`.
   * @default off
   */
  elevenlabsTextNormalization: oneOf(TEXT_NORMALIZATION),
  /**
   * How easily caller speech interrupts the agent: `low`, `medium` or `high`.
   * @default high
   */
  interruptSensitivity: oneOf(['low', 'medium', 'high']),
  /** Debug messages to subscribe to, space-separated: `debugging`, `speaker-events`, `tokens-played`. */
  debug: listOf(['debugging', 'speaker-events', 'tokens-played']),
};

/**
 * Hands the call to another service; the flow goes on at `action` (or the next verb) when it ends.
 * @see https://www.twilio.com/docs/voice/twiml/connect
 */
export const Connect = element({
  tag: 'Connect',
  children: CONNECT_NOUNS,
  attributes: { ...actionCallback },
});

/**
 * Joins the call to a Twilio Video room, named by the text.
 * @see https://www.twilio.com/docs/voice/twiml/connect/room
 */
export const Room = element({
  tag: 'Room',
  text: { is: 'name', required: true },
  attributes: {
    /** Identity the call has as a participant of the room. */
    participantIdentity: string(),
  },
});

/**
 * Connects the call to a Conversations (Frontline) service, which routes it to a worker.
 * @see https://www.twilio.com/docs/voice/twiml/connect/conversation
 */
export const Conversation = element({
  tag: 'Conversation',
  attributes: {
    /** Conversations Service SID (`IS…`) the call belongs to. */
    serviceInstanceSid: string({ format: 'sid:conversationsService' }),
    /** Create a Conversation automatically for an incoming call. */
    inboundAutocreation: boolean(),
    /** Seconds to wait for a worker to be assigned to the Conversation. */
    routingAssignmentTimeout: integer(0),
    /** Seconds to let the worker's phone ring on an incoming call. */
    inboundTimeout: integer(0),
    /** URL whose TwiML runs when a participant leaves the call or an error happens. */
    url: url(),
    /** HTTP method for `url`: `GET` or `POST`. */
    method: method(),
    /** Record the call: from answer or from ringing, mono or dual-channel. */
    record: oneOf(RECORD_CALL_VALUES),
    /** Remove silence at the start and end of the recording. */
    trim: oneOf(TRIM_VALUES),
    /** URL Twilio requests when the recording changes state. */
    recordingStatusCallback: url(),
    /** HTTP method for `recordingStatusCallback`: `GET` or `POST`. */
    recordingStatusCallbackMethod: method(),
    /** Recording events that trigger `recordingStatusCallback`. */
    recordingStatusCallbackEvent: listOf(RECORDING_EVENTS),
    /** URL Twilio requests on each event listed in `statusCallbackEvent`. */
    statusCallback: url(),
    /** HTTP method for `statusCallback`: `GET` or `POST`. */
    statusCallbackMethod: method(),
    /** Call events that trigger a request to `statusCallback`. */
    statusCallbackEvent: listOf(['call-initiated', 'call-ringing', 'call-answered', 'call-completed']),
  },
});

/**
 * Connects the call to a Google Dialogflow CX agent through an installed connector.
 * @see https://www.twilio.com/docs/voice/twiml/connect/virtualagent
 */
export const VirtualAgent = element({
  tag: 'VirtualAgent',
  children: ['Config', 'Parameter'],
  attributes: {
    /**
     * Unique name of the Dialogflow CX connector installed in your account; without it the
     * session fails.
     * @see https://www.twilio.com/docs/api/errors/32602
     */
    connectorName: string({ required: true }),
    /** Dialogflow language code the agent speaks and recognizes, as a language tag (`en-US`, `fr`). */
    language: string({ format: 'language' }),
    /** Let Dialogflow score the caller's sentiment and report it in the callbacks. */
    sentimentAnalysis: boolean(),
    /** URL that receives the agent's status updates (intents, sentiment, transcripts). */
    statusCallback: url(),
    /** HTTP method for `statusCallback`: `GET` or `POST`. */
    statusCallbackMethod: method(),
  },
});

/**
 * Connects the call to your AI application over a WebSocket; Twilio does the speech recognition
 * and the text-to-speech.
 * @see https://www.twilio.com/docs/voice/twiml/connect/conversationrelay
 */
export const ConversationRelay = element({
  tag: 'ConversationRelay',
  children: ['Language', 'Parameter'],
  attributes: {
    /** Your WebSocket server; it must be an absolute `wss://` URL. */
    url: url({ schemes: ['wss'], absolute: true, required: true }),
    ...relaySession,
    /**
     * Milliseconds of silence (600–5000) after which the caller's turn ends, or `auto`. The
     * official helper's types spell it `speechtimeout`, which Twilio does not read (warned).
     * @default auto
     * @see https://github.com/twilio/twilio-node/issues/1192
     */
    speechTimeout: typed<number | 'auto'>(
      oneOf(['auto'], {
        pattern: /^(?:[6-9]\d\d|[1-4]\d{3}|5000)$/,
        expected: 'a whole number of milliseconds from 600 to 5000',
        helperName: 'speechtimeout',
      }),
    ),
    /**
     * Keep short acknowledgements from the caller ("uh-huh", "yeah") from interrupting or ending
     * the turn. The helper's types spell it `ignorebackchannel` (warned).
     * @default false
     */
    ignoreBackchannel: boolean({ helperName: 'ignorebackchannel' }),
    /**
     * Deepgram smart formatting of transcripts (punctuation, numbers, dates, currency). The
     * helper's types spell it `deepgramsmartformat` (warned).
     * @default true
     */
    deepgramSmartFormat: boolean({ helperName: 'deepgramsmartformat' }),
    /**
     * Filter background noise from the caller's audio before speech recognition. The helper's
     * types spell it `backgroundnoisereduction` (warned); Twilio's helper changelog spells it so.
     * @see https://github.com/twilio/twilio-node/blob/main/CHANGES.md
     */
    backgroundNoiseReduction: boolean({ helperName: 'backgroundnoisereduction' }),
    /**
     * Confidence (0.5–0.9) that the caller has finished before the turn ends; only with
     * Deepgram's `flux` model.
     * @default 0.8
     */
    eotThreshold: number(0.5, 0.9),
    /**
     * Confidence (0.3–0.9) at which an early end of turn is reported, before the final one
     * (not in Twilio's ConversationRelay docs, which have `eotThreshold`; the official helper has it).
     */
    eagerEotThreshold: number(0.3, 0.9),
    /**
     * Reconnect to your application when the WebSocket drops during the call, replaying the
     * events it missed (not in Twilio's ConversationRelay docs; the official helper has it).
     * @default false
     */
    applicationReconnect: boolean(),
    /** Format transcripts (punctuation, numbers, dates); wins over `deepgramSmartFormat` (not in Twilio's ConversationRelay docs; the official helper has it). */
    asrSmartFormat: boolean(),
    /**
     * Decide with turn detection when the caller has finished speaking.
     * @default false
     * @see https://www.twilio.com/docs/voice/conversationrelay/turn-detection
     */
    turnDetection: boolean(),
    /**
     * Drop transcripts that only echo the agent's own speech (not in Twilio's ConversationRelay docs; the official helper has it).
     * @default false
     */
    echoPromptFiltering: boolean(),
    /** Send the partial transcript as a prompt when the caller hangs up mid-sentence (not in Twilio's ConversationRelay docs; the official helper has it). */
    partialPromptOnHangup: boolean(),
    /** Extra fields added to prompt messages, space-separated: `turn-state`, `prompt-segments` (not in Twilio's ConversationRelay docs; the official helper has it). */
    includeInPrompt: listOf(['turn-state', 'prompt-segments']),
    /** Event subscriptions to turn on for the session, space-separated: `speaker-events`, `tokens-played`. */
    events: string(),
    /** Text-to-speech text normalization: `auto`, `on` or `off`; wins over `elevenlabsTextNormalization` (not in Twilio's ConversationRelay docs; the official helper has it). */
    ttsTextNormalization: oneOf(TEXT_NORMALIZATION),
    /** Apply language-specific text normalization to text-to-speech (not in Twilio's ConversationRelay docs; the official helper has it). */
    ttsLanguageTextNormalization: boolean(),
    /** Older name of `ttsLanguageTextNormalization` (not in Twilio's ConversationRelay docs; the official helper has it). */
    elevenlabsLanguageTextNormalization: boolean(),
    /** ID or unique name of the Conversation configuration to use (not in Twilio's ConversationRelay docs; the official helper has it). */
    conversationConfiguration: string(),
    /** ID of the Conversation the session belongs to (not in Twilio's ConversationRelay docs; the official helper has it). */
    conversationId: string(),
    /**
     * Customer name passed to Conversations and Conversational Intelligence (not in Twilio's ConversationRelay docs; the official helper has it).
     * @default the caller ID
     */
    customerName: string(),
  },
});

/**
 * Connects the call to a ConversationRelay session configured in Twilio.
 * @see https://www.twilio.com/docs/voice/twiml/connect
 */
export const ConversationRelaySession = element({
  tag: 'ConversationRelaySession',
  undocumented: true,
  attributes: {
    /** Unique name or installed add-on SID of the ConversationRelaySession connector. */
    connector: string(),
    /** Unique name or ID of the ConversationRelaySession configuration. */
    sessionConfiguration: string(),
  },
});

/**
 * Connects the call to an AI session through an installed AI connector.
 * @see https://www.twilio.com/docs/voice/twiml/connect
 */
export const AiSession = element({
  tag: 'AiSession',
  undocumented: true,
  attributes: {
    /** Unique name or installed add-on SID of the AI connector. */
    aiConnector: string(),
    /** Unique name or ID of the AiSession configuration. */
    aiSessionConfiguration: string(),
  },
});

/**
 * Connects the call to a Twilio AI Assistant, with ConversationRelay's speech settings.
 * @see https://www.twilio.com/docs/voice/twiml/connect
 */
export const Assistant = element({
  tag: 'Assistant',
  undocumented: true,
  children: ['Language', 'Parameter'],
  attributes: {
    /** ID of the AI Assistant to talk to. */
    id: string(),
    ...relaySession,
  },
});

/**
 * Speech settings for one language of a `<ConversationRelay>` or `<Assistant>` session.
 * @see https://www.twilio.com/docs/voice/twiml/connect/conversationrelay
 */
export const Language = element({
  tag: 'Language',
  attributes: {
    /** Language code these settings apply to (e.g. `sv-SE`), or `multi` for detection. */
    code: openOneOf(RELAY_LANGUAGES, { required: true, format: 'language' }),
    /**
     * Text-to-speech provider for this language: `Google`, `Amazon` or `ElevenLabs` (`ElevenLabs`
     * when `code` is `multi`).
     * @default the parent's `ttsProvider`
     */
    ttsProvider: openOneOf(TTS_PROVIDERS),
    /**
     * Text-to-speech voice for this language; the choices depend on `ttsProvider`.
     * @default the parent's `voice`
     */
    voice: string(),
    /**
     * Speech-recognition provider for this language: `Deepgram` or `Google` (`Deepgram` when
     * `code` is `multi`).
     * @default the parent's `transcriptionProvider`
     */
    transcriptionProvider: openOneOf(STT_PROVIDERS),
    /**
     * Speech-recognition model for this language; the choices depend on `transcriptionProvider`.
     * @default the parent's `speechModel`
     */
    speechModel: openOneOf(RELAY_SPEECH_MODELS),
    /** Comma-separated words or phrases the recognizer should expect in this language (not in the `<Language>` docs; the official helper has it). */
    hints: string(),
    /** Format transcripts in this language: punctuation, numbers, dates (not in the `<Language>` docs; the official helper has it). */
    asrSmartFormat: boolean(),
    /** Text-to-speech text normalization for this language: `auto`, `on` or `off` (not in the `<Language>` docs; the official helper has it). */
    ttsTextNormalization: oneOf(TEXT_NORMALIZATION),
    /** Apply language-specific text normalization to text-to-speech in this language (not in the `<Language>` docs; the official helper has it). */
    ttsLanguageTextNormalization: boolean(),
  },
});

/**
 * Connects the call to an Autopilot assistant, given by SID or unique name.
 * @see https://www.twilio.com/docs/voice/twiml/connect
 */
export const Autopilot = element({
  tag: 'Autopilot',
  deprecated: 'Twilio retired Autopilot; use <ConversationRelay> or <VirtualAgent> instead',
  text: { is: 'name', required: true },
  attributes: {},
});
