/**
 * The dev session on the real simulator and the example app (examples/apps.tsx): the state the
 * page's events build, as the caller acts, the page chooses how Dials and Records end, the call
 * is hung up at any point, and text messages go back and forth.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Gather, Response, Say } from 'twiml-jsx';
import { twiml } from 'twiml-jsx/http';
import { formatEntry } from 'twiml-jsx/testing';
import { createHonoApp } from '../../examples/apps.js';
import type { PageState } from '../../src/dev/protocol.js';
import { DevSession, SessionError } from '../../src/dev/session.js';

const authToken = 'session-test-token';
const examples = createHonoApp({ authToken });
type Fetch = (request: Request) => Response | Promise<Response>;
let session: DevSession | undefined;

function start(fetch: Fetch = examples.fetch, voice = '/voice', timeoutMs?: number): DevSession {
  session = new DevSession({
    config: {
      target: 'examples/apps.tsx',
      mode: 'module',
      voice,
      sms: '/sms',
      from: '+15555550100',
      to: '+15555550199',
      signed: true,
    },
    module: { status: 'loaded', version: 1 },
    app: () => fetch,
    authToken,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  return session;
}

/** Resolves with the state once `test` holds (checked now and after every event). */
function until(test: (state: PageState) => unknown): Promise<PageState> {
  const s = session!;
  return new Promise((resolve) => {
    if (test(s.snapshot())) return resolve(s.snapshot());
    const stop = s.subscribe(() => {
      if (test(s.snapshot())) {
        stop();
        resolve(s.snapshot());
      }
    });
  });
}

const lines = (state: PageState) => state.call!.transcript.map((item) => formatEntry(item.entry));
const listening = (state: PageState) => state.call?.waiting !== undefined;
const asked = (verb: 'Dial' | 'Record') => (state: PageState) => state.call?.ask?.verb === verb;
const over = (state: PageState) => !['ringing', 'in-progress'].includes(state.call?.status ?? 'ringing');

afterEach(() => {
  session?.close();
  session = undefined;
  vi.useRealTimers();
});

