/**
 * Rules that look at more than one attribute or element at a time. Each rule belongs to the
 * element it starts from; its code, severity and source are in `codes.ts`.
 */
import { COMMENT, type TwiMLChild, type TwiMLElement } from '../runtime/element.js';
import { specOf } from '../vocabulary/index.js';
import type { ProblemCode } from './codes.js';
import { deepText } from './text.js';

export interface RuleContext {
  /** The parent element, if any. */
  readonly parent: TwiMLElement | undefined;
  /** Reports a problem on this element, or on its child at `childIndex`. */
  report(code: ProblemCode, message: string, childIndex?: number): void;
}

export type Rule = (element: TwiMLElement, context: RuleContext) => void;

const isElementChild = (child: TwiMLChild): child is TwiMLElement =>
  typeof child !== 'string' && child.type !== COMMENT;

/** The nouns a `<Dial>` holds (other elements are reported as misplaced on their own). */
const dialNouns = (dial: TwiMLElement): TwiMLElement[] =>
  dial.children.filter(
    (c): c is TwiMLElement => isElementChild(c) && (specOf('Dial')?.children ?? []).includes(c.type),
  );

/** Why the verbs after this one never run, or undefined if they may. */
function endsDocument(verb: TwiMLElement): string | undefined {
  const a = verb.attributes;
  switch (verb.type) {
    case 'Hangup':
      return 'the call ends at <Hangup>';
    case 'Reject':
      return 'the call ends at <Reject>';
    case 'Redirect':
      return 'control moves to the <Redirect> URL';
    case 'Record':
      return "control moves to <Record>'s action URL (the current document when left out)";
    case 'Pay':
      return "control moves to <Pay>'s action URL (the current document when left out)";
    case 'Gather':
      return a.actionOnEmptyResult === 'true' ? "control always moves to <Gather>'s action URL" : undefined;
    case 'Dial':
    case 'Enqueue':
    case 'Connect':
    case 'Message':
      return a.action !== undefined ? `control moves to <${verb.type}>'s action URL` : undefined;
  }
  return undefined;
}

const familiesOf = (tag: string): readonly string[] => {
  const family = specOf(tag)?.family ?? 'voice';
  return typeof family === 'string' ? [family] : family;
};

const BASIC_VOICES = new Set(['man', 'woman', 'alice']);

