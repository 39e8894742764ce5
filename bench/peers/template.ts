/**
 * (d) The practical limit: the same XML written by hand as one template literal, every text and
 * attribute value passed through an escape function (with the same fast path as twiml-jsx's).
 * Not a library: nothing is checked, and every constant is escaped again on every call.
 */
import type { IvrInput, IvrRenderer } from '../ivr-input.js';
import { escapeAttribute as attr, escapeText as text } from './escape.js';

function build({ company, retries }: IvrInput, hangUp: boolean): string {
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
  )}</Redirect>${hangUp ? '<Hangup/>' : ''}</Response>`;
}

export const template: IvrRenderer = {
  withWarning: (input) => build(input, true),
  withoutWarning: (input) => build(input, false),
};
