/**
 * What each problem code means and where its rule comes from: a Twilio doc page or error code
 * (a path under https://www.twilio.com/docs/), or `xml` for XML 1.0 itself. Documentation only:
 * the README's codes table is generated from this (`npm run docs`); the core does not load it.
 */
import type { ProblemCode } from './codes.js';

export interface CodeDoc {
  /** One line: what the problem is. */
  readonly summary: string;
  readonly source: string;
}

export const CODE_DOCS: Readonly<Record<ProblemCode, CodeDoc>> = {
  'root-not-response': {
    summary: 'The document is not one <Response> element.',
    source: 'voice/twiml',
  },
  'multiple-roots': {
    summary: 'More than one root element.',
    source: 'xml',
  },
  'text-outside-root': {
    summary: 'Text outside <Response>.',
    source: 'xml',
  },
  'unknown-element': {
    summary: 'An element TwiML does not have (the did-you-mean names only elements allowed there).',
    source: 'voice/twiml',
  },
  'invalid-child': {
    summary: "An element where Twilio's docs do not allow it (e.g. <Dial> inside <Gather>).",
    source: 'voice/twiml',
  },
  'too-many-children': {
    summary: 'More children of one kind than allowed (e.g. 11 <Media> in a <Message>).',
    source: 'voice/twiml/dial',
  },
  'unknown-attribute': {
    summary: 'An attribute the element does not have.',
    source: 'voice/twiml',
  },
  'missing-attribute': {
    summary: 'A required attribute is missing (e.g. <Parameter name>).',
    source: 'voice/twiml',
  },
  'invalid-value': {
    summary: 'A value outside the allowed values or format (enum, boolean, DTMF keys, SID…).',
    source: 'voice/twiml',
  },
  'unknown-value': {
    summary: 'A value outside a list Twilio keeps extending (languages, voices, speech models).',
    source: 'voice/twiml/say',
  },
  'helper-spelling': {
    summary:
      "A name or value from the official helper's types that Twilio's docs spell otherwise or do not list (speechtimeout); the message names the documented one.",
    source: 'voice/twiml/connect/conversationrelay',
  },
  'invalid-number': {
    summary: 'Not a number where one is needed.',
    source: 'voice/twiml',
  },
  'out-of-range': {
    summary: 'A number outside its range (e.g. <Dial timeout> outside 5–600).',
    source: 'voice/twiml',
  },
  'invalid-url': {
    summary: 'Not a relative or absolute http(s) URL (wss for streams, https for <Pay action>).',
    source: 'voice/twiml',
  },
  'empty-url': {
    summary: 'An empty URL that means this same document, requested again (<Dial action="">, <Redirect/>).',
    source: 'voice/twiml/conference',
  },
  'too-long': {
    summary: 'A value or text longer than Twilio allows.',
    source: 'voice/twiml',
  },
  'text-not-allowed': {
    summary: 'Text in an element that holds none.',
    source: 'voice/twiml',
  },
  'missing-text': {
    summary: 'An element without the text it needs (<Number>, <Conference>, <Play> without digits…).',
    source: 'voice/twiml',
  },
  'invalid-text': {
    summary: 'Text of the wrong kind (a phone number, SIP URI, SID, URL or JSON expected).',
    source: 'voice/twiml',
  },
  'deprecated-element': {
    summary: 'An element Twilio has deprecated.',
    source: 'voice/twiml/sms',
  },
  'undocumented-element': {
    summary: 'An element the official helper builds but no Twilio doc describes.',
    source: 'voice/twiml',
  },
  'mixed-document': {
    summary: 'A verb of another kind (voice, messaging, fax) than the rest of the document.',
    source: 'messaging/twiml',
  },
  unreachable: {
    summary:
      'A verb that never runs: it follows <Hangup>, <Reject>, <Redirect>, or a verb with an action that always takes over.',
    source: 'voice/twiml/redirect',
  },
  'document-too-large': {
    summary: 'The document is over 64 kB.',
    source: 'api/errors/11750',
  },
  'say-too-long': {
    summary: "<Say> text over the voice's limit (3,000 characters for Polly, 5,000 for Google, 4,000 otherwise).",
    source: 'api/errors/13521',
  },
  'ssml-with-basic-voice': {
    summary: 'SSML inside a <Say> that uses a basic voice (man, woman, alice), which does not support it.',
    source: 'voice/twiml/say/text-speech',
  },
  'message-too-long': {
    summary: 'A <Message> body over 1,600 characters.',
    source: 'messaging/twiml/message',
  },
  'too-many-messages': {
    summary: 'More than 10 <Message> replies in one response.',
    source: 'api/errors/14109',
  },
  'play-digits-in-gather': {
    summary: '<Play digits> inside <Gather>.',
    source: 'voice/twiml/play',
  },
  'refer-sip-attributes': {
    summary: '<Sip> inside <Refer> holds only the SIP URI: no attributes, no children.',
    source: 'voice/twiml/refer',
  },
  'stream-needs-url': {
    summary: '<Stream> in <Start> or <Connect> without its wss:// url.',
    source: 'voice/twiml/stream',
  },
  'stream-query-string': {
    summary: '<Stream url> with a query string, which Twilio does not pass on; send the values as <Parameter>s.',
    source: 'voice/twiml/stream',
  },
  'connect-stream-track': {
    summary: '<Connect><Stream> with a track other than inbound_track (a two-way stream receives only the caller).',
    source: 'api/errors/31941',
  },
  'siprec-needs-connector': {
    summary: '<Start><Siprec> without the connectorName of the SIPREC connector that records the call.',
    source: 'voice/twiml/siprec',
  },
  'stop-needs-name': {
    summary: 'A <Stream>, <Siprec>, <Transcription> or <Recording> in <Stop> without the name of the one to stop.',
    source: 'voice/twiml/stream',
  },
  'speech-model-with-auto-timeout': {
    summary: '<Gather speechModel> with speechTimeout="auto", which that model does not support.',
    source: 'api/errors/13335',
  },
  'whatsapp-caller-id': {
    summary: '<Dial> to <WhatsApp> without callerId="whatsapp:…".',
    source: 'voice/twiml/whatsapp',
  },
  'dial-text-and-nouns': {
    summary: '<Dial> holding both a number as text and nouns; Twilio dials only one of them.',
    source: 'voice/twiml/dial',
  },
  'application-not-alone': {
    summary: '<Application> dialed together with other nouns (it does not support simultaneous dialing).',
    source: 'voice/twiml/dial/application',
  },
  'too-many-dial-targets': {
    summary: 'A sequential <Dial> with more than 10 nouns.',
    source: 'voice/twiml/dial',
  },
  'transcribe-callback-without-transcribe': {
    summary: '<Record transcribeCallback> while transcribe is not "true".',
    source: 'voice/twiml/record',
  },
  'malformed-xml': {
    summary:
      'The XML is not well-formed or uses what TwiML refuses (DOCTYPE, entities, a second root); reported by the CLI.',
    source: 'xml',
  },
  'invalid-character': {
    summary: 'A character XML 1.0 cannot carry (control characters, lone surrogates).',
    source: 'xml',
  },
  'invalid-name': {
    summary: 'An element or attribute name that is not a valid XML name.',
    source: 'xml',
  },
  'invalid-comment': {
    summary: 'A comment containing "--".',
    source: 'xml',
  },
};
