/**
 * Validation rules: for every problem code, a document that passes and one that breaks exactly
 * that rule. Messages say what is wrong and what is allowed.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'twiml-jsx/xml';
import {
  Application,
  ApplicationSid,
  Body,
  Break,
  Client,
  Comment,
  Conference,
  Connect,
  ConversationRelay,
  Dial,
  Echo,
  Enqueue,
  Gather,
  Hangup,
  Identity,
  Lang,
  Language,
  Media,
  Message,
  Number,
  Parameter,
  Pause,
  Pay,
  Play,
  PROBLEM_CODES,
  type Problem,
  Prompt,
  type ProblemCode,
  Receive,
  Record,
  Redirect,
  Refer,
  Recording,
  render,
  Response,
  Say,
  SayAs,
  Sip,
  Siprec,
  Sms,
  Start,
  Stop,
  Stream,
  Task,
  type TwiMLElement,
  TwiMLValidationError,
  validate,
  WhatsApp,
} from 'twiml-jsx';
import { createElement } from 'twiml-jsx/jsx-runtime';
import { compiled } from '../src/validate/compile.js';
import { vocabulary } from '../src/vocabulary/index.js';

/** JSX with props the types refuse, as plain JS callers could write them. */
const loose = (component: unknown, props: Record<string, unknown>, ...children: unknown[]) =>
  createElement(component, props, ...children);

interface Case {
  /** A document that follows the rule. */
  readonly valid: TwiMLElement;
  /** The same kind of document breaking it: exactly one problem, with this code. */
  readonly invalid: TwiMLElement;
  readonly path: string;
  readonly message: RegExp;
  /** Other problems both documents have (e.g. a deprecation warning), left out of the check. */
  readonly besides?: ProblemCode[];
}

const long = (n: number) => 'x'.repeat(n);

/** The element under another tag, as a misspelt XML document would have it. */
const renamed = (element: TwiMLElement, type: string) => createElement(() => ({ ...element, type }), {});

