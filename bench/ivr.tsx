/**
 * The benchmark document: a typical IVR answer (Say with attributes and escaped text, Gather
 * with nested Say/Play/Pause, Dial with Number and Client, Redirect, Hangup), built five ways.
 */
import { createRequire } from 'node:module';
import { Client, Dial, Gather, Hangup, Number, Pause, Play, Redirect, render, Response, Say } from 'twiml-jsx';

export interface IvrInput {
  readonly company: string;
  readonly retries: number;
}

export const input: IvrInput = { company: 'Owl & Co. <Support>', retries: 1 };

/** (a)/(b) twiml-jsx: the flow as a component. */
export function IvrFlow({ company, retries }: IvrInput) {
  return (
    <Response>
      <Say voice="Polly.Joanna-Neural" language="en-US">
        Thanks for calling {company}. Calls are recorded for "quality" purposes.
      </Say>
      <Gather
        input={['dtmf', 'speech']}
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
      <Dial timeout={20} callerId="+15555550100">
        <Number sendDigits="ww123">+15555550111</Number>
        <Client>operator</Client>
      </Dial>
      <Redirect method="POST">/voice?retries={retries + 1}</Redirect>
      <Hangup />
    </Response>
  );
}

/**
 * (a′)/(b′) The same flow with every element that does not depend on the call written once, as
 * a module constant: elements are immutable, so a constant is built once (and checked once, the
 * first time a document holding it is rendered); per call only the greeting, the redirect and
 * the `<Response>` holding them are evaluated.
 */
