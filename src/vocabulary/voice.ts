/**
 * Voice verbs that are not Dial, Pay, Connect or media streams: what a call says, plays,
 * collects and records, and how it moves on or ends.
 */
import { BASIC_VOICE_LANGUAGES, GATHER_LANGUAGES, SAY_LANGUAGES } from './languages.js';
import { actionCallback, PROMPT_VERBS, recordingCallbacks, SSML_TAGS, TRIM_VALUES } from './shared.js';
import { boolean, element, integer, listOf, method, oneOf, openOneOf, string, typed, url } from './spec.js';
import type { SayVoiceName } from './voices.js';

/** @see https://www.twilio.com/docs/voice/twiml/say */
export const Say = element({
  tag: 'Say',
  text: { is: 'words', required: true, deep: true },
  children: SSML_TAGS,
  attributes: {
    /**
     * Text-to-speech voice: `man`, `woman`, or a provider voice such as `Polly.Joanna-Neural`,
     * `Google.en-US-Neural2-F` or `ElevenLabs.<voice id>`. Basic voices ignore SSML.
     * @default man (or the account's text-to-speech setting)
     */
    voice: string<SayVoiceName>({ format: 'voice' }),
    /**
     * Language and accent to speak in, as a language tag; it must be one the voice supports
     * (`man` and `woman` also take `en`, `en-gb`, `es`, `fr`, `de`, `it`).
     * @default en-US
     */
    language: openOneOf([...SAY_LANGUAGES, ...BASIC_VOICE_LANGUAGES], { format: 'language' }),
    /**
     * How many times to speak the text; `0` repeats until the call ends (at most 1000 times).
     * @default 1
     */
    loop: integer(0),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/play */
export const Play = element({
  tag: 'Play',
  text: { is: 'url', required: true, unlessAttribute: ['digits'] },
  attributes: {
    /**
     * How many times to play the audio; `0` repeats until the call ends (at most 1000 times).
     * @default 1
     */
    loop: integer(0),
    /**
     * DTMF tones to play instead of audio: `0`–`9`, `A`–`D`, `#`, `*`, and `w` (half-second
     * pause) or `W` (one-second pause). Not allowed inside `<Gather>`.
     */
    digits: string({ format: 'dtmf' }),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/pause */
export const Pause = element({
  tag: 'Pause',
  attributes: {
    /**
     * Seconds of silence.
     * @default 1
     */
    length: integer(1),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/gather */
export const Gather = element({
  tag: 'Gather',
  children: PROMPT_VERBS,
  attributes: {
    /**
     * URL Twilio requests with the caller's input (`Digits`, or `SpeechResult` and `Confidence`).
     * Relative URLs resolve against the current document; `''` is the same as leaving it out.
     * @default the current document's URL
     */
    action: url({ empty: 'default' }),
    /**
     * Request `action` even when the caller entered nothing.
     * @default false
     * @see https://www.twilio.com/docs/api/errors/13338
     */
    actionOnEmptyResult: boolean(),
    /**
     * Stop the nested `<Say>`/`<Play>` as soon as the caller starts to press or speak (not in the
     * current Gather attribute table; Twilio's warning pages still name it).
     * @default true
     * @see https://www.twilio.com/docs/api/errors/13332
     */
    bargeIn: boolean(),
    /** Send extra debugging information about speech recognition (not in Twilio's current docs). */
    debug: boolean(),
    /**
     * Use the premium `phone_call` speech model (deprecated; choose a `speechModel` instead).
     * @default false
     */
    enhanced: boolean(),
    /**
     * The one key that ends digit input (`0`–`9`, `#`, `*`), or `''` to collect until `timeout`.
     * The key itself is not part of `Digits`.
     * @default #
     */
    finishOnKey: string({ format: 'gather-key' }),
    /**
     * Comma-separated words or phrases the recognizer should expect (up to 500 entries of up
     * to 100 characters each).
     */
    hints: string(),
    /**
     * What to listen for: `dtmf`, `speech`, or both; with both, whichever comes first wins.
     * @default dtmf
     */
    input: listOf(['dtmf', 'speech']),
    /**
     * Language of the speech to recognize, as a language tag with a region (`en-US`).
     * @default en-US
     * @see https://www.twilio.com/docs/voice/twiml/gather#languagetags
     */
    language: openOneOf(GATHER_LANGUAGES, { format: 'language' }),
    /**
     * Longest time in seconds the caller may speak (not in Twilio's current docs).
     * @see https://www.twilio.com/docs/api/errors/13328
     */
    maxSpeechTime: integer(1, undefined, {}),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /** Stop after this many digits, without waiting for `finishOnKey` or `timeout`. */
    numDigits: integer(1),
    /** URL that receives interim recognition results (`UnstableSpeechResult`) while the caller speaks. */
    partialResultCallback: url(),
    /**
     * HTTP method for `partialResultCallback`.
     * @default POST
     */
    partialResultCallbackMethod: method(),
    /**
     * Mask profanities in `SpeechResult` (first letter, then asterisks).
     * @default true
     */
    profanityFilter: boolean(),
    /**
     * Speech-recognition model, e.g. `phone_call`, `numbers_and_commands`, `googlev2_telephony`
     * or `deepgram_nova-3`. Needs a numeric `speechTimeout`, not `auto`.
     * @default default
     */
    speechModel: openOneOf([
      'default',
      'numbers_and_commands',
      'phone_call',
      'experimental_conversations',
      'experimental_utterances',
      'googlev2_long',
      'googlev2_short',
      'googlev2_telephony',
      'googlev2_telephony_short',
      'deepgram_nova-2',
      'deepgram_nova-3',
    ]),
    /**
     * Seconds of silence that end speech input, or `auto` to stop at the first pause.
     * @default the value of `timeout`
     * @see https://www.twilio.com/docs/api/errors/13327
     */
    speechTimeout: typed<number | 'auto'>(
      oneOf(['auto'], { pattern: /^[1-9]\d*$/, expected: 'a positive whole number' }),
    ),
    /**
     * Seconds to wait for input once the nested verbs finish (or between digits).
     * @default 5
     */
    timeout: integer(1),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/record */
export const Record = element({
  tag: 'Record',
  attributes: {
    /**
     * URL Twilio requests with `RecordingUrl`, `RecordingDuration` and `Digits` when the recording
     * ends; its TwiML continues the call. `''` is the same as leaving it out.
     * @default the current document's URL
     */
    action: url({ empty: 'default' }),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /**
     * Seconds of silence that end the recording; `0` never ends it on silence.
     * @default 5
     */
    timeout: integer(0),
    /**
     * Keys that end the recording: any set of `0`–`9`, `#` and `*`.
     * @default 1234567890*#
     */
    finishOnKey: string({ format: 'record-keys' }),
    /**
     * Longest recording in seconds (2–14400; up to 86400 on accounts with 24-hour calls).
     * @default 3600
     */
    maxLength: integer(2, 86400),
    /**
     * Play a beep before recording starts.
     * @default true
     */
    playBeep: boolean(),
    /**
     * Remove silence at the start and end of the recording.
     * @default trim-silence
     */
    trim: oneOf(TRIM_VALUES),
    ...recordingCallbacks,
    /**
     * Transcribe the recording (English, 2 to 120 seconds; billed).
     * @default false
     */
    transcribe: boolean(),
    /** URL that receives the transcription when it is ready; needs `transcribe`. */
    transcribeCallback: url(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/redirect */
export const Redirect = element({
  tag: 'Redirect',
  family: ['voice', 'messaging'],
  // No URL is this same document, requested again: a loop, as a waitUrl document uses it.
  // https://www.twilio.com/docs/voice/twiml/conference
  text: { is: 'url', empty: 'current-document' },
  attributes: {
    /**
     * HTTP method for the URL.
     * @default POST
     */
    method: method(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/reject */
export const Reject = element({
  tag: 'Reject',
  // As for <Hangup>: Twilio's Application usage docs pass <Parameter>s back on reject.
  children: ['Parameter'],
  attributes: {
    /**
     * What the caller hears: `rejected` (a not-in-service tone) or `busy` (a busy signal).
     * @default rejected
     */
    reason: oneOf(['rejected', 'busy']),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/hangup */
export const Hangup = element({
  tag: 'Hangup',
  // Twilio's <Dial><Application> usage docs send custom parameters back on hangup.
  children: ['Parameter'],
  attributes: {},
});

/** @see https://www.twilio.com/docs/voice/twiml/leave */
export const Leave = element({ tag: 'Leave', attributes: {} });

/** @see https://www.twilio.com/docs/voice/twiml */
export const Echo = element({ tag: 'Echo', undocumented: true, attributes: {} });

/** @see https://www.twilio.com/docs/voice/twiml/sms */
export const Sms = element({
  tag: 'Sms',
  deprecated: 'Twilio deprecated <Sms>; send messages with <Message> or the REST API',
  text: { is: 'words', required: true },
  attributes: {
    /**
     * Recipient's phone number.
     * @default the caller
     */
    to: string({ format: 'phone' }),
    /**
     * Sending Twilio number.
     * @default the number that was called
     */
    from: string({ format: 'phone' }),
    ...actionCallback,
    /** URL that receives the message's delivery status. */
    statusCallback: url(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/refer */
export const Refer = element({
  tag: 'Refer',
  children: ['Sip'],
  childLimits: { Sip: 1 },
  attributes: { ...actionCallback },
});

/** @see https://www.twilio.com/docs/voice/twiml/enqueue */
export const Enqueue = element({
  tag: 'Enqueue',
  // Fewer than 64 characters: https://www.twilio.com/docs/api/errors/14205
  text: { is: 'name', required: true, unlessAttribute: ['workflowSid'], maxLength: 63 },
  children: ['Task'],
  childLimits: { Task: 1 },
  attributes: {
    /**
     * URL Twilio requests when the caller leaves the queue, with `QueueResult`. Without it the
     * call goes on with the next verb; `''` is this same document, requested again (warned).
     */
    action: url({ empty: 'current-document' }),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /**
     * Largest number of callers the queue holds, at most 5000 (not in the Enqueue docs; the
     * official helper has it).
     * @default 1000
     * @see https://www.twilio.com/docs/api/errors/14207
     */
    maxQueueSize: integer(1, 5000),
    /** URL of TwiML (or audio) played while the caller waits; `''` waits in silence. */
    waitUrl: url({ empty: 'silence' }),
    /**
     * HTTP method for `waitUrl`.
     * @default POST (GET for Twilio's own playlist when `waitUrl` is left out)
     */
    waitUrlMethod: method(),
    /** TaskRouter Workflow SID (`WW…`): the call becomes a Task routed by that workflow. */
    workflowSid: string({ format: 'sid:taskRouterWorkflow' }),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/enqueue */
export const Task = element({
  tag: 'Task',
  text: { is: 'json', required: true, format: 'json' },
  attributes: {
    /** Priority of the TaskRouter task; higher is served first. */
    priority: integer(0),
    /** Seconds the task may wait before it is canceled. */
    timeout: integer(1),
  },
});