const CASES: Partial<Record<ProblemCode, Case[]>> = {
  'root-not-response': [
    { valid: <Response />, invalid: <Say>Hi</Say>, path: 'Say', message: /root element must be <Response>, not <Say>/ },
    {
      valid: (
        <>
          <Comment>x</Comment>
          <Response />
        </>
      ),
      invalid: (
        <>
          <Comment>x</Comment>
        </>
      ),
      path: '',
      message: /document is empty/,
    },
  ],
  'multiple-roots': [
    {
      valid: (
        <>
          <Response />
          <Comment>end</Comment>
        </>
      ),
      invalid: (
        <>
          <Response />
          <Response />
        </>
      ),
      path: 'Response[2]',
      message: /one root element; found 2/,
    },
  ],
  'text-outside-root': [
    {
      valid: (
        <>
          {'\n'}
          <Response />
        </>
      ),
      invalid: (
        <>
          hello
          <Response />
        </>
      ),
      path: '',
      message: /text "hello" outside <Response>/,
    },
  ],
  'unknown-element': [
    {
      // Issue 14: the suggestion is what may stand there (<Language>), not the SSML <lang>.
      valid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay">{loose(Language, { code: 'sv-SE' })}</ConversationRelay>
          </Connect>
        </Response>
      ),
      invalid: loose(
        Response,
        {},
        loose(
          Connect,
          {},
          loose(
            ConversationRelay,
            { url: 'wss://example.com/relay' },
            renamed(loose(Language, { code: 'sv-SE' }), 'Lang'),
          ),
        ),
      ),
      path: 'Response > Connect > ConversationRelay > Lang',
      message: /^<Lang> is not a TwiML element; did you mean "Language"\?$/,
    },
    {
      valid: (
        <Response>
          <Say>x</Say>
        </Response>
      ),
      invalid: loose(Response, {}, renamed(<Say>x</Say>, 'Sya')),
      path: 'Response > Sya',
      message: /<Sya> is not a TwiML element; did you mean "Say"\?/,
    },
  ],
  'invalid-child': [
    {
      // Issue 14: one problem for one cause (no mixed-document calling <Media> a voice verb).
      valid: (
        <Response>
          <Message>
            <Media>https://example.com/a.png</Media>
          </Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Media>https://example.com/a.png</Media>
        </Response>
      ),
      path: 'Response > Media',
      message: /<Media> cannot be inside <Response>; allowed: Connect, Dial/,
    },
    {
      valid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay">
              <Parameter name="a" value="1" />
            </ConversationRelay>
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay">
              <Lang xmlLang="sv-SE">hej</Lang>
            </ConversationRelay>
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > ConversationRelay > lang',
      message: /<lang> cannot be inside <ConversationRelay>; allowed: Language, Parameter; did you mean "Language"\?$/,
    },
    {
      valid: (
        <Response>
          <Gather>
            <Say>Press 1</Say>
          </Gather>
          <Dial>+15555550100</Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Gather>
            <Dial>+15555550100</Dial>
          </Gather>
        </Response>
      ),
      path: 'Response > Gather > Dial',
      message: /<Dial> cannot be inside <Gather>; allowed: Say, Play, Pause$/,
    },
    {
      valid: (
        <Response>
          <Say>
            x <Break />
          </Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Gather>
            <Break />
          </Gather>
        </Response>
      ),
      path: 'Response > Gather > break',
      message: /<break> cannot be inside <Gather>/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Conference>room</Conference>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Conference>room</Conference>
        </Response>
      ),
      path: 'Response > Conference',
      message: /<Conference> cannot be inside <Response>; allowed: Connect, Dial/,
    },
    {
      valid: (
        <Response>
          <Hangup>
            <Parameter name="reason" value="done" />
          </Hangup>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Pause, {}, <Parameter name="a" />)),
      path: 'Response > Pause > Parameter',
      message: /<Parameter> cannot be inside <Pause>, which holds no elements/,
    },
  ],
  'too-many-children': [
    {
      valid: (
        <Response>
          <Message>
            {Array.from({ length: 10 }, (_, i) => (
              <Media key={i}>{`https://example.com/${i}.png`}</Media>
            ))}
          </Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Message>
            {Array.from({ length: 11 }, (_, i) => (
              <Media key={i}>{`https://example.com/${i}.png`}</Media>
            ))}
          </Message>
        </Response>
      ),
      path: 'Response > Message',
      message: /<Message> holds 11 <Media> elements; at most 10/,
    },
  ],
  'unknown-attribute': [
    {
      valid: (
        <Response>
          <Gather numDigits={1} />
        </Response>
      ),
      invalid: loose(Response, {}, loose(Gather, { numDigit: 1 })),
      path: 'Response > Gather',
      message: /<Gather> has no attribute numDigit; did you mean "numDigits"\?/,
    },
    {
      valid: (
        <Response>
          <Hangup />
        </Response>
      ),
      invalid: loose(Response, {}, loose(Hangup, { reason: 'busy' })),
      path: 'Response > Hangup',
      message: /<Hangup> has no attributes; remove reason/,
    },
  ],
  'missing-attribute': [
    {
      valid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/s">
              <Parameter name="a" value="1" />
            </Stream>
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/s">{loose(Parameter, { value: '1' })}</Stream>
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > Stream > Parameter',
      message: /<Parameter> needs the name attribute/,
    },
  ],
  'invalid-value': [
    {
      // Issue 14: not even shaped like a language tag (a well-shaped unknown one is only unknown-value).
      valid: (
        <Response>
          <Say language="en-GB">Hello</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say language="english">Hello</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /<Say> language="english" is not a language tag such as en-US$/,
    },
    {
      valid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay" speechTimeout={600} />
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay" speechTimeout={500} />
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > ConversationRelay',
      message: /speechTimeout="500" is not allowed; allowed: auto or a whole number of milliseconds from 600 to 5000/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Conference participantLabel="agent-1">room</Conference>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Conference participantLabel="team/agent-1">room</Conference>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Conference',
      message: /participantLabel="team\/agent-1" is not valid; expected a label without "\/" that is not a Call SID/,
    },
    {
      valid: (
        <Response>
          <Gather input={['dtmf', 'speech']} />
        </Response>
      ),
      invalid: loose(Response, {}, loose(Gather, { input: ['dtmf', 'voice'] })),
      path: 'Response > Gather',
      message: /<Gather> input="dtmf voice": "voice" is not allowed; allowed: dtmf, speech/,
    },
    {
      valid: (
        <Response>
          <Redirect method="GET">/x</Redirect>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Redirect, { method: 'get' }, '/x')),
      path: 'Response > Redirect',
      message: /method="get" is not allowed; allowed: GET, POST; did you mean "GET"\?/,
    },
    {
      valid: (
        <Response>
          <Gather finishOnKey="#" />
        </Response>
      ),
      invalid: (
        <Response>
          <Gather finishOnKey="#*" />
        </Response>
      ),
      path: 'Response > Gather',
      message: /finishOnKey="#\*" is not valid; expected one key of 0-9, # or \*/,
    },
    {
      valid: (
        <Response>
          <Record finishOnKey="#*1" />
        </Response>
      ),
      invalid: (
        <Response>
          <Record finishOnKey="#a" />
        </Response>
      ),
      path: 'Response > Record',
      message: /finishOnKey="#a" is not valid; expected a set of the keys 0-9, # and \*/,
    },
    {
      valid: (
        <Response>
          <Play digits="1w2#" />
        </Response>
      ),
      invalid: (
        <Response>
          <Play digits="1x2" />
        </Response>
      ),
      path: 'Response > Play',
      message: /digits="1x2" is not valid; expected DTMF characters/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Number sendDigits="wwww1928">+15555550100</Number>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Number sendDigits="ext 12">+15555550100</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Number',
      message: /sendDigits="ext 12" is not valid/,
    },
    {
      valid: (
        <Response>
          <Dial hangupOnStar>+15555550100</Dial>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Dial, { hangupOnStar: 'yes' }, '+15555550100')),
      path: 'Response > Dial',
      message: /hangupOnStar="yes" is not a boolean; allowed: true, false/,
    },
    {
      valid: (
        <Response>
          <Say voice="Polly.Joanna">x</Say>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Say, { voice: 'Joanna' }, 'x')),
      path: 'Response > Say',
      message: /voice="Joanna" is not valid; expected man, woman, or a provider voice/,
    },
    {
      valid: (
        <Response>
          <Gather speechTimeout="auto" />
        </Response>
      ),
      invalid: loose(Response, {}, loose(Gather, { speechTimeout: 'soon' })),
      path: 'Response > Gather',
      message: /speechTimeout="soon" is not allowed; allowed: auto or a positive whole number/,
    },
    {
      valid: (
        <Response>
          <Enqueue workflowSid="WW0123456789abcdef0123456789abcdef" />
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue workflowSid="WW123" />
        </Response>
      ),
      path: 'Response > Enqueue',
      message: /workflowSid="WW123" is not valid; expected a WW SID/,
    },
  ],
  'unknown-value': [
    {
      valid: (
        <Response>
          <Say language="fr-FR">Bonjour</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say language="xx-YY">Bonjour</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /language="xx-YY" is not a value Twilio lists/,
    },
    {
      // The basic voices' short codes, as Twilio's Say page listed them, are known.
      valid: (
        <Response>
          <Say voice="woman" language="es">
            Hola
          </Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say voice="woman" language="es-XX">
            Hola
          </Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /language="es-XX" is not a value Twilio lists/,
    },
    {
      valid: (
        <Response>
          <Say voice="Google.en-US-Neural2-F">x</Say>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Say, { voice: 'Azure.en-US-Jenny' }, 'x')),
      path: 'Response > Say',
      message: /is not from a voice provider Twilio lists/,
    },
  ],
  'helper-spelling': [
    {
      // Issue 14: the docs' camelCase is right; the helper's lowercase is named for what it is.
      valid: (
        <Response>
          <Connect>
            <ConversationRelay url="wss://example.com/relay" speechTimeout={1200} ignoreBackchannel />
          </Connect>
        </Response>
      ),
      invalid: loose(
        Response,
        {},
        loose(Connect, {}, loose(ConversationRelay, { url: 'wss://example.com/relay', speechtimeout: 1200 })),
      ),
      path: 'Response > Connect > ConversationRelay',
      message: /speechtimeout is the official helper's spelling; Twilio's docs spell it speechTimeout/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Conference region="ie1">room</Conference>
          </Dial>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Dial, {}, loose(Conference, { region: 'us2' }, 'room'))),
      path: 'Response > Dial > Conference',
      message: /region="us2" is in the official helper's types but not in Twilio's docs; documented: us1, ie1/,
    },
    {
      valid: (
        <Response>
          <Pay>
            <Prompt for="payment-card-number" errorType={['timeout', 'invalid-postal-code']}>
              <Say>Card number?</Say>
            </Prompt>
          </Pay>
        </Response>
      ),
      invalid: loose(
        Response,
        {},
        loose(
          Pay,
          {},
          loose(Prompt, { for: 'payment-card-number', errorType: 'timeout internal-error' }, <Say>Card number?</Say>),
        ),
      ),
      path: 'Response > Pay > Prompt',
      message:
        /errorType="timeout internal-error": "internal-error" is in the official helper's types but not in Twilio's docs/,
    },
  ],
  'invalid-number': [
    {
      valid: (
        <Response>
          <Pause length={2} />
        </Response>
      ),
      invalid: loose(Response, {}, loose(Pause, { length: '2s' })),
      path: 'Response > Pause',
      message: /<Pause> length="2s" is not a whole number/,
    },
  ],
  'out-of-range': [
    {
      valid: (
        <Response>
          <Dial timeout={600}>+15555550100</Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial timeout={4}>+15555550100</Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /timeout="4" is out of range; allowed: from 5 to 600/,
    },
    {
      valid: (
        <Response>
          <Pause length={1} />
        </Response>
      ),
      invalid: (
        <Response>
          <Pause length={0} />
        </Response>
      ),
      path: 'Response > Pause',
      message: /length="0" is out of range; allowed: at least 1/,
    },
    {
      valid: (
        <Response>
          <Gather numDigits={1} timeout={1} />
        </Response>
      ),
      invalid: (
        <Response>
          <Gather numDigits={0} />
        </Response>
      ),
      path: 'Response > Gather',
      message: /numDigits="0" is out of range/,
    },
    {
      valid: (
        <Response>
          <Record maxLength={14400} />
        </Response>
      ),
      invalid: (
        <Response>
          <Record maxLength={1} />
        </Response>
      ),
      path: 'Response > Record',
      message: /maxLength="1" is out of range/,
    },
    {
      valid: (
        <Response>
          <Say loop={0}>x</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say loop={-1}>x</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /loop="-1" is out of range/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Number machineDetectionTimeout={60}>+15555550100</Number>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Number machineDetectionTimeout={61}>+15555550100</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Number',
      message: /machineDetectionTimeout="61" is out of range; allowed: from 3 to 60/,
    },
  ],
  'invalid-url': [
    {
      valid: (
        <Response>
          <Gather action="https://example.com/next?x=1" />
        </Response>
      ),
      invalid: (
        <Response>
          <Gather action="ftp://example.com/next" />
        </Response>
      ),
      path: 'Response > Gather',
      message: /action="ftp:\/\/example.com\/next" is not a relative or absolute http\/https URL, not ftp:/,
    },
    {
      valid: (
        <Response>
          <Record action="../saved" />
        </Response>
      ),
      invalid: (
        <Response>
          <Record action="https://my_host.example.com/saved" />
        </Response>
      ),
      path: 'Response > Record',
      message: /host name has no underscore/,
    },
    {
      valid: (
        <Response>
          <Start>
            <Stream url="wss://example.com/audio" />
          </Start>
        </Response>
      ),
      invalid: (
        <Response>
          <Start>
            <Stream url="https://example.com/audio" />
          </Start>
        </Response>
      ),
      path: 'Response > Start > Stream',
      message: /url="https:\/\/example.com\/audio" is not a relative or absolute wss URL, not https:/,
    },
    {
      valid: (
        <Response>
          <Gather action="/menu" />
        </Response>
      ),
      invalid: (
        <Response>
          <Gather action="/menu choice" />
        </Response>
      ),
      path: 'Response > Gather',
      message: /without spaces/,
    },
    {
      valid: (
        <Response>
          <Gather action="" />
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Number url="">+15555550100</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Number',
      message: /<Number> url="" is not a relative or absolute http\/https URL, not an empty string/,
    },
  ],
  'empty-url': [
    {
      // Issue 14: the Pay tutorials' TwiML Bin (action="" is the default, this document); an empty
      // action where leaving it out would go on with the next verb is this document again.
      valid: (
        <Response>
          <Say>Calling Twilio Pay</Say>
          <Pay paymentConnector="Default" action="" chargeAmount="20.45" />
        </Response>
      ),
      invalid: (
        <Response>
          <Dial action="">+15555550100</Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /<Dial> action="" is this same document: Twilio requests it again when <Dial> ends/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Conference waitUrl="">room</Conference>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Play>https://example.com/hold.mp3</Play>
          <Redirect />
        </Response>
      ),
      path: 'Response > Redirect',
      message: /<Redirect> has no URL: Twilio requests this same document again and runs it from the start/,
    },
    {
      valid: (
        <Response>
          <Enqueue waitUrl="">support</Enqueue>
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue action="">support</Enqueue>
        </Response>
      ),
      path: 'Response > Enqueue',
      message: /<Enqueue> action="" is this same document/,
    },
  ],
  'too-long': [
    {
      valid: (
        <Response>
          <Dial>
            <Conference participantLabel={long(128)}>room</Conference>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Conference participantLabel={long(129)}>room</Conference>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Conference',
      message: /participantLabel=.* is 129 characters long; at most 128/,
    },
    {
      valid: (
        <Response>
          <Enqueue>{long(63)}</Enqueue>
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue>{long(64)}</Enqueue>
        </Response>
      ),
      path: 'Response > Enqueue',
      message: /the text of <Enqueue> is 64 characters long; at most 63/,
    },
    {
      valid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/s">
              <Parameter name="a" value={long(498)} />
            </Stream>
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/s">
              <Parameter name="a" value={long(499)} />
            </Stream>
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > Stream > Parameter',
      message: /<Parameter> name and value are 500 characters together; a <Stream> parameter must stay under 500/,
    },
  ],
  'text-not-allowed': [
    {
      valid: (
        <Response>
          <Gather>
            <Say>Press 1</Say>
          </Gather>
        </Response>
      ),
      invalid: loose(Response, {}, loose(Gather, {}, 'Press 1')),
      path: 'Response > Gather',
      message: /<Gather> cannot hold text \("Press 1"\); put it in a <Say>/,
    },
  ],
  'missing-text': [
    {
      valid: (
        <Response>
          <Dial>
            <Number>+15555550100</Number>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>{loose(Number, {})}</Dial>
        </Response>
      ),
      path: 'Response > Dial > Number',
      message: /<Number> needs the phone number as its text/,
    },
    {
      valid: (
        <Response>
          <Play digits="1" />
        </Response>
      ),
      invalid: (
        <Response>
          <Play />
        </Response>
      ),
      path: 'Response > Play',
      message: /<Play> needs a URL as its text \(or a digits attribute\)/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Client>
              <Identity>alice</Identity>
            </Client>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Client>
              <Parameter name="a" />
            </Client>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Client',
      message: /<Client> needs the client identity as its text \(or a <Identity>\)/,
    },
    {
      valid: (
        <Response>
          <Dial>+15555550100</Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial />
        </Response>
      ),
      path: 'Response > Dial',
      message: /<Dial> needs the phone number as its text \(or child elements\)/,
    },
    {
      valid: (
        <Response>
          <Enqueue workflowSid="WW0123456789abcdef0123456789abcdef" />
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue />
        </Response>
      ),
      path: 'Response > Enqueue',
      message: /<Enqueue> needs the name as its text \(or a workflowSid attribute\)/,
    },
    {
      valid: (
        <Response>
          <Message>
            <Media>https://example.com/a.png</Media>
          </Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Message>{null}</Message>
        </Response>
      ),
      path: 'Response > Message',
      message: /<Message> needs the words as its text \(or a <Body> or a <Media>\)/,
    },
  ],
  'invalid-text': [
    {
      valid: (
        <Response>
          <Dial>
            <Number>+1 (555) 555-0100</Number>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Number>call mom</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Number',
      message: /the text of <Number> \("call mom"\) is not a phone number/,
    },
    {
      valid: (
        <Response>
          <Dial>
            <Sip>sip:alice@example.com</Sip>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Sip>alice</Sip>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial > Sip',
      message: /is not a SIP URI/,
    },
    {
      valid: (
        <Response>
          <Play>https://example.com/a.mp3</Play>
        </Response>
      ),
      invalid: (
        <Response>
          <Play>mailto:me@example.com</Play>
        </Response>
      ),
      path: 'Response > Play',
      message: /the text of <Play> .* is not a relative or absolute http\/https URL/,
    },
    {
      valid: (
        <Response>
          <Enqueue workflowSid="WW0123456789abcdef0123456789abcdef">
            <Task>{'{"a":1}'}</Task>
          </Enqueue>
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue workflowSid="WW0123456789abcdef0123456789abcdef">
            <Task>a=1</Task>
          </Enqueue>
        </Response>
      ),
      path: 'Response > Enqueue > Task',
      message: /is not a JSON object/,
    },
  ],
  'deprecated-element': [
    {
      valid: (
        <Response>
          <Message>hi</Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Sms>hi</Sms>
        </Response>
      ),
      path: 'Response > Sms',
      message: /<Sms> is deprecated/,
    },
  ],
  'undocumented-element': [
    {
      valid: (
        <Response>
          <Hangup />
        </Response>
      ),
      invalid: (
        <Response>
          <Echo />
        </Response>
      ),
      path: 'Response > Echo',
      message: /<Echo> is built by the official helper but not described/,
    },
  ],
  'mixed-document': [
    {
      // Issue 14: reported on the verb that breaks the document's kind, even when it comes first.
      valid: (
        <Response>
          <Message>Thanks</Message>
          <Message>We will call you back</Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Say>Thanks</Say>
          <Message>Thanks</Message>
          <Message>We will call you back</Message>
        </Response>
      ),
      path: 'Response > Say',
      message: /^<Say> is a voice verb, but this is a messaging document \(it has <Message>\)/,
    },
    {
      valid: (
        <Response>
          <Message>hi</Message>
          <Redirect>/next</Redirect>
        </Response>
      ),
      invalid: (
        <Response>
          <Message>hi</Message>
          <Say>hi</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /<Say> is a voice verb, but this is a messaging document \(it has <Message>\)/,
    },
    {
      valid: (
        <Response>
          <Receive />
        </Response>
      ),
      invalid: (
        <Response>
          <Receive />
          <Message>hi</Message>
        </Response>
      ),
      path: 'Response > Message',
      message: /messaging verb, but this is a fax document/,
      besides: ['deprecated-element'],
    },
  ],
  unreachable: [
    {
      // Issue 14: Twilio goes on after <Record> when nothing was recorded (its voicemail example);
      // <Refer> with an action leaves the document.
      valid: (
        <Response>
          <Say>Leave a message after the beep.</Say>
          <Record maxLength={20} />
          <Say>I did not receive a recording.</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Refer action="/refer-done">
            <Sip>sip:alice@example.com</Sip>
          </Refer>
          <Say>after</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /^<Say> never runs: control moves to <Refer>'s action URL$/,
    },
    {
      valid: (
        <Response>
          <Say>bye</Say>
          <Hangup />
        </Response>
      ),
      invalid: (
        <Response>
          <Hangup />
          <Say>bye</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /<Say> never runs: the call ends at <Hangup>/,
    },
    {
      valid: (
        <Response>
          <Say>x</Say>
          <Redirect>/next</Redirect>
        </Response>
      ),
      invalid: (
        <Response>
          <Redirect>/next</Redirect>
          <Say>x</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /control moves to the <Redirect> URL/,
    },
    {
      valid: (
        <Response>
          <Dial>+15555550100</Dial>
          <Say>after</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial action="/done">+15555550100</Dial>
          <Say>after</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /control moves to <Dial>'s action URL/,
    },
  ],
  'say-too-long': [
    {
      valid: (
        <Response>
          <Say voice="Polly.Joanna">{long(3000)}</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say voice="Polly.Joanna">{long(3001)}</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /<Say> text is 3001 characters; Polly.Joanna speaks at most 3000/,
    },
    {
      valid: (
        <Response>
          <Say>{long(4000)}</Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say>{long(4001)}</Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /at most 4000/,
    },
  ],
  'ssml-with-basic-voice': [
    {
      valid: (
        <Response>
          <Say voice="Polly.Joanna">
            Call <SayAs interpretAs="telephone">5551234</SayAs>
          </Say>
        </Response>
      ),
      invalid: (
        <Response>
          <Say voice="man">
            Call <SayAs interpretAs="telephone">5551234</SayAs>
          </Say>
        </Response>
      ),
      path: 'Response > Say',
      message: /voice="man" does not support SSML/,
    },
  ],
  'message-too-long': [
    {
      valid: (
        <Response>
          <Message>{long(1600)}</Message>
        </Response>
      ),
      invalid: (
        <Response>
          <Message>
            <Body>{long(1000)}</Body>
            <Body>{long(601)}</Body>
          </Message>
        </Response>
      ),
      path: 'Response > Message',
      message: /the message body is 1601 characters; at most 1600/,
    },
  ],
  'too-many-messages': [
    {
      valid: (
        <Response>
          {Array.from({ length: 10 }, (_, i) => (
            <Message key={i}>{`${i}`}</Message>
          ))}
        </Response>
      ),
      invalid: (
        <Response>
          {Array.from({ length: 11 }, (_, i) => (
            <Message key={i}>{`${i}`}</Message>
          ))}
        </Response>
      ),
      path: 'Response',
      message: /the response sends 11 messages; Twilio sends at most 10 replies/,
    },
  ],
  'play-digits-in-gather': [
    {
      valid: (
        <Response>
          <Play digits="1" />
          <Gather>
            <Play>https://example.com/a.mp3</Play>
          </Gather>
        </Response>
      ),
      invalid: (
        <Response>
          <Gather>
            <Play digits="1" />
          </Gather>
        </Response>
      ),
      path: 'Response > Gather > Play',
      message: /<Play digits> cannot be inside <Gather>/,
    },
  ],
  'refer-sip-attributes': [
    {
      valid: (
        <Response>
          <Refer>
            <Sip>sip:a@example.com</Sip>
          </Refer>
        </Response>
      ),
      invalid: (
        <Response>
          <Refer>
            <Sip username="u">sip:a@example.com</Sip>
          </Refer>
        </Response>
      ),
      path: 'Response > Refer > Sip',
      message: /<Sip> inside <Refer> holds only the SIP URI as text; remove username/,
    },
  ],
  'stream-needs-url': [
    {
      valid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/s" />
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <Stream name="s" />
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > Stream',
      message: /<Stream> in <Connect> needs a url/,
    },
  ],
  'stream-query-string': [
    {
      // Issue 14: Twilio does not pass the query string on; <Parameter> carries the values.
      valid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/media">
              <Parameter name="token" value="abc" />
            </Stream>
          </Connect>
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/media?token=abc" />
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > Stream',
      message:
        /query string, which Twilio does not pass on; send the values as <Parameter>s such as <Parameter name="token" value="abc"\/>/,
    },
  ],
  'connect-stream-track': [
    {
      valid: (
        <Response>
          <Start>
            <Stream url="wss://example.com/media" track="both_tracks" />
          </Start>
          <Pause length={30} />
        </Response>
      ),
      invalid: (
        <Response>
          <Connect>
            <Stream url="wss://example.com/media" track="both_tracks" />
          </Connect>
        </Response>
      ),
      path: 'Response > Connect > Stream',
      message: /<Stream track="both_tracks"> cannot be inside <Connect>: a two-way stream receives only inbound_track/,
    },
  ],
  'siprec-needs-connector': [
    {
      // Issue 14: a session starts through its connector; <Stop> names the session instead.
      valid: (
        <Response>
          <Start>
            <Siprec name="rec" connectorName="SIPREC1" />
          </Start>
          <Pause length={30} />
          <Stop>
            <Siprec name="rec" />
          </Stop>
        </Response>
      ),
      invalid: (
        <Response>
          <Start>
            <Siprec name="rec" />
          </Start>
          <Pause length={30} />
        </Response>
      ),
      path: 'Response > Start > Siprec',
      message: /<Siprec> in <Start> needs connectorName/,
    },
  ],
  'stop-needs-name': [
    {
      valid: (
        <Response>
          <Stop>
            <Stream name="s" />
          </Stop>
        </Response>
      ),
      invalid: (
        <Response>
          <Stop>
            <Stream />
          </Stop>
        </Response>
      ),
      path: 'Response > Stop > Stream',
      message: /<Stream> in <Stop> needs the name of the stream to stop/,
    },
    {
      valid: (
        <Response>
          <Start>
            <Recording name="call" />
          </Start>
          <Pause length={30} />
          <Stop>
            <Recording name="call" />
          </Stop>
        </Response>
      ),
      invalid: (
        <Response>
          <Stop>
            <Recording />
          </Stop>
        </Response>
      ),
      path: 'Response > Stop > Recording',
      message: /<Recording> in <Stop> needs the name of the recording to stop/,
    },
  ],
  'speech-model-with-auto-timeout': [
    {
      valid: (
        <Response>
          <Gather input="speech" speechModel="phone_call" speechTimeout={2} />
        </Response>
      ),
      invalid: (
        <Response>
          <Gather input="speech" speechModel="phone_call" speechTimeout="auto" />
        </Response>
      ),
      path: 'Response > Gather',
      message: /speechTimeout="auto" is not supported with speechModel="phone_call"/,
    },
  ],
  'whatsapp-caller-id': [
    {
      valid: (
        <Response>
          <Dial callerId="whatsapp:+15555550100">
            <WhatsApp>+15555550111</WhatsApp>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial callerId="+15555550100">
            <WhatsApp>+15555550111</WhatsApp>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /needs callerId="whatsapp:/,
    },
  ],
  'dial-text-and-nouns': [
    {
      valid: (
        <Response>
          <Dial>
            <Number>+15555550100</Number>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            +15555550100<Number>+15555550111</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /holds both the number "\+15555550100" and <Number>/,
    },
  ],
  'application-not-alone': [
    {
      valid: (
        <Response>
          <Dial>
            <Application>AP0123456789abcdef0123456789abcdef</Application>
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial>
            <Application>AP0123456789abcdef0123456789abcdef</Application>
            <Number>+15555550100</Number>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /<Application> cannot be dialed together with other nouns/,
    },
  ],
  'too-many-dial-targets': [
    {
      valid: (
        <Response>
          <Dial sequential>
            {Array.from({ length: 10 }, (_, i) => (
              <Client key={i}>{`agent${i}`}</Client>
            ))}
          </Dial>
        </Response>
      ),
      invalid: (
        <Response>
          <Dial sequential>
            {Array.from({ length: 10 }, (_, i) => (
              <Client key={i}>{`agent${i}`}</Client>
            ))}
            <Sip>sip:x@example.com</Sip>
          </Dial>
        </Response>
      ),
      path: 'Response > Dial',
      message: /a sequential <Dial> dials at most 10 nouns; it holds 11/,
    },
  ],
  'transcribe-callback-without-transcribe': [
    {
      valid: (
        <Response>
          <Record transcribe transcribeCallback="/t" />
        </Response>
      ),
      invalid: (
        <Response>
          <Record transcribeCallback="/t" />
        </Response>
      ),
      path: 'Response > Record',
      message: /transcribeCallback is only called when transcribe="true"/,
    },
  ],
};

/** Codes reported outside `validate()`'s schema walk, tested elsewhere. */
const TESTED_ELSEWHERE: ProblemCode[] = [
  'document-too-large', // below
  'invalid-character', // test/render.test.tsx
  'invalid-name', // test/render.test.tsx
  'invalid-comment', // test/render.test.tsx
  'malformed-xml', // test/cli.test.ts
];

describe('every rule has a passing and a failing case', () => {
  it('covers every code', () => {
    const covered = [...Object.keys(CASES), ...TESTED_ELSEWHERE].sort();
    expect(covered).toEqual(Object.keys(PROBLEM_CODES).sort());
  });

  const rows = Object.entries(CASES).flatMap(([code, cases]) =>
    cases.map((c, i) => [`${code} #${i + 1}`, code, c] as const),
  );
  describe.each(rows)('%s', (_, code, { valid, invalid, path, message, besides }) => {
    const without = (problems: Problem[]) => problems.filter((p) => !besides?.includes(p.code as ProblemCode));

    it('passes', () => {
      expect(without(validate(valid))).toEqual([]);
    });

    it('fails with exactly that problem', () => {
      const problems = without(validate(invalid));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code, path, severity: PROBLEM_CODES[code as ProblemCode].severity });
      expect(problems[0].message).toMatch(message);
    });
  });
});

describe('document size (Twilio error 11750)', () => {
  // 64 kB = 65,536 bytes, declaration included; each <Say> here is 1,000 bytes.
  const says = (n: number, extra = 0) => (
    <Response>
      {Array.from({ length: n }, (_, i) => (
        <Say key={i}>{long(989 + (i === 0 ? extra : 0))}</Say>
      ))}
    </Response>
  );
  const size = (tree: TwiMLElement) => new TextEncoder().encode(render(tree, { validate: false })).length;

  it('accepts a document of exactly 64 kB, refuses one byte more', () => {
    const fits = says(65, 65536 - size(says(65)));
    expect(size(fits)).toBe(65536);
    expect(validate(fits)).toEqual([]);
    expect(() => render(fits)).not.toThrow();
    const over = says(65, 65537 - size(says(65)));
    expect(validate(over)).toMatchObject([{ code: 'document-too-large', twilioCode: 11750 }]);
    expect(() => render(over)).toThrow(/document is 65537 bytes; Twilio accepts at most 65536/);
  });

  it('counts bytes, not characters', () => {
    const text = 'é'.repeat(33000); // 66,000 bytes in 33,000 characters
    expect(
      validate(
        <Response>
          <Message>{text.slice(0, 1600)}</Message>
        </Response>,
      ),
    ).toEqual([]);
    const problems = validate(
      <Response>
        <Say>{text}</Say>
      </Response>,
    );
    expect(problems.map((p) => p.code)).toEqual(['say-too-long', 'document-too-large']);
  });
});

describe('render() and validation', () => {
  it('throws TwiMLValidationError listing every problem, not only the first', () => {
    const tree = (
      <Response>
        <Gather>
          <Dial>+15555550100</Dial>
        </Gather>
        {loose(Pause, { length: 0 })}
        <Hangup />
        <Say>never</Say>
      </Response>
    );
    let error: unknown;
    try {
      render(tree);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TwiMLValidationError);
    const { problems, message } = error as TwiMLValidationError;
    expect(problems.map((p) => `${p.severity} ${p.code} ${p.path}`)).toEqual([
      'error invalid-child Response > Gather > Dial',
      'error out-of-range Response > Pause',
      'warning unreachable Response > Say',
    ]);
    expect(message).toBe(
      [
        'Invalid TwiML (2 errors):',
        'error invalid-child at Response > Gather > Dial: <Dial> cannot be inside <Gather>; allowed: Say, Play, Pause',
        'error out-of-range at Response > Pause: <Pause> length="0" is out of range; allowed: at least 1',
        'warning unreachable at Response > Say: <Say> never runs: the call ends at <Hangup>',
      ].join('\n'),
    );
  });

  it('numbers paths by tag among siblings', () => {
    const problems = validate(
      <Response>
        <Say>one</Say>
        <Gather />
        <Say>two</Say>
        <Gather>
          <Say>a</Say>
          {loose(Say, { voice: 'Bob' }, 'b')}
        </Gather>
      </Response>,
    );
    expect(problems.map((p) => p.path)).toEqual(['Response > Gather[2] > Say[2]']);
  });

  it('validates nouns in every place they go', () => {
    const tree = (
      <Response>
        <Dial>
          <Client>
            <Identity>alice</Identity>
            <Parameter name="Ticket" value="42" />
          </Client>
          <Sip>sip:bob@example.com</Sip>
          <Application>
            <ApplicationSid>AP0123456789abcdef0123456789abcdef</ApplicationSid>
          </Application>
        </Dial>
      </Response>
    );
    expect(validate(tree).map((p) => p.code)).toEqual(['application-not-alone']);
    expect(
      validate(
        <Response>
          <Message>
            <Body>Hi</Body>
            <Media>https://example.com/a.png</Media>
          </Message>
        </Response>,
      ),
    ).toEqual([]);
  });

  it('looks at SSML nesting rules', () => {
    expect(
      validate(
        <Response>
          <Say voice="Polly.Joanna">
            Hi <SayAs interpretAs="digits">12</SayAs>
          </Say>
        </Response>,
      ),
    ).toEqual([]);
    const nested = loose(
      Response,
      {},
      loose(Say, { voice: 'Polly.Joanna' }, loose(SayAs, { interpretAs: 'digits' }, '1', <Break />)),
    );
    expect(validate(nested)).toMatchObject([{ code: 'invalid-child', path: 'Response > Say > say-as > break' }]);
  });

  it('accepts Conference and Record and Enqueue, Task in their places', () => {
    expect(
      validate(
        <Response>
          <Enqueue workflowSid="WW0123456789abcdef0123456789abcdef">
            <Task priority={5}>{'{"language":"es"}'}</Task>
          </Enqueue>
        </Response>,
      ),
    ).toEqual([]);
    expect(
      validate(
        <Response>
          <Dial>
            <Conference waitUrl="">room</Conference>
          </Dial>
        </Response>,
      ),
    ).toEqual([]);
    expect(
      validate(
        <Response>
          <Record />
        </Response>,
      ),
    ).toEqual([]);
  });
});

describe('checks are remembered by the elements they belong to', () => {
  // Constants reused across documents, as a flow keeps its static parts.
  const badPause = loose(Pause, { length: 0 });
  const prompts = (
    <Gather numDigits={1}>
      <Say>Press 1</Say>
      {badPause}
      <Dial>+15555550100</Dial>
    </Gather>
  );
  const summary = (problems: readonly Problem[]) => problems.map((p) => `${p.code} ${p.path}`);

  it('reports a reused subtree at each place it appears, with that place in the path', () => {
    const first = validate(
      <Response>
        <Say>hi</Say>
        {prompts}
      </Response>,
    );
    const second = validate(
      <Response>
        {prompts}
        <Redirect>/again</Redirect>
        {prompts}
        {badPause}
      </Response>,
    );
    expect(summary(first)).toEqual([
      'out-of-range Response > Gather > Pause',
      'invalid-child Response > Gather > Dial',
    ]);
    expect(summary(second)).toEqual([
      'out-of-range Response > Gather[1] > Pause',
      'invalid-child Response > Gather[1] > Dial',
      'unreachable Response > Gather[2]',
      'out-of-range Response > Gather[2] > Pause',
      'invalid-child Response > Gather[2] > Dial',
      'unreachable Response > Pause',
      'out-of-range Response > Pause',
    ]);
  });

  it('gives the same problems on every render, as new objects each time', () => {
    const tree = loose(Response, { voice: 'man' }, prompts, <Hangup />, <Say>never</Say>) as TwiMLElement;
    const once = validate(tree);
    const twice = validate(tree);
    expect(summary(once)).toEqual([
      'unknown-attribute Response',
      'out-of-range Response > Gather > Pause',
      'invalid-child Response > Gather > Dial',
      'unreachable Response > Say',
    ]);
    expect(twice).toEqual(once);
    for (const [index, problem] of once.entries()) {
      expect(twice[index]).not.toBe(problem);
      (problem as { path: string }).path = 'edited';
    }
    expect(validate(tree)).toEqual(twice);
    const thrown = (() => {
      try {
        render(tree);
      } catch (error) {
        return (error as TwiMLValidationError).problems;
      }
    })();
    expect(thrown).toEqual(twice);
  });

  it('keeps source positions of parsed documents on repeated checks', () => {
    const tree = parse('<Response>\n  <Pause length="0"/>\n</Response>');
    const expected = [expect.objectContaining({ code: 'out-of-range', path: 'Response > Pause', line: 2, column: 3 })];
    expect(validate(tree)).toEqual(expected);
    expect(validate(tree)).toEqual(expected);
  });

  it('checks elements from another copy of the library every time', () => {
    const foreign = (tag: string, attributes: Record<string, string>, children: unknown[]) => ({
      $$typeof: Symbol.for('twiml-jsx.element'),
      type: tag,
      attributes,
      children,
    });
    const tree = foreign('Response', {}, [foreign('Pause', { length: '0' }, [])]) as never;
    expect(summary(validate(tree))).toEqual(['out-of-range Response > Pause']);
    expect(summary(validate(tree))).toEqual(['out-of-range Response > Pause']);
  });
});

describe('control flow: which verbs the next verb follows (src/vocabulary/control-flow.ts)', () => {
  const unreachable = (tree: TwiMLElement) =>
    validate(tree)
      .filter((p) => p.code === 'unreachable')
      .map((p) => `${p.path}: ${p.message}`);
  const after = (verb: TwiMLElement) => (
    <Response>
      {verb}
      <Say>next</Say>
    </Response>
  );

  // Issue 14: each of these may go on with the next verb, so the verb after it is reachable.
  const fallThrough: [string, TwiMLElement][] = [
    ['<Record> (nothing recorded)', <Record action="/saved" />],
    ['<Record> without action', <Record />],
    ['<Pay> (the caller runs out of attempts)', <Pay action="https://example.com/paid" />],
    ['<Gather> (no input)', <Gather action="/menu" />],
    ['<Dial> without action', <Dial>+15555550100</Dial>],
    ['<Enqueue> without action', <Enqueue>support</Enqueue>],
    [
      '<Connect> without action',
      <Connect>
        <Stream url="wss://example.com/media" />
      </Connect>,
    ],
    [
      '<Refer> without action',
      <Refer>
        <Sip>sip:alice@example.com</Sip>
      </Refer>,
    ],
    ['<Start>', <Start>{<Stream url="wss://example.com/media" />}</Start>],
  ];
  it.each(fallThrough)('%s falls through', (_, verb) => {
    expect(unreachable(after(verb))).toEqual([]);
  });

  const leaves: [string, TwiMLElement, string][] = [
    ['<Hangup>', <Hangup />, 'the call ends at <Hangup>'],
    ['<Redirect>', <Redirect>/next</Redirect>, 'control moves to the <Redirect> URL'],
    ['<Gather actionOnEmptyResult>', <Gather actionOnEmptyResult />, "control always moves to <Gather>'s action URL"],
    ['<Dial action>', <Dial action="/done">+15555550100</Dial>, "control moves to <Dial>'s action URL"],
    ['<Enqueue action>', <Enqueue action="/left">support</Enqueue>, "control moves to <Enqueue>'s action URL"],
    [
      '<Connect action>',
      <Connect action="/ended">
        <Stream url="wss://example.com/media" />
      </Connect>,
      "control moves to <Connect>'s action URL",
    ],
    [
      '<Refer action>',
      <Refer action="/refer-done">
        <Sip>sip:alice@example.com</Sip>
      </Refer>,
      "control moves to <Refer>'s action URL",
    ],
  ];
  it.each(leaves)('%s leaves the document', (_, verb, why) => {
    expect(unreachable(after(verb))).toEqual([`Response > Say: <Say> never runs: ${why}`]);
  });
});

describe('one check for every language attribute', () => {
  const languageAttributes = Object.values(vocabulary).flatMap((spec) =>
    Object.entries(spec.attributes)
      .filter(
        ([prop, a]) =>
          a.kind !== 'boolean' &&
          /^(?:language|languageCode|ttsLanguage|transcriptionLanguage|xmlLang)$|^code$/.test(prop),
      )
      .map(([prop, a]) => [`<${spec.tag}> ${a.xml ?? prop}`, spec.tag, a.xml ?? prop, a] as const),
  );

  it('finds them all', () => {
    expect(languageAttributes.map(([name]) => name).sort()).toEqual(
      [
        '<Assistant> language',
        '<Assistant> transcriptionLanguage',
        '<Assistant> ttsLanguage',
        '<ConversationRelay> language',
        '<ConversationRelay> transcriptionLanguage',
        '<ConversationRelay> ttsLanguage',
        '<Gather> language',
        '<Language> code',
        '<Pay> language',
        '<Say> language',
        '<Transcription> languageCode',
        '<VirtualAgent> language',
        '<lang> xml:lang',
      ].sort(),
    );
  });

  it.each(languageAttributes)('%s: a language tag, in any case; anything else is an error', (_, tag, name, spec) => {
    expect(spec.format).toBe('language');
    const check = compiled(tag)!.attributes.get(name)!;
    for (const good of ['en-US', 'en-us', 'fr', 'es-419', 'cmn-Hans-CN', 'en-GB-WLS']) {
      expect(check(good, tag, name)?.severity ?? 'fine', good).not.toBe('error');
      expect(check(good, tag, name)?.code ?? 'fine', good).not.toBe('invalid-value');
    }
    expect(check('en-US', tag, name)).toBeUndefined();
    for (const bad of ['english', 'en_US', 'e', 'en-', '']) {
      expect(check(bad, tag, name), bad).toMatchObject({ code: 'invalid-value' });
    }
    // Well-shaped but unknown: a warning where Twilio keeps a list, nothing where it keeps none.
    const unknown = check('qx-QX', tag, name);
    if (spec.kind === 'enum') expect(unknown).toMatchObject({ code: 'unknown-value', severity: 'warning' });
    else expect(unknown).toBeUndefined();
  });
});