describe('a call from the dev phone', () => {
  it('IVR: the greeting, press 1, sales busy (chosen on the page), a 12-second voicemail', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    start().call({});
    let state = await until(listening);
    expect(state.call).toMatchObject({ status: 'in-progress', waiting: { input: ['dtmf', 'speech'], numDigits: 1 } });
    expect(lines(state)[0]).toBe('Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.');

    session!.press('1');
    state = await until(asked('Dial'));
    expect(state.call!.waiting).toBeUndefined();
    expect(state.call!.ask).toMatchObject({ verb: 'Dial', to: ['+15555550111', '+15555550112'] });
    expect(state.call!.ask!.choices.map((c) => c.label)).toEqual(['Answer', 'Busy', 'No answer', 'Fail']);
    expect(state.graph.nodes.map((n) => n.id)).toEqual(['POST /voice', 'POST /menu/choice']);
    expect(state.graph.edges).toEqual([{ from: 'POST /voice', to: 'POST /menu/choice', label: 'Digits=1', count: 1 }]);
    expect(state.graph.current).toBe('POST /menu/choice');

    session!.answer(state.call!.ask!.id, 'busy');
    state = await until(asked('Record'));
    expect(state.call!.ask!.choices.map((c) => c.label)).toEqual([
      'Speak and press #',
      'Stay silent',
      'Caller hangs up',
    ]);
    vi.setSystemTime(Date.now() + 12_000);
    session!.answer(state.call!.ask!.id, 'speak');
    state = await until(over);
    expect(state.call).toMatchObject({ status: 'completed', reason: '<Hangup>' });
    expect(lines(state).slice(6)).toEqual([
      'Dial: +15555550111, +15555550112 → busy',
      'Say [Polly.Joanna-Neural]: Sales is not available right now.',
      'Redirect: POST /voicemail',
      'Say [Polly.Matthew]: You have reached Owl & Co. Leave a message after the beep, then press the pound key.',
      'Play: beep',
      'Record: 12s, ended by #',
      'Say [Polly.Matthew]: Thanks, we got your message.',
      'Hangup',
    ]);
    expect(state.graph.edges.map((e) => e.label)).toEqual([
      'Digits=1',
      'DialCallStatus=busy',
      'redirect',
      'RecordingDuration=12',
    ]);
    expect(state.requests.map((r) => [r.node, r.status, r.problems.length])).toEqual([
      ['POST /voice', 200, 0],
      ['POST /menu/choice', 200, 0],
      ['POST /menu/after-call', 200, 0],
      ['POST /voicemail', 200, 0],
      ['POST /voicemail/saved', 200, 0],
    ]);
    expect(JSON.stringify(state)).not.toContain(authToken);
  });

  it('voicemail: the caller stays silent, so nothing is recorded and the flow goes on', async () => {
    start(examples.fetch, '/voicemail').call({});
    const state = await until(asked('Record'));
    session!.answer(state.call!.ask!.id, 'silent');
    const done = await until(over);
    expect(lines(done).slice(-2)).toEqual([expect.stringMatching(/^Record: /), expect.stringMatching(/^Say/)]);
    expect(done.requests.map((r) => r.node)).toEqual(['POST /voicemail']);
  });

  it.each([
    [undefined, 'Speak and press #'],
    ['1', 'Speak and press 1'],
    ['', 'Speak until the timeout'],
  ])('a <Record finishOnKey=%j> offers "%s"', async (finishOnKey, label) => {
    const record: Fetch = () =>
      new globalThis.Response(
        `<Response><Record${finishOnKey === undefined ? '' : ` finishOnKey="${finishOnKey}"`} action="/saved"/></Response>`,
        { headers: { 'Content-Type': 'text/xml' } },
      );
    start(record).call({});
    const state = await until(asked('Record'));
    expect(state.call!.ask!.choices.map((c) => c.label)).toEqual([label, 'Stay silent', 'Caller hangs up']);
  });

  it('keys wait until the <Gather> has them all (numDigits), the page sees them as typed', async () => {
    start(examples.fetch, '/conference').call({});
    let state = await until(listening);
    for (const key of '123') session!.press(key);
    state = session!.snapshot();
    expect(state.call!.waiting).toMatchObject({ numDigits: 4, keys: '123' });
    expect(state.requests).toHaveLength(1);
    session!.press('4');
    state = await until(asked('Dial'));
    expect(state.call!.ask!.to).toEqual(['conference:weekly-sync']);
    expect(state.requests.at(-1)!.params.Digits).toBe('1234');
    session!.answer(state.call!.ask!.id, 'answer');
    state = await until(over);
    expect(lines(state)).toContain('Dial: conference:weekly-sync → completed (30s)');
  });

  it('the Gather times out (counted down by the page): silence, then the menu again; late time-outs are ignored', async () => {
    start().call({});
    let state = await until(listening);
    const first = state.call!.waiting!.id;
    session!.timeout(first);
    state = await until((s) => listening(s) && s.call!.waiting!.id !== first);
    session!.timeout(first); // the page's countdown of the earlier wait: nothing happens
    expect(lines(state).filter((l) => l === 'Caller is silent')).toHaveLength(1);
    expect(state.requests.map((r) => r.display)).toEqual(['/voice', '/voice?retries=1']);
    expect(state.graph.edges).toEqual([{ from: 'POST /voice', to: 'POST /voice', label: 'redirect', count: 1 }]);
  });

  it('keys pressed before a timeout are sent when it passes', async () => {
    start(examples.fetch, '/conference').call({});
    let state = await until(listening);
    session!.press('4');
    session!.press('2');
    session!.timeout(state.call!.waiting!.id);
    state = await until((s) => s.requests.length === 2);
    expect(state.requests[1].params.Digits).toBe('42');
  });

  it('speech: SpeechResult and Confidence', async () => {
    start().call({});
    await until(listening);
    session!.speak('support please', '0.75');
    const state = await until((s) => s.requests.length >= 2);
    expect(state.requests[1].params).toMatchObject({ SpeechResult: 'support please', Confidence: '0.75' });
    expect(state.requests[1].cause).toBe('speech "support please"');
  });

  it('hanging up while a <Dial> rings (the first document): the call ends at once, nothing more is shown', async () => {
    start(examples.fetch, '/forward').call({});
    await until(asked('Dial'));
    session!.hangUp();
    const state = session!.snapshot();
    expect(state.call).toMatchObject({ status: 'completed', reason: 'the caller hung up' });
    expect(state.call!.ask).toBeUndefined();
    expect(lines(state).at(-1)).toBe('Caller hangs up');
    await new Promise((resolve) => setImmediate(resolve));
    expect(session!.snapshot().call).toEqual(state.call);
  });

  it('hanging up while a <Dial> rings after a key: the simulator says so', async () => {
    start().call({});
    await until(listening);
    session!.press('1');
    await until(asked('Dial'));
    session!.hangUp();
    const state = await until(over);
    expect(state.call).toMatchObject({ status: 'completed', reason: 'the caller hung up' });
    expect(lines(state).at(-1)).toBe('Caller hangs up');
    expect(() => session!.press('1')).toThrow(new SessionError('no call: the caller cannot press keys', 409));
  });

  it('hanging up while the menu listens', async () => {
    start().call({});
    await until(listening);
    session!.hangUp();
    const state = await until(over);
    expect(state.call).toMatchObject({ status: 'completed', reason: 'the caller hung up' });
    expect(state.call!.waiting).toBeUndefined();
  });

  it('a new call ends the one before; its late events change nothing', async () => {
    start().call({});
    await until(listening);
    session!.call({ from: '+15550001111' });
    const state = await until((s) => s.call?.id === 2 && listening(s));
    expect(state.call).toMatchObject({ from: '+15550001111', to: '+15555550199' });
    expect(state.requests.map((r) => r.conversation)).toEqual(['call:1', 'call:2']);
    expect(state.requests[1].params.From).toBe('+15550001111');
    expect(state.graph.nodes).toEqual([{ id: 'POST /voice', visits: 2, entry: true, failed: false }]);
  });

  it('refuses what the caller cannot do now, saying why', async () => {
    const speechOnly: Fetch = () =>
      twiml(
        <Response>
          <Gather input="speech" action="/next">
            <Say>Say something.</Say>
          </Gather>
        </Response>,
      );
    start(speechOnly).call({});
    await until(listening);
    expect(() => session!.press('1')).toThrow(
      new SessionError('the <Gather> listens for speech only: say something', 409),
    );
    expect(() => session!.press('12')).toThrow(SessionError);
    expect(() => session!.speak('')).toThrow(new SessionError('Speech is empty', 400));
    expect(() => session!.speak('   ')).toThrow(new SessionError('Speech is empty', 400));
    expect(() => session!.speak('hi', 2)).toThrow(new SessionError('Confidence is a number from 0 to 1; got 2', 400));
    expect(() => session!.answer(99, 'busy')).toThrow(
      new SessionError('nothing is waiting for that choice (the call moved on)', 409),
    );
    expect(() => session!.call({ from: 'x'.repeat(65) })).toThrow(
      new SessionError('From is longer than 64 characters', 400),
    );
  });

  it('an answer Twilio could not use: the call fails with the reason; the request shows the body', async () => {
    const broken: Fetch = () =>
      new globalThis.Response('<h1>Internal Server Error</h1>', {
        status: 500,
        headers: { 'Content-Type': 'text/html' },
      });
    start(broken).call({});
    const state = await until(over);
    expect(state.call).toMatchObject({ status: 'failed', reason: 'POST https://example.com/voice answered 500' });
    expect(state.requests[0]).toMatchObject({
      status: 500,
      error: expect.stringMatching(/^POST https:\/\/example\.com\/voice answered 500:/),
      bodyStart: '<h1>Internal Server Error</h1>',
    });
    expect(state.graph.nodes[0].failed).toBe(true);
  });

  it('an app that never answers: the request times out (timeoutMs), shown with no body', async () => {
    start(() => new Promise<Response>(() => {}), '/voice', 50).call({});
    const state = await until(over);
    expect(state.call).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^POST https:\/\/example\.com\/voice .*50 ms/),
    });
    expect(state.requests[0]).toMatchObject({ status: 0, bodyStart: '', error: expect.stringMatching(/50 ms/) });
  });

  it('hanging up while the first request runs: the call ends at once', async () => {
    let answer: (response: Response) => void = () => {};
    let requested: () => void = () => {};
    const running = new Promise<void>((resolve) => (requested = resolve));
    start(() => {
      requested();
      return new Promise<Response>((resolve) => (answer = resolve));
    }).call({});
    await running; // the app has the first request
    session!.hangUp();
    let state = session!.snapshot();
    expect(state.call).toMatchObject({ status: 'completed', reason: 'the caller hung up' });
    answer(
      twiml(
        <Response>
          <Say>Too late.</Say>
        </Response>,
      ),
    );
    state = await until((s) => s.requests.length === 1);
    expect(lines(state)).toEqual(['Caller hangs up']);
  });

  it('invalid TwiML: the problems by code and path, the element marked', async () => {
    const invalid: Fetch = () =>
      new globalThis.Response('<Response><Gather><Dial>+15555550111</Dial></Gather></Response>', {
        headers: { 'Content-Type': 'text/xml' },
      });
    start(invalid).call({});
    const state = await until(over);
    expect(state.call!.status).toBe('failed');
    const [request] = state.requests;
    expect(request.problems.map((p) => `${p.severity} ${p.code} at ${p.path}`)).toEqual([
      'error invalid-child at Response > Gather > Dial',
    ]);
    expect(request.document!.filter((l) => l.marked).map((l) => l.text)).toEqual(['<Dial>+15555550111</Dial>']);
  });
});

