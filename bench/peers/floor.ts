/**
 * (e) The floor of any library that evaluates JSX at run time: a minimal `h()` that writes each
 * element's XML the moment it is called, with the escaping of (d), and keeps `{ type, props }`
 * beside it. The calls below are written by hand as the JSX compiler emits them for string tags
 * (a props object per element with `children` in it, a children array per parent), so there is
 * no component call per element. No checks of any kind, no attribute renaming, no normalising
 * of children: not a usable renderer, only what evaluating JSX into XML costs before a library
 * does anything else.
 */
import { type IvrInput, type IvrRenderer, XML_DECLARATION } from '../ivr-input.js';
import { escapeAttribute as attr, escapeText as text } from './escape.js';

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
  else {
    for (const child of children as (string | number | Node)[]) {
      body += typeof child === 'string' ? text(child) : typeof child === 'number' ? String(child) : child.xml;
    }
  }
  return { type, props, xml: open + '>' + body + '</' + type + '>' };
}

const voice = 'Polly.Joanna-Neural';
const greeting = (company: string) =>
  h('Say', {
    voice,
    language: 'en-US',
    children: ['Thanks for calling ', company, '. Calls are recorded for "quality" purposes.'],
  });
const menu = () =>
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
  });
const team = () =>
  h('Dial', {
    timeout: 20,
    callerId: '+15555550100',
    children: [h('Number', { sendDigits: 'ww123', children: '+15555550111' }), h('Client', { children: 'operator' })],
  });
const redirect = (retries: number) => h('Redirect', { method: 'POST', children: ['/voice?retries=', retries + 1] });

export const floor: IvrRenderer = {
  withWarning: ({ company, retries }) =>
    XML_DECLARATION +
    h('Response', { children: [greeting(company), menu(), team(), redirect(retries), h('Hangup', {})] }).xml,
  withoutWarning: ({ company, retries }) =>
    XML_DECLARATION + h('Response', { children: [greeting(company), menu(), team(), redirect(retries)] }).xml,
};
