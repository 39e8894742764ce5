/**
 * The call and message simulators drive the example flows (examples/apps.tsx) as Twilio would:
 * through Hono's `fetch` in-process and through an Express server on 127.0.0.1, with every
 * request signed so the apps' signature checks run.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, simulateCall, simulateMessage, SimulationError } from 'twiml-jsx/testing';
import { createExpressApp, createHonoApp } from '../../examples/apps.jsx';

const authToken = 'test-auth-token';
let server: Server;
let expressUrl: string;

beforeAll(async () => {
  server = createExpressApp({ authToken }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  expressUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const hono = createHonoApp({ authToken });
const apps: [string, () => App][] = [
  ['Hono (fetch)', () => hono.fetch],
  ['Express (127.0.0.1)', () => expressUrl],
];

describe.each(apps)('%s', (_, app) => {
  it('IVR: press 1 for sales, the call is answered', async () => {
    const call = await simulateCall(app(), { url: '/voice', authToken });
    expect(call.waiting).toMatchObject({ verb: 'Gather', input: ['dtmf', 'speech'], numDigits: 1 });
    await call.press('1');
    expect(call.ended).toBe(true);
    expect(call.status).toBe('completed');
    expect(String(call)).toMatchInlineSnapshot(`
      "Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller presses 1
      Say [Polly.Joanna-Neural]: Connecting you to sales.
      Dial: +15555550111, +15555550112 → completed (30s)
      Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co. Goodbye.
      Hangup"
    `);
  });

  it('IVR: say "support", wait in the queue', async () => {
    const call = await simulateCall(app(), { authToken });
    await call.speak('support please');
    expect(String(call)).toMatchInlineSnapshot(`
      "Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller says "support please"
      Say [Polly.Joanna-Neural]: All our agents are busy. Please hold.
      Say [Polly.Joanna-Neural]: Thanks for holding. An agent will be with you shortly.
      Play: https://example.com/hold-music.mp3
      Enqueue: support → bridged
      Say [Polly.Joanna-Neural]: Sorry we could not help you today. Goodbye.
      Hangup"
    `);
    expect(call.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /voice',
      'POST /menu/choice',
      'POST /hold-music',
    ]);
  });

  it('IVR: silence three times, then the operator', async () => {
    const call = await simulateCall(app(), { authToken });
    await call.silence();
    await call.silence();
    await call.silence();
    expect(call.ended).toBe(true);
    expect(String(call)).toMatchInlineSnapshot(`
      "Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller is silent
      Redirect: POST /voice?retries=1
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller is silent
      Redirect: POST /voice?retries=2
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller is silent
      Say [Polly.Joanna-Neural]: Let me get you to someone.
      Dial: +15555550100 → completed (30s)"
    `);
  });

  it('IVR: sales busy, the voicemail recording callback carries what Twilio sends', async () => {
    // The transcript of this walk is in docs/testing.md (run by test/docs-samples.test.ts); here, the callback.
    const call = await simulateCall(app(), { authToken, outcomes: { dial: 'busy', record: { duration: 12 } } });
    await call.press('1');
    const saved = call.requests.at(-1)!;
    expect(saved.url).toMatch(/\/voicemail\/saved$/);
    expect(saved.params).toMatchObject({ RecordingDuration: '12', Digits: '#' });
    expect(saved.params.RecordingUrl).toMatch(
      /^https:\/\/api\.twilio\.com\/2010-04-01\/Accounts\/AC0+1\/Recordings\/RE[0-9a-f]{32}$/,
    );
  });

  it('forwarding: nobody answers, the caller is sent to voicemail and says nothing', async () => {
    const call = await simulateCall(app(), {
      url: '/forward',
      authToken,
      outcomes: { dial: 'no-answer', record: { duration: 0 } },
    });
    expect(String(call)).toMatchInlineSnapshot(`
      "Dial: +15555550120, +15555550121, client:front-desk → no-answer
      Say: Nobody could take your call.
      Redirect: POST /voicemail
      Say [Polly.Matthew]: You have reached Owl & Co. Leave a message after the beep, then press the pound key.
      Play: beep
      Record: nothing recorded, ended by timeout
      Say [Polly.Matthew]: We didn't hear anything. Goodbye."
    `);
    // Nothing recorded: Twilio does not request the action; it goes on with the verb after <Record>.
    expect(call.requests.some((r) => r.url.endsWith('/voicemail/saved'))).toBe(false);
    expect(call.status).toBe('completed');
    const done = call.requests.find((r) => r.url.endsWith('/forward/done'))!;
    expect(done.params).toMatchObject({ DialCallStatus: 'no-answer', DialBridged: 'false' });
    expect(done.params.DialCallDuration).toBeUndefined();
  });

  it('conference: a guest PIN joins the waiting room', async () => {
    const call = await simulateCall(app(), { url: '/conference', authToken });
    await call.press('1234');
    expect(String(call)).toMatchInlineSnapshot(`
      "Say: Welcome to the weekly sync. Enter your four digit PIN.
      Gather: waiting for dtmf
      Caller presses 1234
      Say: Joining. The conference starts when the host arrives.
      Dial: conference:weekly-sync → completed (30s)"
    `);
  });

  it('SMS auto-reply', async () => {
    const hours = await simulateMessage(app(), { url: '/sms', body: 'hours', authToken });
    expect(hours.replies).toEqual([
      { body: "We're open 9am–5pm, Monday to Friday.", media: [], to: '+15555550100', from: '+15555550199' },
    ]);
    const menu = await simulateMessage(app(), { body: 'MENU', authToken });
    expect(menu.replies).toEqual([
      {
        body: "Today's menu is attached. Reply HOURS for opening times.",
        media: ['https://example.com/menu.jpg'],
        to: '+15555550100',
        from: '+15555550199',
      },
    ]);
    expect((await simulateMessage(app(), { body: 'STOP', authToken })).replies).toEqual([]);
  });

  it('a wrong auth token is refused by the app, and the simulator says which request failed', async () => {
    const failure = await simulateCall(app(), { authToken: 'wrong' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationError);
    expect((failure as SimulationError).message).toMatch(/^POST http.*\/voice answered 403/);
    expect((failure as SimulationError).requests).toHaveLength(1);
  });
});