describe('messages from the dev phone', () => {
  it('MENU: the reply with its picture', async () => {
    start().message({ body: 'menu' });
    const state = await until((s) => s.messages.length === 2);
    expect(state.messages.map(({ kind, body, media }) => ({ kind, body, media }))).toEqual([
      { kind: 'sent', body: 'menu', media: [] },
      {
        kind: 'reply',
        body: "Today's menu is attached. Reply HOURS for opening times.",
        media: ['https://example.com/menu.jpg'],
      },
    ]);
    expect(state.requests[0]).toMatchObject({ node: 'POST /sms', conversation: 'message:1', first: true });
    expect(state.requests[0].params).toMatchObject({ Body: 'menu', From: '+15555550100', NumMedia: '0' });
  });

  it('a picture sent, STOP answered with no reply', async () => {
    start().message({ body: 'STOP', mediaUrl: 'https://example.com/cat.png' });
    const state = await until((s) => s.messages.length === 2);
    expect(state.messages.map((m) => [m.kind, m.body])).toEqual([
      ['sent', 'STOP'],
      ['note', 'No reply'],
    ]);
    expect(state.requests[0].params).toMatchObject({
      NumMedia: '1',
      MediaUrl0: 'https://example.com/cat.png',
      MediaContentType0: 'image/png',
    });
  });

  it('a failing route: the reason in the chat', async () => {
    start(() => new globalThis.Response('nope', { status: 404 })).message({ body: 'hi' });
    const state = await until((s) => s.messages.length === 2);
    expect(state.messages[1]).toMatchObject({ kind: 'error', body: 'POST https://example.com/sms answered 404' });
  });

  it('refuses an empty message and a media URL that is not http(s)', () => {
    start();
    expect(() => session!.message({ body: ' ' })).toThrow(new SessionError('Message is empty', 400));
    expect(() => session!.message({ body: 'x', mediaUrl: 'javascript:alert(1)' })).toThrow(
      new SessionError('Media URL must be an http(s) URL; got "javascript:alert(1)"', 400),
    );
  });
});