const MENU = (
  <Gather
    input={['dtmf', 'speech']}
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
const DIAL_TEAM = (
  <Dial timeout={20} callerId="+15555550100">
    <Number sendDigits="ww123">+15555550111</Number>
    <Client>operator</Client>
  </Dial>
);
const HANG_UP = <Hangup />;
export function IvrFlowConstants({ company, retries }: IvrInput) {
  return (
    <Response>
      <Say voice="Polly.Joanna-Neural" language="en-US">
        Thanks for calling {company}. Calls are recorded for "quality" purposes.
      </Say>
      {MENU}
      {DIAL_TEAM}
      <Redirect method="POST">/voice?retries={retries + 1}</Redirect>
      {HANG_UP}
    </Response>
  );
}

const ignore = () => {};
/** The document's last verb (Hangup after Redirect) is unreachable: the warning is ignored, not printed. */
export const renderJsx = (validate: boolean) => render(<IvrFlow {...input} />, { validate, onWarning: ignore });
export const renderJsxConstants = (validate: boolean) =>
  render(<IvrFlowConstants {...input} />, { validate, onWarning: ignore });

const require = createRequire(import.meta.url);
type Builder = { [method: string]: (...args: unknown[]) => Builder } & { toString(): string };
let VoiceResponse: new () => Builder;

/** (c) the official helper's builder. */
export function renderOfficial({ company, retries }: IvrInput = input): string {
  VoiceResponse ??= (require('twilio') as { twiml: { VoiceResponse: new () => Builder } }).twiml.VoiceResponse;
  const response = new VoiceResponse();
  response.say(
    { voice: 'Polly.Joanna-Neural', language: 'en-US' },
    `Thanks for calling ${company}. Calls are recorded for "quality" purposes.`,
  );
  const gather = response.gather({
    input: ['dtmf', 'speech'],
    numDigits: 1,
    action: '/menu/choice',
    method: 'POST',
    timeout: 5,
    hints: 'sales, support',
  });
  gather.say({ voice: 'Polly.Joanna-Neural' }, 'For sales, press 1. For support, press 2.');
  gather.play({ loop: 1 }, 'https://example.com/prompts/menu.mp3?v=2&lang=en');
  gather.pause({ length: 1 });
  const dial = response.dial({ timeout: 20, callerId: '+15555550100' });
  dial.number({ sendDigits: 'ww123' }, '+15555550111');
  dial.client({}, 'operator');
  response.redirect({ method: 'POST' }, `/voice?retries=${retries + 1}`);
  response.hangup();
  return response.toString();
}

/**
 * (d) the practical limit: the same XML written by hand as one template, every text and
 * attribute value passed through an escape function (with the same fast path as ours).
 */
const TEXT = /[&<>\r]/;
const ATTRIBUTE = /[&<"\t\n\r]/;
const text = (s: string) =>
  TEXT.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;') : s;
const attr = (s: string | number) => {
  const v = String(s);
  return ATTRIBUTE.test(v)
    ? v
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#x9;')
        .replace(/\n/g, '&#xA;')
        .replace(/\r/g, '&#xD;')
    : v;
};
export function renderNaive({ company, retries }: IvrInput = input): string {
  const voice = 'Polly.Joanna-Neural';
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="${attr(voice)}" language="${attr('en-US')}">${text(
    `Thanks for calling ${company}. Calls are recorded for "quality" purposes.`,
  )}</Say><Gather input="${attr(['dtmf', 'speech'].join(' '))}" numDigits="${attr(1)}" action="${attr('/menu/choice')}" method="${attr(
    'POST',
  )}" timeout="${attr(5)}" hints="${attr('sales, support')}"><Say voice="${attr(voice)}">${text(
    'For sales, press 1. For support, press 2.',
  )}</Say><Play loop="${attr(1)}">${text('https://example.com/prompts/menu.mp3?v=2&lang=en')}</Play><Pause length="${attr(
    1,
  )}"/></Gather><Dial timeout="${attr(20)}" callerId="${attr('+15555550100')}"><Number sendDigits="${attr('ww123')}">${text(
    '+15555550111',
  )}</Number><Client>${text('operator')}</Client></Dial><Redirect method="${attr('POST')}">${text(
    `/voice?retries=${retries + 1}`,
  )}</Redirect><Hangup/></Response>`;
}

/**
 * (e) The floor of any library that evaluates JSX at run time: a minimal `h()` that writes each
 * element's XML the moment JSX calls it, with the escaping of (d), and keeps `{ type, props }`
 * beside it (the calls below are what the JSX compiler emits, props objects and children arrays
 * included). No checks of any kind, no attribute renaming, no normalising of children: not a
 * usable renderer, only what evaluating JSX into XML costs before a library does anything else.
 */
interface Node {
  readonly type: string;
  readonly props: Record<string, unknown>;
  readonly xml: string;
}
function h(type: string, props: Record<string, unknown>): Node {
  let open = '<' + type;
  let children: unknown;
  for (const name in props) {
    const value = props[name];
    if (name === 'children') children = value;
    else open += ' ' + name + '="' + attr(Array.isArray(value) ? value.join(' ') : (value as string | number)) + '"';
  }
  if (children === undefined) return { type, props, xml: open + '/>' };
  let body = '';
  if (typeof children === 'string') body = text(children);
  else for (const child of children as (string | Node)[]) body += typeof child === 'string' ? text(child) : child.xml;
  return { type, props, xml: open + '>' + body + '</' + type + '>' };
}
export function renderFloor({ company, retries }: IvrInput = input): string {
  const voice = 'Polly.Joanna-Neural';
  const tree = h('Response', {
    children: [
      h('Say', {
        voice,
        language: 'en-US',
        children: `Thanks for calling ${company}. Calls are recorded for "quality" purposes.`,
      }),
      h('Gather', {
        input: ['dtmf', 'speech'],
        numDigits: 1,
        action: '/menu/choice',
        method: 'POST',
        timeout: 5,
        hints: 'sales, support',
        children: [
          h('Say', { voice, children: 'For sales, press 1. For support, press 2.' }),
          h('Play', { loop: 1, children: 'https://example.com/prompts/menu.mp3?v=2&lang=en' }),
          h('Pause', { length: 1 }),
        ],
      }),
      h('Dial', {
        timeout: 20,
        callerId: '+15555550100',
        children: [
          h('Number', { sendDigits: 'ww123', children: '+15555550111' }),
          h('Client', { children: 'operator' }),
        ],
      }),
      h('Redirect', { method: 'POST', children: `/voice?retries=${retries + 1}` }),
      h('Hangup', {}),
    ],
  });
  return '<?xml version="1.0" encoding="UTF-8"?>' + tree.xml;
}
