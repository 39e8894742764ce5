/**
 * Every problem code the validator reports, with its severity, what it means, and where the
 * rule comes from (a Twilio doc page or error code). The README's codes table is checked
 * against this list by a test.
 */

export interface CodeInfo {
  readonly severity: 'error' | 'warning';
  /** One line: what the problem is. */
  readonly summary: string;
  /** Twilio's error or warning code for the same problem. */
  readonly twilioCode?: number;
  /** Source of the rule: a path under https://www.twilio.com/docs/, or `xml` for XML 1.0 itself. */
  readonly source: string;
}

export const PROBLEM_CODES = {
  'root-not-response': {
    severity: 'error',
    summary: 'The document is not one <Response> element.',
    source: 'voice/twiml',
  },
  'multiple-roots': { severity: 'error', summary: 'More than one root element.', source: 'xml' },
  'text-outside-root': { severity: 'error', summary: 'Text outside <Response>.', source: 'xml' },
  'unknown-element': { severity: 'error', summary: 'An element TwiML does not have.', source: 'voice/twiml' },
  'invalid-child': {
    severity: 'error',
    summary: "An element where Twilio's docs do not allow it (e.g. <Dial> inside <Gather>).",
    source: 'voice/twiml',
  },
  'too-many-children': {
    severity: 'error',
    summary: 'More children of one kind than allowed (e.g. 11 <Media> in a <Message>).',
    source: 'voice/twiml/dial',
  },
  'unknown-attribute': { severity: 'error', summary: 'An attribute the element does not have.', source: 'voice/twiml' },
  'missing-attribute': {
    severity: 'error',
    summary: 'A required attribute is missing (e.g. <Parameter name>).',
    source: 'voice/twiml',
  },
  'invalid-value': {
    severity: 'error',
    summary: 'A value outside the allowed values or format (enum, boolean, DTMF keys, SID…).',
    source: 'voice/twiml',
  },
  'unknown-value': {
    severity: 'warning',
    summary: 'A value outside a list Twilio keeps extending (languages, voices, speech models).',
    source: 'voice/twiml/say',
  },
  'invalid-number': { severity: 'error', summary: 'Not a number where one is needed.', source: 'voice/twiml' },
  'out-of-range': {
    severity: 'error',
    summary: 'A number outside its range (e.g. <Dial timeout> outside 5–600).',
    source: 'voice/twiml',
  },
  'invalid-url': {
    severity: 'error',
    summary: 'Not a relative or absolute http(s) URL (wss for streams, https for <Pay action>).',
    source: 'voice/twiml',
  },
  'too-long': { severity: 'error', summary: 'A value or text longer than Twilio allows.', source: 'voice/twiml' },
  'text-not-allowed': { severity: 'error', summary: 'Text in an element that holds none.', source: 'voice/twiml' },
  'missing-text': {
    severity: 'error',
    summary: 'An element without the text it needs (<Number>, <Conference>, <Play> without digits…).',
    source: 'voice/twiml',
  },
  'invalid-text': {
    severity: 'error',
    summary: 'Text of the wrong kind (a phone number, SIP URI, SID, URL or JSON expected).',
    source: 'voice/twiml',
  },
  'deprecated-element': {
    severity: 'warning',
    summary: 'An element Twilio has deprecated.',
    source: 'voice/twiml/sms',
  },
  'undocumented-element': {
    severity: 'warning',
    summary: 'An element the official helper builds but no Twilio doc describes.',
    source: 'voice/twiml',
  },
  'mixed-document': {
    severity: 'error',
    summary: 'Voice, messaging and fax verbs in one document.',
    source: 'messaging/twiml',
  },
  unreachable: {
    severity: 'warning',
    summary:
      'A verb that never runs: it follows <Hangup>, <Reject>, <Redirect>, <Record>, <Pay>, or a verb with an action.',
    source: 'voice/twiml/redirect',
  },
  'document-too-large': {
    severity: 'error',
    summary: 'The document is over 64 kB.',
    twilioCode: 11750,
    source: 'api/errors/11750',
  },
  'say-too-long': {
    severity: 'warning',
    summary: "<Say> text over the voice's limit (3,000 characters for Polly, 5,000 for Google, 4,000 otherwise).",
    twilioCode: 13521,
    source: 'api/errors/13521',
  },
  'ssml-with-basic-voice': {
    severity: 'warning',
    summary: 'SSML inside a <Say> that uses a basic voice (man, woman, alice), which does not support it.',
    source: 'voice/twiml/say/text-speech',
  },
  'message-too-long': {
    severity: 'error',
    summary: 'A <Message> body over 1,600 characters.',
    twilioCode: 21617,
    source: 'messaging/twiml/message',
  },
  'too-many-messages': {
    severity: 'error',
    summary: 'More than 10 <Message> replies in one response.',
    twilioCode: 14109,
    source: 'api/errors/14109',
  },
  'play-digits-in-gather': {
    severity: 'error',
    summary: '<Play digits> inside <Gather>.',
    source: 'voice/twiml/play',
  },
  'refer-sip-attributes': {
    severity: 'error',
    summary: '<Sip> inside <Refer> holds only the SIP URI: no attributes, no children.',
    source: 'voice/twiml/refer',
  },
  'stream-needs-url': {
    severity: 'error',
    summary: '<Stream> in <Start> or <Connect> without its wss:// url.',
    source: 'voice/twiml/stream',
  },
  'stop-needs-name': {
    severity: 'error',
    summary: 'A <Stream>, <Siprec> or <Transcription> in <Stop> without the name of the one to stop.',
    source: 'voice/twiml/stream',
  },
  'speech-model-with-auto-timeout': {
    severity: 'warning',
    summary: '<Gather speechModel> with speechTimeout="auto", which that model does not support.',
    twilioCode: 13335,
    source: 'api/errors/13335',
  },
  'whatsapp-caller-id': {
    severity: 'error',
    summary: '<Dial> to <WhatsApp> without callerId="whatsapp:…".',
    source: 'voice/twiml/whatsapp',
  },
  'dial-text-and-nouns': {
    severity: 'warning',
    summary: '<Dial> holding both a number as text and nouns; Twilio dials only one of them.',
    source: 'voice/twiml/dial',
  },
  'application-not-alone': {
    severity: 'error',
    summary: '<Application> dialed together with other nouns (it does not support simultaneous dialing).',
    source: 'voice/twiml/dial/application',
  },
  'too-many-dial-targets': {
    severity: 'error',
    summary: 'A sequential <Dial> with more than 10 nouns.',
    source: 'voice/twiml/dial',
  },
  'transcribe-callback-without-transcribe': {
    severity: 'warning',
    summary: '<Record transcribeCallback> while transcribe is not "true".',
    source: 'voice/twiml/record',
  },
  'malformed-xml': {
    severity: 'error',
    summary:
      'The XML is not well-formed or uses what TwiML refuses (DOCTYPE, entities, a second root); reported by the CLI.',
    source: 'xml',
  },
  'invalid-character': {
    severity: 'error',
    summary: 'A character XML 1.0 cannot carry (control characters, lone surrogates).',
    source: 'xml',
  },
  'invalid-name': {
    severity: 'error',
    summary: 'An element or attribute name that is not a valid XML name.',
    source: 'xml',
  },
  'invalid-comment': { severity: 'error', summary: 'A comment containing "--".', source: 'xml' },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
