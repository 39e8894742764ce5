/** @jsxImportSource @kitajs/html */
/**
 * @kitajs/html, with safe escaping: a JSX runtime that writes strings as elements are created.
 * Its own way to write a tag JSX cannot name (a capitalised one) is the intrinsic
 * `<tag of="Say">`, so no components are needed. Every element holding text carries `safe`, so
 * all text is escaped (`&`, `<`, `"`, `'`); attribute values are written as Kita writes them,
 * escaping `"` only (none of the document's attribute values holds `&` or `<`; one that did would
 * not be well-formed XML). Numbers are written with `toString()`; the `input` list is joined here
 * (Kita would write an array as `dtmf,speech`).
 *
 * Output: no XML declaration (added here), empty elements written `<Pause length="1"></Pause>`,
 * `"` in text as `&#34;`; otherwise the same elements, attributes and text as TwiML.
 */
import { type IvrInput, type Peer, XML_DECLARATION } from '../ivr-input.js';

const greeting = (company: string) => (
  <tag of="Say" voice="Polly.Joanna-Neural" language="en-US" safe>
    Thanks for calling {company}. Calls are recorded for "quality" purposes.
  </tag>
);
const menu = () => (
  <tag
    of="Gather"
    input={['dtmf', 'speech'].join(' ')}
    numDigits={1}
    action="/menu/choice"
    method="POST"
    timeout={5}
    hints="sales, support"
  >
    <tag of="Say" voice="Polly.Joanna-Neural" safe>
      For sales, press 1. For support, press 2.
    </tag>
    <tag of="Play" loop={1} safe>
      https://example.com/prompts/menu.mp3?v=2&amp;lang=en
    </tag>
    <tag of="Pause" length={1} />
  </tag>
);
const team = () => (
  <tag of="Dial" timeout={20} callerId="+15555550100">
    <tag of="Number" sendDigits="ww123" safe>
      +15555550111
    </tag>
    <tag of="Client" safe>
      operator
    </tag>
  </tag>
);
const redirect = (retries: number) => (
  <tag of="Redirect" method="POST" safe>
    /voice?retries={retries + 1}
  </tag>
);

export const kita: Peer = {
  name: '@kitajs/html (safe)',
  package: '@kitajs/html',
  differences: 'no declaration (added); empty elements as <X></X>; " in text as &#34;; attribute values escape " only',
  withWarning: ({ company, retries }: IvrInput) =>
    XML_DECLARATION +
    ((
      <tag of="Response">
        {greeting(company)}
        {menu()}
        {team()}
        {redirect(retries)}
        <tag of="Hangup" />
      </tag>
    ) as string),
  withoutWarning: ({ company, retries }: IvrInput) =>
    XML_DECLARATION +
    ((
      <tag of="Response">
        {greeting(company)}
        {menu()}
        {team()}
        {redirect(retries)}
      </tag>
    ) as string),
};
