/**
 * Rules that look at more than one attribute or element at a time. Each rule belongs to an
 * element and looks at that element and its children only (never its parent); its code,
 * severity and source are in `codes.ts`.
 */
import { COMMENT } from '../runtime/brand.js';
import type { TwiMLChild, TwiMLElement } from '../runtime/element.js';
import { leavesDocument } from '../vocabulary/control-flow.js';
import { specOf } from '../vocabulary/index.js';
import type { ProblemCode } from './codes.js';
import { deepText } from '../runtime/text.js';

/** Reports a problem on the element, or on its child at `childIndex`. */
export type Report = (code: ProblemCode, message: string, childIndex?: number) => void;

export type Rule = (element: TwiMLElement, report: Report) => void;

const isElementChild = (child: TwiMLChild): child is TwiMLElement =>
  typeof child !== 'string' && child.type !== COMMENT;

let nounsOfDial: ReadonlySet<string> | undefined;
let verbsOfResponse: ReadonlySet<string> | undefined;
let ssmlTags: ReadonlySet<string> | undefined;

/** True for the nouns a `<Dial>` holds (other elements are reported as misplaced on their own). */
const isDialNoun = (tag: string): boolean => (nounsOfDial ??= new Set(specOf('Dial')?.children)).has(tag);

const familyCache = new Map<string, readonly string[] | null>();

/** The kinds of document a verb belongs to (voice when the table says nothing); undefined for unknown tags. */
const familiesOf = (tag: string): readonly string[] | undefined => {
  let families = familyCache.get(tag);
  if (families === undefined) {
    const spec = specOf(tag);
    const family = spec?.family ?? 'voice';
    families = spec === undefined ? null : typeof family === 'string' ? [family] : family;
    familyCache.set(tag, families);
  }
  return families ?? undefined;
};

const BASIC_VOICES = new Set(['man', 'woman', 'alice']);

/** What a `<Stop>` child stops, for messages. */
const STOPPED: Readonly<Record<string, string>> = {
  Stream: 'stream',
  Siprec: 'recording session',
  Transcription: 'transcription',
  Recording: 'recording',
};

/**
 * A rule for attributes a child needs in one parent only (the table of the child cannot say it:
 * in another parent the child goes without): each child of `types` without `attribute` gets `code`.
 */
function childNeeds(
  types: readonly string[],
  attribute: string,
  code: ProblemCode,
  message: (child: TwiMLElement, parent: TwiMLElement) => string,
): Rule {
  return (parent, report) => {
    parent.children.forEach((child, index) => {
      if (isElementChild(child) && types.includes(child.type) && child.attributes[attribute] === undefined) {
        report(code, message(child, parent), index);
      }
    });
  };
}

/** `<Stream>` in `<Start>` and `<Connect>` needs the WebSocket URL. */
const streamsNeedUrls = childNeeds(
  ['Stream'],
  'url',
  'stream-needs-url',
  (_, parent) => `<Stream> in <${parent.type}> needs a url (wss://…)`,
);

