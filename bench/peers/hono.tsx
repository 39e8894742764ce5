/** @jsxImportSource hono/jsx */
/**
 * hono/jsx: JSX builds `JSXNode` objects; `toString()` writes them (escaping `&`, `<`, `>`, `"`
 * and `'` in text and attribute values). hono/jsx has no intrinsic way to write a capitalised
 * tag, so each TwiML tag is a thin component that returns the element of that name (one more
 * function call per element, as twiml-jsx's components are). The `input` list is joined here
 * (hono would write an array as `dtmf,speech`).
 *
 * Output: no XML declaration (added here), empty elements written `<Pause length="1"></Pause>`,
 * `"` in text as `&quot;`, `>` as `&gt;`; otherwise the same elements, attributes and text.
 */
import { jsx } from 'hono/jsx/jsx-runtime';
import { type IvrInput, type Peer, XML_DECLARATION } from '../ivr-input.js';

type Props = Record<string, unknown>;
const element = jsx as unknown as (type: string, props: Props) => JSX.Element;
const tag = (name: string) => (props: Props) => element(name, props);
const [Response, Say, Gather, Play, Pause, Dial, Number, Client, Redirect, Hangup] = [
  'Response',
  'Say',
  'Gather',
  'Play',
  'Pause',
  'Dial',
  'Number',
  'Client',
  'Redirect',
  'Hangup',
].map(tag);

const greeting = (company: string) => (
  <Say voice="Polly.Joanna-Neural" language="en-US">
    Thanks for calling {company}. Calls are recorded for "quality" purposes.
  </Say>
);
const menu = () => (
  <Gather
    input={['dtmf', 'speech'].join(' ')}
    numDigits={1}
    action="/menu/choice"
    method="POST"
    timeout={5}
    hints="sales, support"
  >
    <Say voice="Polly.Joanna-Neural">For sales, press 1. For support, press 2.</Say>
    <Play loop={1}>https://example.com/prompts/menu.mp3?v=2&amp;lang=en</Play>
    <Pause length={1} />
  </Gather>
);
const team = () => (
  <Dial timeout={20} callerId="+15555550100">
    <Number sendDigits="ww123">+15555550111</Number>
    <Client>operator</Client>
  </Dial>
);
const redirect = (retries: number) => <Redirect method="POST">/voice?retries={retries + 1}</Redirect>;

export const hono: Peer = {
  name: 'hono/jsx',
  package: 'hono',
  differences: 'no declaration (added); empty elements as <X></X>; " in text as &quot;, > as &gt;',
  withWarning: ({ company, retries }: IvrInput) =>
    XML_DECLARATION +
    String(
      <Response>
        {greeting(company)}
        {menu()}
        {team()}
        {redirect(retries)}
        <Hangup />
      </Response>,
    ),
  withoutWarning: ({ company, retries }: IvrInput) =>
    XML_DECLARATION +
    String(
      <Response>
        {greeting(company)}
        {menu()}
        {team()}
        {redirect(retries)}
      </Response>,
    ),
};
