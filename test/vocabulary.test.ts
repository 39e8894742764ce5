/**
 * The vocabulary tables against the official helper's builder (npm `twilio` 6.3.1, read with
 * the TypeScript compiler API) and against their own JSDoc.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from 'twiml-jsx';
import { allTags, specOf, vocabulary } from '../src/vocabulary/index.js';
import { NOT_IN_INSTALLED_HELPER } from './support/official.js';

const require = createRequire(import.meta.url);

interface HelperMethod {
  parentClass: string;
  method: string;
  childClass: string;
  attributes: string | undefined;
  takesText: boolean;
}

/**
 * Reads the helper's builder classes: which method creates which class, with which attributes
 * (each with its declared type, type aliases written out).
 */
function readHelper(): { methods: HelperMethod[]; interfaces: Map<string, Map<string, string>> } {
  const methods: HelperMethod[] = [];
  const interfaces = new Map<string, Map<string, string>>();
  for (const file of ['VoiceResponse', 'MessagingResponse', 'FaxResponse']) {
    const path = require.resolve(`twilio/lib/twiml/${file}.d.ts`);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const aliases = new Map<string, string>();
    const declared: [string, ts.InterfaceDeclaration][] = [];
    const visit = (node: ts.Node, namespace: string): void => {
      if (ts.isModuleDeclaration(node)) namespace = node.name.getText();
      if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type.getText());
      if (ts.isClassDeclaration(node) && node.name) {
        const parentClass = node.name.text;
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || !member.type) continue;
          const childClass = member.type.getText().replace(/^\w+\./, '');
          if (!/^[A-Z]/.test(childClass) || childClass === 'XMLElement') continue;
          const [first, second] = member.parameters;
          const firstType = first?.type?.getText() ?? '';
          const attributes = /Attributes/.test(firstType) ? firstType.replace(/^\w+\./, '').split(' ')[0] : undefined;
          const takesText = first !== undefined && (firstType === 'string' || second !== undefined);
          const existing = methods.find((m) => m.parentClass === parentClass && m.method === member.name.getText());
          if (existing) {
            existing.takesText ||= takesText;
            existing.attributes ??= attributes;
          } else methods.push({ parentClass, method: member.name.getText(), childClass, attributes, takesText });
        }
      }
      if (ts.isInterfaceDeclaration(node)) declared.push([`${namespace}.${node.name.text}`, node]);
      ts.forEachChild(node, (child) => visit(child, namespace));
    };
    visit(source, file);
    const resolve = (type: string) =>
      type.replace(/^(\w+)(\[\])?$/, (all, name: string, array?: string) => {
        const alias = aliases.get(name);
        return alias === undefined ? all : array ? `(${alias})[]` : alias;
      });
    for (const [name, node] of declared) {
      interfaces.set(
        name,
        new Map(
          node.members.map((m) => [
            m.name!.getText().replace(/^"|"$/g, ''),
            ts.isPropertySignature(m) && m.type ? resolve(m.type.getText()) : 'unknown',
          ]),
        ),
      );
    }
    for (const m of methods) if (m.attributes && !m.attributes.includes('.')) m.attributes = `${file}.${m.attributes}`;
  }
  return { methods, interfaces };
}

const { methods, interfaces } = readHelper();
const ROOTS: Record<string, string> = {
  VoiceResponse: 'Response',
  MessagingResponse: 'Response',
  FaxResponse: 'Response',
};
const componentName = (method: string) => method[0].toUpperCase() + method.slice(1);
const tagOfMethod = (method: string) =>
  (vocabulary as Record<string, { tag: string } | undefined>)[componentName(method)]?.tag;
/** Helper class → tag, learned from the methods that create it. */
const classTag = new Map<string, string>(Object.entries(ROOTS));
for (const m of methods) {
  const tag = tagOfMethod(m.method);
  if (tag) classTag.set(m.childClass, tag);
}

/**
 * Places the helper can build but Twilio's docs never describe: twiml-jsx has the elements,
 * and its validator reports them as `invalid-child` there.
 */
const REJECTED_PLACEMENTS = ['Response > Prompt', 'Response > Queue'];