export const RULES: Readonly<Record<string, readonly Rule[]>> = {
  Response: [
    // One pass over the verbs: unreachable verbs and the number of messages; then the kind of
    // document. Children <Response> may not hold are reported as invalid-child, and only so.
    function verbs(response, report) {
      const allowed = (verbsOfResponse ??= new Set(specOf('Response')?.children));
      let endedBy: string | undefined;
      let messages = 0;
      // Verbs of one kind only, by kind (voice, messaging, fax), and the first of each.
      const counts: Record<string, number> = {};
      const firsts: Record<string, string> = {};
      let kinds = 0;
      let shared = false; // a verb of more than one kind (<Redirect>)
      const children = response.children;
      for (let index = 0; index < children.length; index++) {
        const child = children[index];
        if (!isElementChild(child) || !allowed.has(child.type)) continue;
        const type = child.type;
        const families = familiesOf(type)!;
        if (families.length > 1) shared = true;
        else if (counts[families[0]] === undefined) {
          counts[families[0]] = 1;
          firsts[families[0]] = type;
          kinds++;
        } else counts[families[0]]++;
        if (endedBy !== undefined) report('unreachable', `<${type}> never runs: ${endedBy}`, index);
        else endedBy = leavesDocument(type, child.attributes);
        if (type === 'Message') messages++;
      }
      if (messages > 10)
        report('too-many-messages', `the response sends ${messages} messages; Twilio sends at most 10 replies`);
      if (kinds === 0 || (kinds === 1 && !shared)) return;
      // The document is of the kind most of its verbs are (the first kind on a tie); each verb of
      // another kind breaks it.
      let kind = '';
      for (const family of Object.keys(counts)) if (kind === '' || counts[family] > counts[kind]) kind = family;
      for (let index = 0; index < children.length; index++) {
        const child = children[index];
        if (!isElementChild(child) || !allowed.has(child.type)) continue;
        const families = familiesOf(child.type)!;
        if (families.includes(kind)) continue;
        report(
          'mixed-document',
          `<${child.type}> is a ${families.join('/')} verb, but this is a ${kind} document (it has <${firsts[kind]}>); a response is either voice, messaging or fax`,
          index,
        );
      }
    },
  ],
  Say: [
    function sayLength(say, report) {
      const voice = say.attributes.voice ?? '';
      const limit = voice.startsWith('Polly.') ? 3000 : voice.startsWith('Google.') ? 5000 : 4000;
      const length = deepText(say).length;
      if (length > limit) {
        report('say-too-long', `<Say> text is ${length} characters; ${voice || 'this voice'} speaks at most ${limit}`);
      }
    },
    function ssmlWithBasicVoice(say, report) {
      const voice = say.attributes.voice;
      // Only SSML counts: anything else inside <Say> is reported as invalid-child, and only so.
      const ssml = (ssmlTags ??= new Set(specOf('Say')?.children));
      if (
        voice !== undefined &&
        BASIC_VOICES.has(voice) &&
        say.children.some((child) => isElementChild(child) && ssml.has(child.type))
      ) {
        report('ssml-with-basic-voice', `voice="${voice}" does not support SSML; use a Polly or Google voice`);
      }
    },
  ],
  Refer: [
    function referSip(refer, report) {
      // Unknown attributes and children are reported on their own; here only Sip's own ones.
      const spec = specOf('Sip')!;
      refer.children.forEach((sip, index) => {
        if (!isElementChild(sip) || sip.type !== 'Sip') return;
        const names = Object.keys(sip.attributes).filter((name) => name in spec.attributes);
        if (names.length > 0 || sip.children.some((c) => isElementChild(c) && spec.children?.includes(c.type))) {
          report(
            'refer-sip-attributes',
            `<Sip> inside <Refer> holds only the SIP URI as text${names.length ? `; remove ${names.join(', ')}` : ''}`,
            index,
          );
        }
      });
    },
  ],
  Start: [
    streamsNeedUrls,
    childNeeds(
      ['Siprec'],
      'connectorName',
      'siprec-needs-connector',
      () => '<Siprec> in <Start> needs connectorName, the unique name of the SIPREC connector that receives the audio',
    ),
  ],
  Connect: [
    streamsNeedUrls,
    function connectStreamTrack(connect, report) {
      connect.children.forEach((stream, index) => {
        if (!isElementChild(stream) || stream.type !== 'Stream') return;
        const track = stream.attributes.track;
        if (track !== undefined && track !== 'inbound_track') {
          report(
            'connect-stream-track',
            `<Stream track="${track}"> cannot be inside <Connect>: a two-way stream receives only inbound_track`,
            index,
          );
        }
      });
    },
  ],
  Stream: [
    function streamQueryString(stream, report) {
      const url = stream.attributes.url;
      const query = url?.indexOf('?') ?? -1;
      if (url === undefined || query === -1) return;
      const [name, value = ''] = (url.slice(query + 1).split(/[&#]/)[0] ?? '').split('=');
      const example = name ? ` such as <Parameter name=${JSON.stringify(name)} value=${JSON.stringify(value)}/>` : '';
      report(
        'stream-query-string',
        `<Stream> url has a query string, which Twilio does not pass on; send the values as <Parameter>s${example} inside <Stream>`,
      );
    },
    function streamParameterLength(stream, report) {
      stream.children.forEach((parameter, index) => {
        if (!isElementChild(parameter) || parameter.type !== 'Parameter') return;
        const length = (parameter.attributes.name ?? '').length + (parameter.attributes.value ?? '').length;
        if (length >= 500) {
          report(
            'too-long',
            `<Parameter> name and value are ${length} characters together; a <Stream> parameter must stay under 500`,
            index,
          );
        }
      });
    },
  ],
  Stop: [
    childNeeds(
      Object.keys(STOPPED),
      'name',
      'stop-needs-name',
      (child) => `<${child.type}> in <Stop> needs the name of the ${STOPPED[child.type]} to stop`,
    ),
  ],
  Gather: [
    function playDigitsInGather(gather, report) {
      gather.children.forEach((play, index) => {
        if (isElementChild(play) && play.type === 'Play' && play.attributes.digits !== undefined) {
          report(
            'play-digits-in-gather',
            '<Play digits> cannot be inside <Gather>; play the tones before the <Gather>',
            index,
          );
        }
      });
    },
    function speechModelTimeout(gather, report) {
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
    function dialTargets(dial, report) {
      const a = dial.attributes;
      // One pass over the children: the nouns, and the text (a number written as text).
      let nouns = 0;
      let firstNoun: string | undefined;
      let whatsapp = false;
      let application = false;
      let text = '';
      for (const child of dial.children) {
        if (typeof child === 'string') text += child;
        else if (isElementChild(child) && isDialNoun(child.type)) {
          nouns++;
          firstNoun ??= child.type;
          if (child.type === 'WhatsApp') whatsapp = true;
          else if (child.type === 'Application') application = true;
        }
      }
      if (whatsapp && !a.callerId?.startsWith('whatsapp:')) {
        report('whatsapp-caller-id', '<Dial> to <WhatsApp> needs callerId="whatsapp:<your WhatsApp sender>"');
      }
      text = text.trim();
      if (text !== '' && nouns > 0) {
        report(
          'dial-text-and-nouns',
          `<Dial> holds both the number "${text}" and <${firstNoun}>; use one or the other`,
        );
      }
      if (application && nouns > 1 && a.sequential !== 'true') {
        report(
          'application-not-alone',
          '<Application> cannot be dialed together with other nouns; dial it alone or set sequential',
        );
      }
      if (a.sequential === 'true' && nouns > 10) {
        report('too-many-dial-targets', `a sequential <Dial> dials at most 10 nouns; it holds ${nouns}`);
      }
    },
  ],
  Record: [
    function transcribeCallback(record, report) {
      const a = record.attributes;
      if (a.transcribeCallback !== undefined && (a.transcribe === undefined || a.transcribe === 'false')) {
        report('transcribe-callback-without-transcribe', 'transcribeCallback is only called when transcribe="true"');
      }
    },
  ],
  Message: [
    function messageLength(message, report) {
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
