/**
 * The larger benchmark documents: one near Twilio's 64 kB limit, flat ones of N elements, and
 * one with N problems under one parent.
 */
import { createRequire } from 'node:module';
import { Gather, Pause, Play, Response, Say, type TwiMLElement } from 'twiml-jsx';

const require = createRequire(import.meta.url);
type Builder = { [method: string]: (...args: unknown[]) => Builder } & { toString(): string };

const SECTIONS = 190;
const LINE = 'Your balance is $1,024.50 & your next payment <due> on the 5th. ';

/** ~60 kB: 190 menu sections, each a Gather holding a Say (escaped text) and a Play. */
export function LargeFlow() {
  return (
    <Response>
      {Array.from({ length: SECTIONS }, (_, i) => (
        <Gather key={i} numDigits={1} action={`/menu/${i}`} input={['dtmf', 'speech']}>
          <Say voice="Polly.Joanna-Neural">
            Section {i}. {LINE}
            {LINE}
          </Say>
          <Play>{`https://example.com/prompts/${i}.mp3`}</Play>
        </Gather>
      ))}
    </Response>
  );
}

/** The same document with the official helper's builder. */
export function largeOfficial(): string {
  const { VoiceResponse } = (require('twilio') as { twiml: { VoiceResponse: new () => Builder } }).twiml;
  const response = new VoiceResponse();
  for (let i = 0; i < SECTIONS; i++) {
    const gather = response.gather({ numDigits: 1, action: `/menu/${i}`, input: ['dtmf', 'speech'] });
    gather.say({ voice: 'Polly.Joanna-Neural' }, `Section ${i}. ${LINE}${LINE}`);
    gather.play({}, `https://example.com/prompts/${i}.mp3`);
  }
  return response.toString();
}

/** A flat document of `n` valid elements (`<Pause length>` under one `<Response>`), 19 bytes each. */
export function flat(n: number): TwiMLElement {
  const children = [];
  for (let i = 0; i < n; i++) children.push(<Pause key={i} length={(i % 5) + 1} />);
  return <Response>{children}</Response>;
}

/** Not a prop of `<Pause>`: each element carrying it is one `unknown-attribute` error. */
const MISSPELT = { lenght: 1 } as object;

/** A `<Response>` holding `n` elements with one problem each (`<Pause lenght="1"/>`, an unknown attribute). */
export function invalidChildren(n: number): TwiMLElement {
  const children = [];
  for (let i = 0; i < n; i++) children.push(<Pause key={i} {...MISSPELT} />);
  return <Response>{children}</Response>;
}