/**
 * Every difference found between Twilio's docs and the official helper's types (npm `twilio`
 * 6.3.1), with what twiml-jsx does about it. Twilio's docs decide what is valid; the helper only
 * decides the bytes. `helper` is what the installed helper declares, read from its `.d.ts`, so an
 * upgrade that changes one fails this test:
 * - `absent`, or the declared type (`string`, `boolean`, `number`, `number[]`);
 * - `one of: a, b` / `list of: a, b` (the exact values of a union, or of an array of one);
 * - `includes: a` / `excludes: a` (some values the union has, or lacks);
 * - `builds: A, B` (the elements its builder puts in this one), `element: absent|present`;
 * - `text` (its builder method takes text).
 * `helperAttribute` is the attribute as the helper spells it, when that differs.
 */
interface Difference {
  readonly element: string;
  readonly attribute: string;
  readonly helperAttribute?: string;
  readonly helper: string;
  readonly docs: string;
  readonly see: string;
  readonly ours: string;
}

const DOCS = 'https://www.twilio.com/docs/';
const RELAY = `${DOCS}voice/twiml/connect/conversationrelay`;
const STREAM = `${DOCS}voice/twiml/stream`;
const PAY = `${DOCS}voice/twiml/pay`;
const PROMPT = `${DOCS}voice/twiml/pay/prompt`;
const CONFERENCE = `${DOCS}voice/twiml/conference`;
const DIAL = `${DOCS}voice/twiml/dial`;
const GATHER = `${DOCS}voice/twiml/gather`;
const HELPER_ONLY = 'not listed';
const KEPT = 'kept (the helper sends it; the JSDoc says the docs do not list it)';

