/** examples/outbound-call.tsx and examples/send-sms.ts, run against the fake API. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main as placeCall } from '../../examples/outbound-call.jsx';
import { main as sendSms } from '../../examples/send-sms.js';
import { ACCOUNT_SID, AUTH_TOKEN, CALL_SID, MESSAGE_SID } from './support/fake-twilio.js';
import { useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();
afterEach(() => vi.restoreAllMocks());

const ENV = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  FROM: '+15017122661',
  TO: '+15558675310',
};

function capture() {
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  return {
    out: () => out.mock.calls.map((c) => c.join(' ')).join('\n'),
    err: () => err.mock.calls.map((c) => c.join(' ')).join('\n'),
  };
}

describe('examples/outbound-call.tsx', () => {
  it('places a call whose inline TwiML says the text, and prints the call SID', async () => {
    const io = capture();
    expect(await placeCall(['Your order has shipped'], ENV, { baseUrl: fake.url })).toBe(0);
    expect(io.out()).toBe(`Calling +15558675310 from +15017122661: call ${CALL_SID} is queued.`);
    const twiml = fake.requests[0].form.find(([key]) => key === 'Twiml')?.[1];
    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">Your order has shipped</Say>' +
        '<Pause length="1"/><Say voice="Polly.Joanna">Once more: Your order has shipped</Say>' +
        '<Say voice="Polly.Joanna">Goodbye.</Say></Response>',
    );
  });

  it('prints the usage and fails when the environment is incomplete, sending nothing', async () => {
    const io = capture();
    expect(await placeCall([], { TWILIO_ACCOUNT_SID: ACCOUNT_SID, FROM: '+1' }, { baseUrl: fake.url })).toBe(1);
    expect(io.err()).toMatch(/^Missing environment variables: TWILIO_AUTH_TOKEN, TO\n\nUsage: /);
    expect(fake.requests).toHaveLength(0);
  });

  it("reports Twilio's refusal", async () => {
    const io = capture();
    fake.script({
      status: 400,
      body: {
        code: 21210,
        message: 'The source phone number provided, +15017122661, is not yet verified for your account.',
        status: 400,
      },
    });
    expect(await placeCall([], ENV, { baseUrl: fake.url })).toBe(1);
    expect(io.err()).toMatch(
      /^Could not place the call: HTTP 400, Twilio error 21210 on POST .*: The source phone number/,
    );
  });
});

describe('examples/send-sms.ts', () => {
  it('sends the message and prints its SID and status', async () => {
    const io = capture();
    expect(await sendSms(['Your table is ready'], ENV, { baseUrl: fake.url })).toBe(0);
    expect(fake.requests[0].body).toBe('To=%2B15558675310&From=%2B15017122661&Body=Your%20table%20is%20ready');
    expect(io.out()).toBe(`Message ${MESSAGE_SID} to +15558675310: queued.`);
  });

  it('can send through a Messaging Service instead of FROM', async () => {
    capture();
    const env = { ...ENV, FROM: undefined, MESSAGING_SERVICE_SID: 'MG' + '3'.repeat(32) };
    expect(await sendSms([], env, { baseUrl: fake.url })).toBe(0);
    expect(fake.requests[0].form.map(([key]) => key)).toEqual(['To', 'MessagingServiceSid', 'Body']);
  });

  it('prints the usage and fails when the environment is incomplete', async () => {
    const io = capture();
    expect(await sendSms([], {}, { baseUrl: fake.url })).toBe(1);
    expect(io.err()).toMatch(
      /^Missing environment variables: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TO, FROM \(or MESSAGING_SERVICE_SID\)\n\nUsage: /,
    );
    expect(fake.requests).toHaveLength(0);
  });
});
