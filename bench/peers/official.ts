/**
 * (c) The official helper (npm `twilio`): its `VoiceResponse` builder and `toString()`. Its bytes
 * are the reference every twiml-jsx render is compared with.
 */
import { createRequire } from 'node:module';
import type { IvrInput, IvrRenderer } from '../ivr-input.js';

const require = createRequire(import.meta.url);
type Builder = { [method: string]: (...args: unknown[]) => Builder } & { toString(): string };
let VoiceResponse: new () => Builder;

function build({ company, retries }: IvrInput, hangUp: boolean): string {
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
  if (hangUp) response.hangup();
  return response.toString();
}

export const official: IvrRenderer = {
  withWarning: (input) => build(input, true),
  withoutWarning: (input) => build(input, false),
};