const DIFFERENCES: readonly Difference[] = [
  // <ConversationRelay> and <Language>
  {
    element: 'ConversationRelay',
    attribute: 'speechTimeout',
    helperAttribute: 'speechtimeout',
    helper: 'string',
    docs: 'speechTimeout, in camelCase (twilio-node #1192: the lowercase name is a generator bug)',
    see: RELAY,
    ours: 'speechTimeout; speechtimeout is warned (helper-spelling)',
  },
  {
    element: 'ConversationRelay',
    attribute: 'speechTimeout',
    helperAttribute: 'speechtimeout',
    helper: 'string',
    docs: 'whole milliseconds from 600 to 5000, or auto (the default)',
    see: RELAY,
    ours: '600–5000 or auto, else invalid-value',
  },
  {
    element: 'ConversationRelay',
    attribute: 'ignoreBackchannel',
    helperAttribute: 'ignorebackchannel',
    helper: 'string',
    docs: 'ignoreBackchannel: true or false, default false',
    see: RELAY,
    ours: 'ignoreBackchannel (boolean); ignorebackchannel is warned',
  },
  {
    element: 'ConversationRelay',
    attribute: 'deepgramSmartFormat',
    helperAttribute: 'deepgramsmartformat',
    helper: 'string',
    docs: 'deepgramSmartFormat: true or false, default true',
    see: RELAY,
    ours: 'deepgramSmartFormat (boolean); deepgramsmartformat is warned',
  },
  {
    element: 'ConversationRelay',
    attribute: 'backgroundNoiseReduction',
    helperAttribute: 'backgroundnoisereduction',
    helper: 'string',
    docs: "backgroundNoiseReduction, as Twilio's helper changelog introduced it",
    see: 'https://github.com/twilio/twilio-node/blob/main/CHANGES.md',
    ours: 'backgroundNoiseReduction (boolean); backgroundnoisereduction is warned',
  },
  {
    element: 'ConversationRelay',
    attribute: 'eotThreshold',
    helper: 'absent',
    docs: '0.5–0.9, default 0.8, with Deepgram flux only',
    see: RELAY,
    ours: 'added: a number from 0.5 to 0.9',
  },
  {
    element: 'ConversationRelay',
    attribute: 'eagerEotThreshold',
    helper: 'string',
    docs: 'not listed (the page has eotThreshold)',
    see: RELAY,
    ours: 'kept, 0.3–0.9 as the helper says',
  },
  {
    element: 'ConversationRelay',
    attribute: 'reportInputDuringAgentSpeech',
    helper: 'boolean',
    docs: 'none, dtmf, speech or any; default none',
    see: RELAY,
    ours: 'those four; true and false are warned',
  },
  {
    element: 'ConversationRelay',
    attribute: 'welcomeGreetingInterruptible',
    helper: 'string',
    docs: 'none, dtmf, speech or any; default any (true/false documented for interruptible)',
    see: RELAY,
    ours: 'those four, and true/false as for interruptible (an earlier revision made it a boolean): not applied',
  },
  {
    element: 'ConversationRelay',
    attribute: 'speechModel',
    helper: 'string',
    docs: 'per provider; Deepgram also flux',
    see: RELAY,
    ours: 'flux added to the known models',
  },
  {
    element: 'ConversationRelay',
    attribute: 'voice',
    helper: 'string',
    docs: 'default per provider: UgBBYS2sOqTuMpoF3BR0, en-US-Journey-O, Joanna-Neural',
    see: RELAY,
    ours: '@default names all three',
  },
  {
    element: 'ConversationRelay',
    attribute: 'events',
    helper: 'string',
    docs: 'space-separated speaker-events, tokens-played',
    see: RELAY,
    ours: 'free text (known only from transcriptions of the page): not enforced',
  },
  {
    element: 'ConversationRelay',
    attribute: 'profanityFilter',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'applicationReconnect',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'asrSmartFormat',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'echoPromptFiltering',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'partialPromptOnHangup',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'includeInPrompt',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'ttsTextNormalization',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'ttsLanguageTextNormalization',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'elevenlabsLanguageTextNormalization',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'conversationConfiguration',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'conversationId',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'ConversationRelay',
    attribute: 'customerName',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  { element: 'Language', attribute: 'hints', helper: 'string', docs: HELPER_ONLY, see: RELAY, ours: KEPT },
  { element: 'Language', attribute: 'asrSmartFormat', helper: 'boolean', docs: HELPER_ONLY, see: RELAY, ours: KEPT },
  {
    element: 'Language',
    attribute: 'ttsTextNormalization',
    helper: 'string',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'Language',
    attribute: 'ttsLanguageTextNormalization',
    helper: 'boolean',
    docs: HELPER_ONLY,
    see: RELAY,
    ours: KEPT,
  },
  {
    element: 'Language',
    attribute: 'ttsProvider',
    helper: 'string',
    docs: 'with code="multi": ElevenLabs only (and Deepgram for transcriptionProvider)',
    see: RELAY,
    ours: 'said in the JSDoc, not checked',
  },
  {
    element: 'Language',
    attribute: 'code',
    helper: 'string',
    docs: 'a language code, or multi',
    see: RELAY,
    ours: 'language-tag shape checked (an error otherwise); unknown tags warned',
  },
  // <Connect> and its nouns
  {
    element: 'Assistant',
    attribute: '(element)',
    helper: 'element: absent',
    docs: 'no page (the Connect page lists four nouns)',
    see: `${DOCS}voice/twiml/connect`,
    ours: 'kept from the helper source, warned as undocumented',
  },
  {
    element: 'AiSession',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'no page',
    see: `${DOCS}voice/twiml/connect`,
    ours: 'kept, warned as undocumented',
  },
  {
    element: 'ConversationRelaySession',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'no page',
    see: `${DOCS}voice/twiml/connect`,
    ours: 'kept, warned as undocumented',
  },
  {
    element: 'Connect',
    attribute: '(children)',
    helper:
      'builds: AiSession, Autopilot, Conversation, ConversationRelay, ConversationRelaySession, Room, Stream, VirtualAgent',
    docs: 'ConversationRelay, Room, Stream, VirtualAgent (and Conversation on its own page)',
    see: `${DOCS}voice/twiml/connect`,
    ours: 'all allowed; the undocumented and retired ones warned',
  },
  {
    element: 'Connect',
    attribute: 'action',
    helper: 'string',
    docs: 'the Connect page: without action the next verb runs; the Dialogflow CX page: the current document',
    see: `${DOCS}voice/twiml/connect`,
    ours: 'the Connect page (falls through)',
  },
  {
    element: 'VirtualAgent',
    attribute: 'connectorName',
    helper: 'string',
    docs: 'required: without it the session fails (32602)',
    see: `${DOCS}api/errors/32602`,
    ours: 'required',
  },
  {
    element: 'VirtualAgent',
    attribute: 'language',
    helper: 'string',
    docs: 'a Dialogflow language code; the example writes fr',
    see: `${DOCS}voice/twiml/connect/virtualagent`,
    ours: 'language-tag shape checked',
  },
  // <Stream>, <Start>, <Stop>, <Siprec>, <Transcription>, <Recording>
  {
    element: 'Stream',
    attribute: 'url',
    helper: 'string',
    docs: 'relative or absolute, wss only, no query string (use <Parameter>)',
    see: STREAM,
    ours: 'relative allowed; a query string is an error (stream-query-string)',
  },
  {
    element: 'Stream',
    attribute: 'statusCallback',
    helper: 'string',
    docs: 'relative or absolute (an older revision said absolute)',
    see: STREAM,
    ours: 'relative or absolute',
  },
  { element: 'Stream', attribute: 'connectorName', helper: 'string', docs: HELPER_ONLY, see: STREAM, ours: KEPT },
  { element: 'Stream', attribute: 'audioFormat', helper: 'string', docs: HELPER_ONLY, see: STREAM, ours: KEPT },
  { element: 'Stream', attribute: 'sampleRate', helper: 'string', docs: HELPER_ONLY, see: STREAM, ours: KEPT },
  {
    element: 'Stream',
    attribute: 'track',
    helper: 'one of: both_tracks, inbound_track, outbound_track',
    docs: 'the same, but under <Connect> only inbound_track (31941)',
    see: `${DOCS}api/errors/31941`,
    ours: 'connect-stream-track error under <Connect>',
  },
  {
    element: 'Parameter',
    attribute: 'value',
    helper: 'string',
    docs: 'in <Stream>, name and value together under 500 characters',
    see: STREAM,
    ours: 'too-long error in <Stream>',
  },
  {
    element: 'Stop',
    attribute: '(children)',
    helper: 'builds: MediaFilter, Siprec, Stream, Transcription',
    docs: 'also <Recording>, stopped by name',
    see: `${DOCS}voice/twiml/recording`,
    ours: '<Recording> allowed in <Stop>, with stop-needs-name',
  },
  {
    element: 'Recording',
    attribute: 'name',
    helper: 'absent',
    docs: 'a name unique in the call, for <Stop>',
    see: `${DOCS}voice/twiml/recording`,
    ours: 'added',
  },
  {
    element: 'Start',
    attribute: 'action',
    helper: 'string',
    docs: '<Start> is shown without attributes',
    see: STREAM,
    ours: KEPT,
  },
  {
    element: 'MediaFilter',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'no page',
    see: STREAM,
    ours: 'kept, warned as undocumented',
  },
  {
    element: 'Siprec',
    attribute: 'connectorName',
    helper: 'string',
    docs: 'needed to start a session (the only attribute not marked optional)',
    see: `${DOCS}voice/twiml/siprec`,
    ours: 'siprec-needs-connector error in <Start>',
  },
  {
    element: 'Transcription',
    attribute: 'statusCallbackMethod',
    helper: 'one of: GET, POST',
    docs: 'not listed; Twilio POSTs',
    see: `${DOCS}voice/twiml/transcription`,
    ours: KEPT,
  },
  {
    element: 'Transcription',
    attribute: 'enableProviderData',
    helper: 'absent',
    docs: 'true or false, default false',
    see: `${DOCS}voice/twiml/transcription`,
    ours: 'added',
  },
  {
    element: 'Transcription',
    attribute: 'languageCode',
    helper: 'string',
    docs: 'a language tag (BCP 47 in the REST resource)',
    see: `${DOCS}voice/twiml/transcription`,
    ours: 'language-tag shape checked',
  },
  // <Pay> and <Prompt>
  {
    element: 'Pay',
    attribute: 'bankAccountType',
    helper: 'one of: commercial-checking, commercial-savings, consumer-checking, consumer-savings',
    docs: 'consumer-checking, consumer-savings, commercial-checking',
    see: PAY,
    ours: 'commercial-savings is warned (helper-spelling)',
  },
  {
    element: 'Pay',
    attribute: 'statusCallbackMethod',
    helper: 'one of: GET, POST',
    docs: 'not listed; Twilio POSTs',
    see: PAY,
    ours: KEPT,
  },
  {
    element: 'Pay',
    attribute: 'language',
    helper:
      'one of: de-DE, en-AU, en-CA, en-GB, en-IE, en-IN, en-NZ, en-PH, en-US, en-ZA, es-ES, es-US, fr-CA, fr-FR, it-IT',
    docs: 'de-DE, en-AU, en-CA, en-GB, en-IN, en-US, es-ES, es-MX, fr-CA, fr-FR, it-IT (ACH: the English ones)',
    see: PAY,
    ours: 'the documented ones; en-IE, en-NZ, en-PH, en-ZA, es-US warned; es-MX added',
  },
  {
    element: 'Pay',
    attribute: 'language',
    helper: 'excludes: en-us',
    docs: 'the default written en-us',
    see: PAY,
    ours: 'languages compared without regard to case',
  },
  {
    element: 'Pay',
    attribute: 'maxAttempts',
    helper: 'number',
    docs: '1, 2 or 3; default 1 in the text, none in the table',
    see: PAY,
    ours: '1–3, @default 1',
  },
  {
    element: 'Pay',
    attribute: 'chargeAmount',
    helper: 'string',
    docs: 'a decimal from 0 to 1,000,000 (64003)',
    see: PAY,
    ours: '0–1,000,000',
  },
  {
    element: 'Pay',
    attribute: 'timeout',
    helper: 'number',
    docs: 'no maximum on the TwiML page (the REST Payment resource says 600)',
    see: `${DOCS}voice/api/payment-resource`,
    ours: 'at least 1, no maximum: not applied (a REST limit)',
  },
  {
    element: 'Pay',
    attribute: 'action',
    helper: 'string',
    docs: 'https, POST; the Pay tutorials\' TwiML Bin writes action=""',
    see: `${DOCS}voice/twiml/pay/generic-pay-connector`,
    ours: "'' is the same as leaving it out",
  },
  {
    element: 'Prompt',
    attribute: 'for',
    helper:
      'one of: bank-account-number, bank-routing-number, expiration-date, payment-card-number, payment-processing, postal-code, security-code',
    docs: 'required',
    see: PROMPT,
    ours: 'required',
  },
  {
    element: 'Prompt',
    attribute: 'attempt',
    helper: 'number[]',
    docs: 'whole numbers 1–10',
    see: PROMPT,
    ours: '1–10',
  },
  {
    element: 'Prompt',
    attribute: 'errorType',
    helper:
      'list of: input-matching-failed, internal-error, invalid-card-number, invalid-card-type, invalid-date, invalid-security-code, timeout',
    docs: 'also invalid-postal-code, invalid-bank-routing-number, invalid-bank-account-number; no internal-error',
    see: PROMPT,
    ours: 'the documented ones; internal-error warned',
  },
  {
    element: 'Prompt',
    attribute: 'requireMatchingInputs',
    helper: 'boolean',
    docs: 'only for the ACH steps (bank-account-number, bank-routing-number)',
    see: PROMPT,
    ours: 'said in the JSDoc, not checked',
  },
  {
    element: 'Prompt',
    attribute: '(children)',
    helper: 'builds: Pause, Play, Say',
    docs: 'shows <Say> and <Play>',
    see: PROMPT,
    ours: '<Pause> kept (the page does not forbid it)',
  },
  // <Dial> and its nouns
  {
    element: 'Conference',
    attribute: 'region',
    helper: 'one of: au1, br1, de1, ie1, jp1, sg1, us1, us2',
    docs: 'us1, ie1, de1, sg1, br1, au1, jp1',
    see: CONFERENCE,
    ours: 'us2 warned',
  },
  {
    element: 'Conference',
    attribute: 'participantLabel',
    helper: 'string',
    docs: 'at most 128 characters, no "/", not a Call SID (16023)',
    see: `${DOCS}api/errors/16023`,
    ours: 'all three checked',
  },
  {
    element: 'Conference',
    attribute: 'statusCallbackMethod',
    helper: 'string',
    docs: "the default column repeats waitMethod's wording",
    see: CONFERENCE,
    ours: '@default POST (a copy slip on the page)',
  },
  {
    element: 'Conference',
    attribute: 'waitUrl',
    helper: 'string',
    docs: "'' waits in silence (13233)",
    see: `${DOCS}api/errors/13233`,
    ours: "'' accepted",
  },
  {
    element: 'Dial',
    attribute: 'record',
    helper:
      'one of: do-not-record, record-from-answer, record-from-answer-dual, record-from-ringing, record-from-ringing-dual',
    docs: 'also true and false (13217)',
    see: `${DOCS}api/errors/13217`,
    ours: 'true and false accepted',
  },
  {
    element: 'Dial',
    attribute: 'callReason',
    helper: 'absent',
    docs: 'at most 50 characters (Branded Calling)',
    see: DIAL,
    ours: 'added',
  },
  {
    element: 'Dial',
    attribute: 'events',
    helper: 'one of: call-progress-event',
    docs: HELPER_ONLY,
    see: DIAL,
    ours: KEPT,
  },
  { element: 'Dial', attribute: 'passports', helper: 'string', docs: HELPER_ONLY, see: DIAL, ours: KEPT },
  {
    element: 'Dial',
    attribute: 'sequential',
    helper: 'boolean',
    docs: 'no default printed',
    see: DIAL,
    ours: '@default false kept',
  },
  {
    element: 'Dial',
    attribute: 'trim',
    helper: 'one of: do-not-trim, trim-silence',
    docs: 'the default given as none, do-not-trim and trim-silence in different places',
    see: DIAL,
    ours: 'no @default',
  },
  {
    element: 'Dial',
    attribute: 'action',
    helper: 'string',
    docs: "without it the next verb runs; '' is a relative URL to this document",
    see: DIAL,
    ours: "'' warned (empty-url)",
  },
  {
    element: 'Sim',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'not in the Dial page; the Programmable Wireless page and error 13258',
    see: `${DOCS}api/errors/13258`,
    ours: 'kept',
  },
  {
    element: 'Uri',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'only error pages 13250–13253 mention it',
    see: `${DOCS}api/errors/13250`,
    ours: 'kept, warned as undocumented',
  },
  {
    element: 'Number',
    attribute: 'sendDigits',
    helper: 'string',
    docs: 'the Number page: 0–9, A–D, #, *, w, W; warning 13222: 0–9, #, *, w',
    see: `${DOCS}api/errors/13222`,
    ours: 'the Number page',
  },
  {
    element: 'Queue',
    attribute: '(text)',
    helper: 'text',
    docs: 'fewer than 64 characters (14213)',
    see: `${DOCS}api/errors/14213`,
    ours: 'at most 63',
  },
  // <Gather>, <Say>, <Play>, <Enqueue>, <Redirect>
  {
    element: 'Gather',
    attribute: 'bargeIn',
    helper: 'boolean',
    docs: 'not in the attribute table (warning 13332 names it)',
    see: GATHER,
    ours: KEPT,
  },
  { element: 'Gather', attribute: 'debug', helper: 'boolean', docs: HELPER_ONLY, see: GATHER, ours: KEPT },
  {
    element: 'Gather',
    attribute: 'maxSpeechTime',
    helper: 'number',
    docs: 'not in the attribute table (warning 13328 names it)',
    see: GATHER,
    ours: KEPT,
  },
  {
    element: 'Say',
    attribute: 'voice',
    helper: 'includes: alice, man, woman',
    docs: 'man, woman and provider voices; alice no longer listed',
    see: `${DOCS}voice/twiml/say`,
    ours: 'alice accepted (Twilio still reads it)',
  },
  {
    element: 'Say',
    attribute: 'language',
    helper: 'excludes: de, en, es, fr, it',
    docs: 'man and woman take en, en-gb, es, fr, de, it',
    see: `${DOCS}voice/twiml/say`,
    ours: 'added to the known languages',
  },
  {
    element: 'Play',
    attribute: 'loop',
    helper: 'number',
    docs: 'the table says one digit; warning 13410 says any whole number from 0',
    see: `${DOCS}api/errors/13410`,
    ours: 'from 0',
  },
  {
    element: 'Enqueue',
    attribute: 'maxQueueSize',
    helper: 'number',
    docs: 'not an Enqueue attribute; a queue holds 1000 callers by default, at most 5000 (14207)',
    see: `${DOCS}api/errors/14207`,
    ours: 'kept, 1–5000',
  },
  {
    element: 'Enqueue',
    attribute: '(text)',
    helper: 'text',
    docs: 'fewer than 64 characters (14205)',
    see: `${DOCS}api/errors/14205`,
    ours: 'at most 63',
  },
  {
    element: 'Enqueue',
    attribute: 'waitUrlMethod',
    helper: 'string',
    docs: 'POST, or GET when waitUrl is left out',
    see: `${DOCS}voice/twiml/enqueue`,
    ours: '@default says both',
  },
  {
    element: 'Redirect',
    attribute: '(text)',
    helper: 'text',
    docs: 'a blank URL is this same document, so the document loops (a waitUrl document repeats its music so)',
    see: CONFERENCE,
    ours: 'empty-url warning',
  },
  // Fax and others
  {
    element: 'Receive',
    attribute: 'storeMedia',
    helper: 'boolean',
    docs: 'no page (Programmable Fax retired, 34005)',
    see: `${DOCS}api/errors/34005`,
    ours: 'kept',
  },
  {
    element: 'Echo',
    attribute: '(element)',
    helper: 'element: present',
    docs: 'no page',
    see: `${DOCS}voice/twiml`,
    ours: 'kept, warned as undocumented',
  },
];

/** Attributes twiml-jsx has from Twilio's docs, which the installed helper does not declare. */
const DOCUMENTED_EXTRAS = DIFFERENCES.filter((d) => d.helper === 'absent' && !d.attribute.startsWith('(')).map(
  (d) => `${d.element}.${d.attribute}`,
);

/** What the installed helper declares for an element's attribute, children, text or itself, as `helper` says it. */
function helperSays({ element, attribute, helperAttribute }: Difference): string {
  const creating = methods.filter((m) => tagOfMethod(m.method) === element);
  if (attribute === '(element)') return `element: ${creating.length > 0 ? 'present' : 'absent'}`;
  if (attribute === '(text)') return creating.some((m) => m.takesText) ? 'text' : 'no text';
  if (attribute === '(children)') {
    const classes = new Set([...classTag].filter(([, tag]) => tag === element).map(([name]) => name));
    const built = methods.filter((m) => classes.has(m.parentClass)).map((m) => tagOfMethod(m.method)!);
    return `builds: ${[...new Set(built)].sort().join(', ')}`;
  }
  const declared = creating
    .map((m) => (m.attributes === undefined ? undefined : interfaces.get(m.attributes)))
    .find((found) => found !== undefined);
  const type = declared?.get(helperAttribute ?? attribute);
  if (type === undefined) return 'absent';
  const union = /^\(?("[^"]*"(?: \| "[^"]*")*)\)?(\[\])?$/.exec(type);
  if (!union) return type;
  const values = union[1].split(' | ').map((v) => v.slice(1, -1));
  return `${union[2] ? 'list of' : 'one of'}: ${[...values].sort().join(', ')}`;
}

