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
  Dial,
  Echo,
  Enqueue,
  Gather,
  Hangup,
  Identity,
  Media,
  Message,
  Number,
  Parameter,
  Pause,
  Play,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  Receive,
  Record,
  Redirect,
  Refer,
  render,
  Response,
  Say,
  SayAs,
  Sip,
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
      valid: (
        <Response>
          <Say>x</Say>
        </Response>
      ),
      invalid: loose(
        Response,
        {},
        createElement(() => ({ ...(<Say>x</Say>), type: 'Sya' }), {}),
      ),
      path: 'Response > Sya',
      message: /<Sya> is not a TwiML element; did you mean "Say"\?/,
    },
  ],
  'invalid-child': [
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
      message: /url="https:\/\/example.com\/audio" is not an absolute wss URL, not https:/,
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
          <Enqueue>{long(64)}</Enqueue>
        </Response>
      ),
      invalid: (
        <Response>
          <Enqueue>{long(65)}</Enqueue>
        </Response>
      ),
      path: 'Response > Enqueue',
      message: /the text of <Enqueue> is 65 characters long; at most 64/,
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
      message: /<Say> is a voice verb but this is a messaging document \(it has <Message>\)/,
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
      message: /messaging verb but this is a fax document/,
      besides: ['deprecated-element'],
    },
  ],
  unreachable: [
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
