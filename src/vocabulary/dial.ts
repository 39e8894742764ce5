/** `<Dial>` and the nouns it connects the caller to. */
import {
  DIAL_NOUNS,
  machineDetection,
  nounCallbacks,
  recordingCallbacks,
  RECORD_CALL_VALUES,
  TRIM_VALUES,
} from './shared.js';
import { boolean, element, integer, listOf, method, oneOf, string, url } from './spec.js';

/** @see https://www.twilio.com/docs/voice/twiml/dial */
export const Dial = element({
  tag: 'Dial',
  text: { is: 'phone', required: true, unlessChild: 'any', format: 'phone' },
  children: DIAL_NOUNS,
  childLimits: { Number: 10, Client: 10 },
  attributes: {
    /**
     * URL Twilio requests when the dialed call ends, with `DialCallStatus`; its TwiML continues
     * the call. Without it the call goes on with the next verb; `''` is this same document,
     * requested again (warned).
     */
    action: url({ empty: 'current-document' }),
    /**
     * HTTP method for `action`.
     * @default POST
     */
    method: method(),
    /**
     * Keep the caller hearing ringback until the callee answers (only as the first verb).
     * @default false
     */
    answerOnBridge: boolean(),
    /**
     * Caller ID shown to the callee: a Twilio or verified number, `client:<id>` for clients,
     * `whatsapp:<sender>` for WhatsApp.
     * @default the caller's number
     */
    callerId: string(),
    /** Reason for the call shown by Branded Calling (at most 50 characters). */
    callReason: string({ maxLength: 50 }),
    /** Subscribe to call-progress events of the dialed call (not in Twilio's current docs). */
    events: oneOf(['call-progress-event']),
    /**
     * Let the caller end the dialed call by pressing `*`.
     * @default false
     */
    hangupOnStar: boolean(),
    /**
     * Base64-encoded, comma-separated identity passports (e.g. SHAKEN, DIV) sent with the call
     * (not in Twilio's Dial docs; the official helper has it).
     */
    passports: string(),
    /**
     * Record the dialed call: from answer or from ringing, mono or dual-channel (`true` and
     * `false`, which the helper's types lack, are the older spellings Twilio still documents).
     * @default do-not-record
     * @see https://www.twilio.com/docs/api/errors/13217
     */
    record: oneOf(RECORD_CALL_VALUES),
    /**
     * Which side of the call to record.
     * @default both
     */
    recordingTrack: oneOf(['both', 'inbound', 'outbound']),
    ...recordingCallbacks,
    /** URL that receives SIP REFER requests from the dialed party; its TwiML handles the transfer. */
    referUrl: url(),
    /**
     * HTTP method for `referUrl`.
     * @default POST
     */
    referMethod: method(),
    /**
     * Country whose ringback tone the caller hears.
     * @default the carrier's ringback
     */
    ringTone: oneOf([
      'at',
      'au',
      'bg',
      'br',
      'be',
      'ch',
      'cl',
      'cn',
      'cz',
      'de',
      'dk',
      'ee',
      'es',
      'fi',
      'fr',
      'gr',
      'hu',
      'il',
      'in',
      'it',
      'lt',
      'jp',
      'mx',
      'my',
      'nl',
      'no',
      'nz',
      'ph',
      'pl',
      'pt',
      'ru',
      'se',
      'sg',
      'th',
      'uk',
      'us',
      'us-old',
      'tw',
      've',
      'za',
    ]),
    /**
     * Dial the nouns one after another instead of all at once (at most 10).
     * @default false
     */
    sequential: boolean(),
    /**
     * Longest the dialed call may last, in seconds.
     * @default 14400
     */
    timeLimit: integer(1, 86400),
    /**
     * Seconds to let the callee's phone ring (5–600).
     * @default 30
     */
    timeout: integer(5, 600),
    /** Remove silence at the start and end of the recording. */
    trim: oneOf(TRIM_VALUES),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/number */
export const Number = element({
  tag: 'Number',
  text: { is: 'phone', required: true, format: 'phone' },
  attributes: {
    /** DTMF tones to send once the call connects (`0`–`9`, `A`–`D`, `#`, `*`, `w`, `W`), e.g. an extension. */
    sendDigits: string({ format: 'dtmf' }),
    /** BYOC trunk SID (`BY…`) to place the call over. */
    byoc: string({ format: 'sid:byoc' }),
    ...nounCallbacks,
    ...machineDetection,
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/client */
export const Client = element({
  tag: 'Client',
  text: { is: 'identity', required: true, unlessChild: ['Identity'], maxLength: 256 },
  children: ['Identity', 'Parameter'],
  childLimits: { Identity: 1 },
  attributes: { ...nounCallbacks },
});

/** @see https://www.twilio.com/docs/voice/twiml/client */
export const Identity = element({
  tag: 'Identity',
  text: { is: 'identity', required: true, maxLength: 256 },
  attributes: {},
});

/** @see https://www.twilio.com/docs/voice/twiml/conference */
export const Conference = element({
  tag: 'Conference',
  text: { is: 'name', required: true },
  attributes: {
    /**
     * Join muted.
     * @default false
     */
    muted: boolean(),
    /**
     * Beep when participants join or leave: `true`, `false`, `onEnter` or `onExit`.
     * @default true
     */
    beep: oneOf(['true', 'false', 'onEnter', 'onExit']),
    /**
     * Start the conference when this participant joins.
     * @default true
     */
    startConferenceOnEnter: boolean(),
    /**
     * End the conference when this participant leaves.
     * @default false
     */
    endConferenceOnExit: boolean(),
    /**
     * A label for this participant, unique in the conference: at most 128 characters, no `/`
     * (even encoded as `%2F`), and not shaped like a Call SID.
     * @see https://www.twilio.com/docs/api/errors/16023
     */
    participantLabel: string({
      maxLength: 128,
      pattern: /^(?!CA[0-9a-fA-F]{32}$)(?!.*%2[fF])[^/]*$/,
      expected: 'a label without "/" that is not a Call SID',
    }),
    /**
     * Jitter buffer for this participant's audio.
     * @default large
     */
    jitterBufferSize: oneOf(['large', 'medium', 'small', 'off']),
    /**
     * URL of TwiML (Play, Say, Pause, Redirect) or audio played while waiting for the conference
     * to start; `''` waits in silence.
     * @default Twilio's hold music playlist
     * @see https://www.twilio.com/docs/api/errors/13233
     */
    waitUrl: url({ empty: 'silence' }),
    /**
     * HTTP method for `waitUrl`.
     * @default POST
     */
    waitMethod: method(),
    /**
     * Most participants allowed (at most 250).
     * @default 250
     */
    maxParticipants: integer(1, 250),
    /**
     * Record the whole conference from its start.
     * @default do-not-record
     */
    record: oneOf(['do-not-record', 'record-from-start']),
    /**
     * Twilio region that hosts the conference's media (the helper's types also offer `us2`, which
     * Twilio's docs do not list: warned).
     */
    region: oneOf(['us1', 'ie1', 'de1', 'sg1', 'br1', 'au1', 'jp1'], { helperValues: ['us2'] }),
    /** Call SID (`CA…`) of a participant this one coaches: heard by that participant only. */
    coach: string({ format: 'sid:call' }),
    /**
     * Remove silence at the start and end of the recording.
     * @default trim-silence
     */
    trim: oneOf(TRIM_VALUES),
    /** Conference events that trigger a request to `statusCallback`. */
    statusCallbackEvent: listOf(['start', 'end', 'join', 'leave', 'mute', 'hold', 'modify', 'speaker', 'announcement']),
    /** URL Twilio requests on each event listed in `statusCallbackEvent`. */
    statusCallback: url(),
    /**
     * HTTP method for `statusCallback`.
     * @default POST
     */
    statusCallbackMethod: method(),
    ...recordingCallbacks,
    /** URL that receives conference events (used by the Conference events API). */
    eventCallbackUrl: url(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/queue */
export const Queue = element({
  tag: 'Queue',
  // Fewer than 64 characters: https://www.twilio.com/docs/api/errors/14213
  text: { is: 'name', required: true, maxLength: 63 },
  attributes: {
    /** TwiML URL (Play, Say, Pause, Redirect) run on the queued caller just before the bridge. */
    url: url(),
    /**
     * HTTP method for `url`.
     * @default POST
     */
    method: method(),
    /** TaskRouter Reservation SID (`WR…`) this call accepts. */
    reservationSid: string({ format: 'sid:taskRouterReservation' }),
    /** TaskRouter Activity SID (`WA…`) the worker moves to when the call ends. */
    postWorkActivitySid: string({ format: 'sid:taskRouterActivity' }),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/sip */
export const Sip = element({
  tag: 'Sip',
  text: { is: 'sip', required: true, unlessChild: ['Uri'], format: 'sip' },
  children: ['Uri', 'Headers'],
  childLimits: { Headers: 1 },
  attributes: {
    /** Username for SIP digest authentication with the endpoint. */
    username: string(),
    /** Password for SIP digest authentication with the endpoint. */
    password: string(),
    ...nounCallbacks,
    ...machineDetection,
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/sip */
export const Uri = element({
  tag: 'Uri',
  undocumented: true,
  text: { is: 'sip', required: true, format: 'sip' },
  attributes: {
    /** Order in which the URIs are tried; lower goes first. */
    priority: integer(0),
    /** Share of calls among URIs of the same priority. */
    weight: integer(0),
    /** Username for SIP digest authentication with this URI. */
    username: string(),
    /** Password for SIP digest authentication with this URI. */
    password: string(),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/sip */
export const Headers = element({
  tag: 'Headers',
  undocumented: true,
  children: ['Header'],
  attributes: {},
});

/** @see https://www.twilio.com/docs/voice/twiml/sip */
export const Header = element({
  tag: 'Header',
  undocumented: true,
  attributes: {
    /** Name of the SIP header to send (custom headers start with `X-`). */
    name: string({ required: true }),
    /** Value of the SIP header. */
    value: string({ required: true }),
  },
});

/** @see https://www.twilio.com/docs/iot/wireless/programmable-voice */
export const Sim = element({
  tag: 'Sim',
  text: { is: 'sid', required: true },
  attributes: {},
});

/** @see https://www.twilio.com/docs/voice/twiml/dial/application */
export const Application = element({
  tag: 'Application',
  text: { is: 'sid', required: true, unlessChild: ['ApplicationSid'], format: 'sid:application' },
  children: ['ApplicationSid', 'Parameter'],
  childLimits: { ApplicationSid: 1 },
  attributes: {
    /**
     * Identifies the customer to the application (at most 256 characters).
     * @default the SID of the account issuing the TwiML
     */
    customerId: string({ maxLength: 256 }),
    /**
     * Pass the parent call's `To` to the application instead of the application's SID.
     * @default false
     */
    copyParentTo: boolean(),
    ...nounCallbacks,
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/dial/application */
export const ApplicationSid = element({
  tag: 'ApplicationSid',
  text: { is: 'sid', required: true, format: 'sid:application' },
  attributes: {},
});

/** @see https://www.twilio.com/docs/voice/twiml/whatsapp */
export const WhatsApp = element({
  tag: 'WhatsApp',
  text: { is: 'phone', required: true, format: 'phone' },
  attributes: { ...nounCallbacks },
});