describe("differences between Twilio's docs and the official helper", () => {
  it.each(DIFFERENCES.map((d) => [`${d.element} ${d.helperAttribute ?? d.attribute}: ${d.docs}`, d] as const))(
    '%s',
    (_, difference) => {
      const { helper, element, attribute, helperAttribute, see } = difference;
      expect(see).toMatch(/^https:\/\//);
      const actual = helperSays(difference);
      const [form, list] = helper.split(': ');
      if (form === 'includes' || form === 'excludes') {
        const values = actual.replace(/^(one|list) of: /, '').split(', ');
        for (const value of list.split(', '))
          expect(values.includes(value), `${form} ${value}`).toBe(form === 'includes');
      } else {
        expect(actual).toBe(helper);
      }
      const spec = specOf(element);
      expect(spec, `<${element}> has a table`).toBeDefined();
      if (attribute.startsWith('(')) return;
      const ours = Object.entries(spec!.attributes).find(([prop, a]) => (a.xml ?? prop) === attribute)?.[1];
      expect(ours, `<${element}> has ${attribute}`).toBeDefined();
      if (helperAttribute !== undefined) {
        // The documented spelling is ours; the helper's is known to the table, so it is warned.
        expect(ours!.helperName).toBe(helperAttribute);
        expect(helperSays({ ...difference, helperAttribute: undefined })).toBe('absent');
      }
    },
  );

  it('lists every helper spelling and helper-only value the tables know', () => {
    const listed = (element: string, attribute: string) =>
      DIFFERENCES.some((d) => d.element === element && (d.helperAttribute ?? d.attribute) === attribute);
    // (Elements the installed helper cannot build share their rows' spellings: <Assistant> has ConversationRelay's.)
    for (const spec of Object.values(vocabulary).filter((spec) => !NOT_IN_INSTALLED_HELPER.includes(spec.tag))) {
      for (const [prop, a] of Object.entries(spec.attributes)) {
        if (a.helperName) expect(listed(spec.tag, a.helperName), `${spec.tag} ${a.helperName}`).toBe(true);
        if (a.helperValues) expect(listed(spec.tag, a.xml ?? prop), `${spec.tag} ${prop}`).toBe(true);
      }
    }
  });

  it("warns about exactly the helper-only values: the helper's union less the documented values", () => {
    for (const d of DIFFERENCES) {
      const ours = Object.entries(specOf(d.element)?.attributes ?? {}).find(
        ([p, a]) => (a.xml ?? p) === d.attribute,
      )?.[1];
      if (!ours?.helperValues || !/^(one|list) of: /.test(d.helper)) continue;
      const helperValues = d.helper.replace(/^(one|list) of: /, '').split(', ');
      expect([...ours.helperValues].sort(), `${d.element} ${d.attribute}`).toEqual(
        helperValues.filter((v) => !(ours.values ?? []).includes(v)).sort(),
      );
    }
  });
});

describe('parity with the official helper', () => {
  it('has a component for every element the helper builds', () => {
    const missing = [...new Set(methods.map((m) => m.method))].filter((m) => tagOfMethod(m) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(methods.map((m) => [`${m.parentClass}.${m.method}()`, m] as const))('%s', (_, m) => {
    const parent = classTag.get(m.parentClass)!;
    const child = tagOfMethod(m.method)!;
    const parentSpec = specOf(parent)!;
    const childSpec = specOf(child)!;
    // Structure: allowed where the helper builds it, unless the docs place it elsewhere.
    if (!REJECTED_PLACEMENTS.includes(`${parent} > ${child}`)) expect(parentSpec.children ?? []).toContain(child);
    // Text: the element holds text exactly when the helper's method takes some.
    expect({ tag: child, text: childSpec.text !== undefined }).toEqual({ tag: child, text: m.takesText });
    // Attributes: the same names (XML names), plus documented extras.
    if (m.parentClass === 'Refer') return; // the helper's <Refer><Sip> takes free-form attributes
    const theirs = [...((m.attributes ? interfaces.get(m.attributes) : undefined)?.keys() ?? [])];
    // Ours under the helper's spelling, less what only the docs have.
    const ours = Object.entries(childSpec.attributes)
      .filter(([prop, a]) => !DOCUMENTED_EXTRAS.includes(`${child}.${a.xml ?? prop}`))
      .map(([prop, a]) => a.helperName ?? a.xml ?? prop);
    expect(ours.sort()).toEqual(theirs.sort());
  });

  it('lists the elements the installed helper lacks, and only those', () => {
    const built = new Set(classTag.values());
    expect([...allTags()].filter((t) => !built.has(t))).toEqual(NOT_IN_INSTALLED_HELPER);
  });

  it('rejects exactly the placements listed above', () => {
    for (const placement of REJECTED_PLACEMENTS) {
      const [parent, child] = placement.split(' > ');
      expect(specOf(parent)!.children ?? []).not.toContain(child);
    }
  });
});

describe('components', () => {
  it('exports one component per element table, named after it, plus the DialNumber and TwiMLResponse aliases', () => {
    const names = Object.keys(vocabulary).filter((name) => 'tag' in (vocabulary as Record<string, object>)[name]);
    for (const name of names) expect(typeof (core as Record<string, unknown>)[name], name).toBe('function');
    expect(core.DialNumber).toBe(core.Number);
    expect(core.TwiMLResponse).toBe(core.Response);
  });

  it('builds elements with the table tag', () => {
    for (const [name, spec] of Object.entries(vocabulary)) {
      const make = (core as unknown as Record<string, (p: object) => core.TwiMLElement>)[name];
      expect(make({}).type, name).toBe(spec.tag);
      expect(make.name).toBe(name);
    }
  });
});