export const RULES: Readonly<Record<string, readonly Rule[]>> = {
  Response: [
    function mixedDocument(response, { report }) {
      let kind: string | undefined;
      let kindVerb = '';
      response.children.forEach((child, index) => {
        if (!isElementChild(child) || specOf(child.type) === undefined) return;
        const families = familiesOf(child.type);
        if (kind === undefined) {
          if (families.length === 1) {
            kind = families[0];
            kindVerb = child.type;
          }
        } else if (!families.includes(kind)) {
          report(
            'mixed-document',
            `<${child.type}> is a ${families.join('/')} verb but this is a ${kind} document (it has <${kindVerb}>); a response is either voice, messaging or fax`,
            index,
          );
        }
      });
    },
    function unreachable(response, { report }) {
      let reason: string | undefined;
      response.children.forEach((child, index) => {
        if (!isElementChild(child)) return;
        if (reason !== undefined) report('unreachable', `<${child.type}> never runs: ${reason}`, index);
        else reason = endsDocument(child);
      });
    },
    function tooManyMessages(response, { report }) {
      const count = response.children.filter((c) => isElementChild(c) && c.type === 'Message').length;
      if (count > 10)
        report('too-many-messages', `the response sends ${count} messages; Twilio sends at most 10 replies`);
    },
  ],
  Say: [
    function sayLength(say, { report }) {
      const voice = say.attributes.voice ?? '';
      const limit = voice.startsWith('Polly.') ? 3000 : voice.startsWith('Google.') ? 5000 : 4000;
      const length = deepText(say).length;
      if (length > limit) {
        report('say-too-long', `<Say> text is ${length} characters; ${voice || 'this voice'} speaks at most ${limit}`);
      }
    },
    function ssmlWithBasicVoice(say, { report }) {
      const voice = say.attributes.voice;
      if (voice !== undefined && BASIC_VOICES.has(voice) && say.children.some(isElementChild)) {
        report('ssml-with-basic-voice', `voice="${voice}" does not support SSML; use a Polly or Google voice`);
      }
    },
  ],
  Play: [
    function playDigitsInGather(play, { parent, report }) {
      if (parent?.type === 'Gather' && play.attributes.digits !== undefined) {
        report('play-digits-in-gather', '<Play digits> cannot be inside <Gather>; play the tones before the <Gather>');
      }
    },
  ],
  Sip: [
    function referSip(sip, { parent, report }) {
      if (parent?.type !== 'Refer') return;
      // Unknown attributes and children are reported on their own; here only Sip's own ones.
      const spec = specOf('Sip')!;
      const names = Object.keys(sip.attributes).filter((name) => name in spec.attributes);
      if (names.length > 0 || sip.children.some((c) => isElementChild(c) && spec.children?.includes(c.type))) {
        report(
          'refer-sip-attributes',
          `<Sip> inside <Refer> holds only the SIP URI as text${names.length ? `; remove ${names.join(', ')}` : ''}`,
        );
      }
    },
  ],
  Stream: [
    function streamTarget(stream, { parent, report }) {
      if (parent?.type === 'Stop') {
        if (stream.attributes.name === undefined) {
          report('stop-needs-name', '<Stream> in <Stop> needs the name of the stream to stop');
        }
      } else if (stream.attributes.url === undefined) {
        report('stream-needs-url', `<Stream> in <${parent?.type ?? 'Start'}> needs a url (wss://…)`);
      }
    },
  ],
  Siprec: [
    function siprecStop(siprec, { parent, report }) {
      if (parent?.type === 'Stop' && siprec.attributes.name === undefined) {
        report('stop-needs-name', '<Siprec> in <Stop> needs the name of the recording session to stop');
      }
    },
  ],
  Transcription: [
    function transcriptionStop(transcription, { parent, report }) {
      if (parent?.type === 'Stop' && transcription.attributes.name === undefined) {
        report('stop-needs-name', '<Transcription> in <Stop> needs the name of the transcription to stop');
      }
    },
  ],
  Gather: [
    function speechModelTimeout(gather, { report }) {
      const a = gather.attributes;
      if (a.speechModel !== undefined && a.speechModel !== 'default' && a.speechTimeout === 'auto') {
        report(
          'speech-model-with-auto-timeout',
          `speechTimeout="auto" is not supported with speechModel="${a.speechModel}"; give a number of seconds`,
        );
      }
    },
  ],
  Dial: [
    function whatsappCallerId(dial, { report }) {
      if (
        dial.children.some((c) => isElementChild(c) && c.type === 'WhatsApp') &&
        !dial.attributes.callerId?.startsWith('whatsapp:')
      ) {
        report('whatsapp-caller-id', '<Dial> to <WhatsApp> needs callerId="whatsapp:<your WhatsApp sender>"');
      }
    },
    function textAndNouns(dial, { report }) {
      const nouns = dialNouns(dial);
      const text = dial.children
        .filter((c): c is string => typeof c === 'string')
        .join('')
        .trim();
      if (text !== '' && nouns.length > 0) {
        report(
          'dial-text-and-nouns',
          `<Dial> holds both the number "${text}" and <${nouns[0].type}>; use one or the other`,
        );
      }
    },
    function applicationAlone(dial, { report }) {
      const nouns = dialNouns(dial);
      if (nouns.length > 1 && dial.attributes.sequential !== 'true' && nouns.some((n) => n.type === 'Application')) {
        report(
          'application-not-alone',
          '<Application> cannot be dialed together with other nouns; dial it alone or set sequential',
        );
      }
    },
    function sequentialTargets(dial, { report }) {
      const nouns = dialNouns(dial);
      if (dial.attributes.sequential === 'true' && nouns.length > 10) {
        report('too-many-dial-targets', `a sequential <Dial> dials at most 10 nouns; it holds ${nouns.length}`);
      }
    },
  ],
  Record: [
    function transcribeCallback(record, { report }) {
      const a = record.attributes;
      if (a.transcribeCallback !== undefined && (a.transcribe === undefined || a.transcribe === 'false')) {
        report('transcribe-callback-without-transcribe', 'transcribeCallback is only called when transcribe="true"');
      }
    },
  ],
  Message: [
    function messageLength(message, { report }) {
      const length = deepText(message).length - mediaTextLength(message);
      if (length > 1600) report('message-too-long', `the message body is ${length} characters; at most 1600`);
    },
  ],
};

function mediaTextLength(message: TwiMLElement): number {
  let length = 0;
  for (const child of message.children)
    if (isElementChild(child) && child.type === 'Media') length += deepText(child).length;
  return length;
}
