/**
 * Compile-time tests, checked by `npm run typecheck` (tsc over test/). Each `@ts-expect-error`
 * must be an error: if a line compiles, tsc reports the unused directive and the check fails.
 */
import {
  Break,
  Conference,
  Dial,
  Gather,
  Hangup,
  Lang,
  Message,
  Number,
  Pause,
  Play,
  Prosody,
  Redirect,
  Response,
  Say,
  SayAs,
  Stream,
  type TwiMLElement,
} from 'twiml-jsx';

// ── Good flows compile under strict ──────────────────────────────────────────────────────────

export const good: TwiMLElement[] = [
  <Response>
    <Gather input={['dtmf', 'speech']} numDigits={1} action="/menu" timeout={5} speechTimeout="auto" method="GET">
      <Say voice="Polly.Joanna" language="en-US" loop={2}>
        Hello <Break time="1s" /> <SayAs interpretAs="digits">123</SayAs>
        <Lang xmlLang="fr-FR">bonjour</Lang>{' '}
        <Prosody rate="90%" pitch="+5%" volume="-3dB">
          ok
        </Prosody>
      </Say>
      <Pause length={1} />
      <Play digits="1w2">{undefined}</Play>
    </Gather>
    <Dial timeout={20} record="record-from-answer" hangupOnStar>
      <Number sendDigits="ww1">+15555550100</Number>
      <Conference beep="onEnter" muted={false}>
        room
      </Conference>
    </Dial>
    <Redirect>/next</Redirect>
    <Hangup key="end" />
  </Response>,
  // Open unions: new voices and languages still compile.
  <Say voice="Polly.SomeVoiceFromNextYear-Neural">hi</Say>,
  <Say voice="Google.xx-XX-Chirp9-HD-Nova">hi</Say>,
  <Say language="xx-YY">hi</Say>,
  <Gather speechTimeout={3} input="speech" />,
  // Twilio's booleans-as-enums take booleans too.
  <Conference beep={true}>room</Conference>,
  <Dial record={false}>+15555550100</Dial>,
  <Message to="+15555550100">hi</Message>,
  <Stream url="wss://example.com/s" />,
];

// ── Wrong props do not ───────────────────────────────────────────────────────────────────────

// @ts-expect-error a misspelled attribute
export const misspelled = <Gather numDigit={1} />;

// @ts-expect-error a wrong enum value
export const wrongEnum = <Gather input={['dtmf', 'voice']} />;

// @ts-expect-error a wrong enum value (single)
export const wrongMethod = <Redirect method="PUT">/x</Redirect>;

// @ts-expect-error a number where a boolean goes
export const wrongBoolean = <Dial hangupOnStar={1}>+15555550100</Dial>;

// @ts-expect-error a string where a number goes
export const wrongNumber = <Pause length="2" />;

// @ts-expect-error a voice that is neither basic nor provider-prefixed
export const wrongVoice = <Say voice="bob">hi</Say>;

// @ts-expect-error content in an empty element
export const contentInEmpty = <Hangup>bye</Hangup>;

// @ts-expect-error an element in an empty element
export const elementInEmpty = <Pause>{<Hangup />}</Pause>;

// @ts-expect-error bare text where only elements go
export const textInGather = <Gather>Press 1</Gather>;

// @ts-expect-error an element where only text goes
export const elementInNumber = <Number>{<Hangup />}</Number>;

// @ts-expect-error required text missing
export const missingText = <Number />;

// @ts-expect-error speechTimeout takes seconds or 'auto'
export const wrongSpeechTimeout = <Gather speechTimeout="soon" />;

// @ts-expect-error prosody rate must be a keyword or a percentage
export const wrongRate = <Prosody rate="fast-ish">x</Prosody>;
