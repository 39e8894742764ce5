/** The call simulator's semantics, on small apps built right here. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  Dial,
  Enqueue,
  Gather,
  Hangup,
  Leave,
  Number,
  Pause,
  Pay,
  Play,
  Record,
  Redirect,
  Reject,
  Response,
  Say,
  type TwiMLElement,
} from 'twiml-jsx';
import { type CallDirection, type DialCallback, type EnqueueCallback, type PayCallback, twiml } from 'twiml-jsx/http';
import * as testing from 'twiml-jsx/testing';
import {
  type App,
  type Call,
  type CallStatus,
  type DialStatus,
  formatEntry,
  type PayResult,
  type QueueResult,
  type SimulateCallOptions,
  simulateCall,
  simulateMessage,
  SimulationError,
  type SimulatedCall,
  type SimulatedCallStatus,
  type SimulatedRequest,
  type TranscriptEntry,
} from 'twiml-jsx/testing';
import type { CallStatus as CoreCallStatus } from 'twiml-jsx/core';

// `Response` here is the TwiML component; the Fetch class is `globalThis.Response`.
type Flow = (params: Record<string, string>, url: URL) => TwiMLElement | globalThis.Response;

/** A Fetch handler answering each path with a flow of the request's parameters. */
function app(routes: Record<string, Flow>) {
  return async (request: Request): Promise<globalThis.Response> => {
    const url = new URL(request.url);
    const params = Object.fromEntries(
      request.method === 'GET' ? url.searchParams : new URLSearchParams(await request.text()),
    );
    const flow = routes[url.pathname];
    if (!flow) return new globalThis.Response('not found', { status: 404 });
    const result = flow(params, url);
    return result instanceof globalThis.Response ? result : twiml(result);
  };
}

const paths = (requests: readonly SimulatedRequest[]) =>
  requests.map((r) => `${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}`);

describe('requests', () => {
  it('carry the standard voice parameters, ringing first and in-progress after', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Gather action="/next" numDigits={1} />
          </Response>
        ),
        '/next': () => <Response />,
      }),
      { from: '+15551110000', to: '+15552220000', params: { FromCity: 'OAKLAND' } },
    );
    await call.press('5');
    expect(call.requests[0].params).toEqual({
      AccountSid: 'AC00000000000000000000000000000001',
      ApiVersion: '2010-04-01',
      CallSid: call.callSid,
      CallStatus: 'ringing',
      Called: '+15552220000',
      Caller: '+15551110000',
      Direction: 'inbound',
      From: '+15551110000',
      FromCity: 'OAKLAND',
      To: '+15552220000',
    });
    expect(call.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.requests[1].params).toMatchObject({ CallStatus: 'in-progress', Digits: '5' });
    expect(call.requests[1].params.FromCity).toBeUndefined();
  });

  it('resolve relative URLs against the current document and use GET when asked', async () => {
    const call = await simulateCall(
      app({
        '/ivr/start': () => (
          <Response>
            <Redirect method="GET">../ivr/next?step=2</Redirect>
          </Response>
        ),
        '/ivr/next': (p) => (
          <Response>
            <Gather action="choice" method="GET" />
            <Say>{p.step}</Say>
          </Response>
        ),
        '/ivr/choice': (p) => (
          <Response>
            <Say>You chose {p.Digits}</Say>
          </Response>
        ),
      }),
      { url: '/ivr/start' },
    );
    await call.press('42#');
    expect(paths(call.requests)).toEqual([
      'POST /ivr/start',
      expect.stringMatching(/^GET \/ivr\/next\?step=2&AccountSid=/),
      expect.stringMatching(/^GET \/ivr\/choice\?AccountSid=.*&Digits=42$/),
    ]);
    expect(call.said).toEqual(['You chose 42']);
  });
});

describe('<Gather>', () => {
  const gather = (props: Parameters<typeof Gather>[0]) =>
    app({
      '/voice': () => (
        <Response>
          <Gather {...props}>
            <Say>Enter your code</Say>
          </Gather>
          <Say>No input</Say>
        </Response>
      ),
      '/input': (p) => (
        <Response>
          <Say>{`Digits=${p.Digits ?? '-'} Speech=${p.SpeechResult ?? '-'} Confidence=${p.Confidence ?? '-'}`}</Say>
        </Response>
      ),
    });

  it.each([
    ['numDigits stops collecting', { numDigits: 2 }, '12345', 'Digits=12'],
    ['finishOnKey ends input and is not sent', { finishOnKey: '*' }, '98*7', 'Digits=98'],
    ['the default finish key is #', {}, '7#', 'Digits=7'],
    ['without an end, keys go when the timeout passes', { finishOnKey: '' }, '123#', 'Digits=123#'],
  ])('%s', async (_, props, keys, heard) => {
    const call = await simulateCall(gather({ action: '/input', ...props }));
    await call.press(keys);
    expect(call.said.at(-1)).toBe(`${heard} Speech=- Confidence=-`);
  });

  it('posts speech with its confidence', async () => {
    const call = await simulateCall(gather({ action: '/input', input: ['speech'] }));
    await call.speak('hello there', 0.75);
    expect(call.said.at(-1)).toBe('Digits=- Speech=hello there Confidence=0.75');
  });

  it('on silence, falls through to the next verb', async () => {
    const call = await simulateCall(gather({ action: '/input' }));
    await call.silence();
    expect(call.said).toEqual(['Enter your code', 'No input']);
    expect(call.ended).toBe(true);
    expect(call.requests).toHaveLength(1);
  });

  it('with actionOnEmptyResult, posts the empty result', async () => {
    const call = await simulateCall(gather({ action: '/input', actionOnEmptyResult: true }));
    await call.silence();
    expect(call.said.at(-1)).toBe('Digits= Speech=- Confidence=-');
  });

  it('without action, posts to the current document', async () => {
    let hits = 0;
    const call = await simulateCall(
      app({
        '/voice': (p) =>
          hits++ === 0 ? (
            <Response>
              <Gather numDigits={1} />
            </Response>
          ) : (
            <Response>
              <Say>{`got ${p.Digits}`}</Say>
            </Response>
          ),
      }),
    );
    await call.press('3');
    expect(paths(call.requests)).toEqual(['POST /voice', 'POST /voice']);
    expect(call.said).toEqual(['got 3']);
  });

  it('refuses the wrong kind of input, and input when nothing listens', async () => {
    const call = await simulateCall(gather({ action: '/input', input: ['speech'] }));
    await expect(call.press('1')).rejects.toThrow(/listens for speech only; use call.speak\(\)/);
    await expect(call.press('12a')).rejects.toThrow(/listens for speech only/);
    await call.silence();
    await expect(call.speak('hi')).rejects.toThrow(/the call has ended \(completed\)/);
  });
});

describe('verbs', () => {
  it('Dial: scripted outcomes, in turn, with the action parameters', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Dial action="/dialed" record="record-from-answer">
              <Number>+15550001</Number>
            </Dial>
          </Response>
        ),
        '/dialed': (p) =>
          p.DialCallStatus === 'busy' ? (
            <Response>
              <Redirect>/voice</Redirect>
            </Response>
          ) : (
            <Response>
              <Say>{`talked ${p.DialCallDuration}s`}</Say>
            </Response>
          ),
      }),
      { outcomes: { dial: ['busy', { status: 'completed', duration: 42 }] } },
    );
    expect(call.transcript.filter((e) => e.verb === 'Dial')).toEqual([
      { verb: 'Dial', to: ['+15550001'], status: 'busy' },
      { verb: 'Dial', to: ['+15550001'], status: 'completed', duration: 42 },
    ]);
    const dialed = call.requests.filter((r) => r.url.endsWith('/dialed'));
    expect(dialed[0].params).toMatchObject({ DialCallStatus: 'busy', DialBridged: 'false' });
    expect(dialed[0].params.RecordingUrl).toBeUndefined();
    expect(dialed[1].params).toMatchObject({
      DialCallStatus: 'completed',
      DialCallDuration: '42',
      DialBridged: 'true',
    });
    expect(dialed[1].params.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(dialed[1].params.RecordingUrl).toMatch(/Recordings\/RE/);
    expect(call.said).toEqual(['talked 42s']);
  });

  it('Dial without action goes on with the next verb', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Dial>+15550001</Dial>
            <Say>after</Say>
          </Response>
        ),
      }),
      {
        outcomes: { dial: (d) => (d.to[0] === '+15550001' ? 'no-answer' : 'completed') },
      },
    );
    expect(String(call)).toBe('Dial: +15550001 → no-answer\nSay: after');
  });

  it('Record: posts RecordingUrl, RecordingDuration and the finish key', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Record action="/saved" finishOnKey="*" playBeep={false} />
          </Response>
        ),
        '/saved': () => <Response />,
      }),
      { outcomes: { record: { duration: 7 } } },
    );
    expect(String(call)).toBe('Record: 7s, ended by *');
    expect(call.requests[1].params).toMatchObject({ RecordingDuration: '7', Digits: '*' });
  });

  it('Enqueue: plays the wait document once; Leave ends the wait', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Enqueue waitUrl="/wait" action="/left">
              support
            </Enqueue>
          </Response>
        ),
        '/wait': (p) => (
          <Response>
            <Say>{`You are number ${p.QueuePosition}`}</Say>
            <Pause length={2} />
            <Leave />
          </Response>
        ),
        '/left': (p) => (
          <Response>
            <Say>{p.QueueResult}</Say>
          </Response>
        ),
      }),
    );
    expect(String(call)).toBe('Say: You are number 1\nPause: 2s\nLeave\nEnqueue: support → leave\nSay: leave');
  });

  it('Pay: posts the result to the action (POST)', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Pay chargeAmount="10.00" action="https://pay.example.com/done" />
          </Response>
        ),
      }),
      { outcomes: { pay: 'validation-error' } },
    ).catch((e: unknown) => e);
    // The action lives on another host the app does not serve: its 404 is reported.
    expect(call).toBeInstanceOf(SimulationError);
    expect((call as SimulationError).requests.at(-1)).toMatchObject({
      method: 'POST',
      url: 'https://pay.example.com/done',
      params: { Result: 'validation-error' },
      status: 404,
    });
  });

  it('Pay: out of attempts, goes on with the next verb without a request', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Pay chargeAmount="10.00" action="https://example.com/paid" />
            <Say>Let me get you to someone.</Say>
          </Response>
        ),
      }),
      { outcomes: { pay: 'too-many-failed-attempts' } },
    );
    expect(String(call)).toBe('Pay: too-many-failed-attempts\nSay: Let me get you to someone.');
    expect(call.requests).toHaveLength(1);
  });

  it('Record: nothing recorded, goes on with the next verb without a request', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Record action="/saved" />
            <Say>We did not get a message.</Say>
          </Response>
        ),
      }),
      { outcomes: { record: { recorded: false } } },
    );
    expect(String(call)).toBe('Play: beep\nRecord: nothing recorded, ended by timeout\nSay: We did not get a message.');
    expect(call.requests).toHaveLength(1);
  });

  it('Record: the caller hangs up; the recording is still posted, what the app answers does not run', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Record action="/saved" playBeep={false} />
          </Response>
        ),
        '/saved': () => (
          <Response>
            <Say>Thanks</Say>
          </Response>
        ),
      }),
      { outcomes: { record: { duration: 9, finishedBy: 'hangup' } } },
    );
    expect(String(call)).toBe('Record: 9s, ended by hangup\nCaller hangs up');
    expect(call.status).toBe('completed');
    expect(call.requests[1].params).toMatchObject({
      CallStatus: 'completed',
      RecordingDuration: '9',
      Digits: 'hangup',
    });
  });

  it('outcomes may be promises: the call waits for them', async () => {
    let asked!: (to: readonly string[]) => void;
    const dialed = new Promise<readonly string[]>((resolve) => (asked = resolve));
    let answer!: (status: DialStatus) => void;
    const pending = simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Dial>+15550001</Dial>
            <Say>after</Say>
          </Response>
        ),
      }),
      {
        outcomes: {
          dial: ({ to }) => {
            asked(to);
            return new Promise<DialStatus>((resolve) => (answer = resolve));
          },
        },
      },
    );
    expect(await dialed).toEqual(['+15550001']);
    answer('busy');
    expect(String(await pending)).toBe('Dial: +15550001 → busy\nSay: after');
  });

  describe('the caller hangs up while an outcome is pending', () => {
    const dialing = () => {
      let asked!: () => void;
      const dialed = new Promise<void>((resolve) => (asked = resolve));
      const pending = simulateCall(
        app({
          '/voice': () => (
            <Response>
              <Gather action="/menu" numDigits={1} />
            </Response>
          ),
          '/menu': () => (
            <Response>
              <Say>Connecting</Say>
              <Dial action="/after">+15550001</Dial>
            </Response>
          ),
          '/after': () => <Response />,
        }),
        {
          outcomes: {
            dial: () => {
              asked();
              return new Promise<DialStatus>(() => {}); // nobody ever decides
            },
          },
        },
      );
      return { dialed, pending };
    };

    it('call.hangUp(): the pending press() resolves, the call is over', async () => {
      const { dialed, pending } = dialing();
      const call = await pending;
      const pressed = call.press('1');
      await dialed;
      call.hangUp();
      await pressed;
      expect(String(call)).toBe('Gather: waiting for dtmf\nCaller presses 1\nSay: Connecting\nCaller hangs up');
      expect(call.status).toBe('completed');
      expect(call.requests.map((r) => new URL(r.url).pathname)).toEqual(['/voice', '/menu']);
    });

    it('the signal option: hangs up before simulateCall() has resolved', async () => {
      const controller = new AbortController();
      const call = await simulateCall(
        app({
          '/voice': () => (
            <Response>
              <Dial>+15550001</Dial>
            </Response>
          ),
        }),
        {
          signal: controller.signal,
          outcomes: {
            dial: () => {
              controller.abort();
              return new Promise<DialStatus>(() => {});
            },
          },
        },
      );
      expect(String(call)).toBe('Caller hangs up');
      expect(call.ended).toBe(true);
    });

    it('the signal option, aborted already: no request is made', async () => {
      const call = await simulateCall(() => new globalThis.Response('never'), { signal: AbortSignal.abort() });
      expect(call.requests).toEqual([]);
      expect(call.status).toBe('completed');
    });
  });

  it('Reject as the first verb leaves the call unanswered', async () => {
    const busy = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Reject reason="busy" />
          </Response>
        ),
      }),
    );
    expect(busy.status).toBe('busy');
    const rejected = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Reject />
          </Response>
        ),
      }),
    );
    expect(rejected.status).toBe('no-answer');
    const late = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Play>https://example.com/a.mp3</Play>
            <Reject />
          </Response>
        ),
      }),
    );
    expect(late.status).toBe('completed');
  });

  it('the end of the document ends the call', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Say>Bye</Say>
          </Response>
        ),
      }),
    );
    expect(call).toMatchObject({ ended: true, status: 'completed', waiting: undefined });
    expect(() => call.hangUp()).not.toThrow();
    expect(String(call)).toBe('Say: Bye');
    await expect(call.press('1')).rejects.toThrow(/the call has ended/);
  });

  it('the caller hangs up: the transcript says so, once', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Gather action="/next" />
          </Response>
        ),
      }),
    );
    call.hangUp();
    call.hangUp();
    expect(call).toMatchObject({ ended: true, status: 'completed', waiting: undefined });
    expect(call.transcript).toEqual([
      { verb: 'Gather', input: ['dtmf'] },
      { verb: 'Caller', hungUp: true },
    ]);
    expect(String(call)).toBe('Gather: waiting for dtmf\nCaller hangs up');
  });

  it('Hangup ends the call', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Hangup />
            <Say>never</Say>
          </Response>
        ),
      }),
    );
    expect(String(call)).toBe('Hangup');
  });
});

describe('failures show the request that caused them', () => {
  it('a redirect loop stops at maxRequests with the trail', async () => {
    const failure = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Redirect>/voice</Redirect>
          </Response>
        ),
      }),
      { maxRequests: 5 },
    ).catch((e: unknown) => e as SimulationError);
    expect(failure).toBeInstanceOf(SimulationError);
    expect((failure as SimulationError).message).toMatch(
      /more than 5 requests: the flow seems to loop. Last requests:\n {2}POST https:\/\/example.com\/voice/,
    );
    expect((failure as SimulationError).requests).toHaveLength(5);
  });

  it.each([
    ['a non-2xx answer', () => new globalThis.Response('boom', { status: 500 }), /answered 500:\nboom/],
    [
      'a non-XML content type',
      () => new globalThis.Response('<Response/>', { headers: { 'content-type': 'application/json' } }),
      /Content-Type "application\/json"; TwiML is served as text\/xml/,
    ],
    [
      'malformed XML',
      () => new globalThis.Response('<Response>', { headers: { 'content-type': 'text/xml' } }),
      /answered malformed XML: line 1/,
    ],
    [
      'invalid TwiML',
      () =>
        new globalThis.Response('<Response><Gather><Dial>+1555</Dial></Gather></Response>', {
          headers: { 'content-type': 'text/xml' },
        }),
      /answered invalid TwiML:\nerror invalid-child at Response > Gather > Dial/,
    ],
    [
      'messaging TwiML on a call',
      () =>
        new globalThis.Response('<Response><Message>hi</Message></Response>', {
          headers: { 'content-type': 'text/xml' },
        }),
      /messaging TwiML to a voice request/,
    ],
  ])('%s', async (_, answer, message) => {
    const failure = await simulateCall(app({ '/voice': answer })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationError);
    expect((failure as Error).message).toMatch(message);
    expect((failure as SimulationError).requests[0]).toMatchObject({
      method: 'POST',
      url: 'https://example.com/voice',
    });
  });

  it('follows HTTP redirects like Twilio, without resending Digits', async () => {
    const call = await simulateCall(
      app({
        '/voice': () => (
          <Response>
            <Gather action="/old" numDigits={1} />
          </Response>
        ),
        '/old': () => new globalThis.Response(null, { status: 302, headers: { location: '/new' } }),
        '/new': (p) => (
          <Response>
            <Say>{`Digits: ${p.Digits ?? 'none'}`}</Say>
          </Response>
        ),
      }),
    );
    await call.press('1');
    expect(call.said).toEqual(['Digits: none']);
    const last = new URL(call.requests.at(-1)!.url);
    expect(last.pathname).toBe('/new');
    expect(last.searchParams.get('CallSid')).toBe(call.callSid);
    expect(last.searchParams.has('Digits')).toBe(false);
  });

  it('rejects an app that is neither a handler nor a URL', async () => {
    await expect(simulateCall('not a url')).rejects.toThrow(/app must be a Fetch handler or an absolute base URL/);
  });
});

type Handler = (request: Request) => globalThis.Response | Promise<globalThis.Response>;
/** A Fetch handler answering `body` as text/xml. */
const xml = (body: string) => () => new globalThis.Response(body, { headers: { 'content-type': 'text/xml' } });
/** An app, the message it fails with, and how many requests were made (the failing one last, unanswered ones too). */
const refusals: [string, App, string, number][] = [
  [
    'a handler that throws',
    () => {
      throw new Error('connection reset');
    },
    'POST https://example.com/hook failed: connection reset',
    1,
  ],
  [
    'endless HTTP redirects',
    () => new globalThis.Response(null, { status: 302, headers: { location: '/hook' } }),
    'POST https://example.com/hook failed: more than 10 HTTP redirects from https://example.com/hook (Twilio error 11215)',
    1,
  ],
  [
    'a non-2xx answer',
    () => new globalThis.Response('boom', { status: 500 }),
    'POST https://example.com/hook answered 500:\nboom',
    1,
  ],
  [
    'a JSON answer',
    () => globalThis.Response.json({ reply: 'hi' }),
    'POST https://example.com/hook answered Content-Type "application/json"; TwiML is served as text/xml',
    1,
  ],
  [
    'malformed XML',
    xml('<Response>'),
    'POST https://example.com/hook answered malformed XML: line 1, column 10: the document ends before its root element is closed\n<Response>',
    1,
  ],
  [
    'invalid TwiML',
    xml('<Response><Pause length="0"/></Response>'),
    'POST https://example.com/hook answered invalid TwiML:\n' +
      'error out-of-range at Response > Pause (line 1, column 11): <Pause> length="0" is out of range; allowed: at least 1\n' +
      '<Response><Pause length="0"/></Response>',
    1,
  ],
  [
    'a redirect loop',
    xml('<Response><Redirect>/hook</Redirect></Response>'),
    'more than 3 requests: the flow seems to loop. Last requests:\n' +
      '  POST https://example.com/hook\n  POST https://example.com/hook\n  POST https://example.com/hook',
    3,
  ],
];

describe.each([
  ['simulateCall', (app: App) => simulateCall(app, { url: '/hook', maxRequests: 3 })],
  ['simulateMessage', (app: App) => simulateMessage(app, { url: '/hook', maxRequests: 3 })],
])('%s checks every answer the same way', (_, simulate) => {
  it.each(refusals)('%s', async (_, answer, message, made) => {
    const failure = await simulate(answer).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationError);
    expect((failure as SimulationError).message).toBe(message);
    const { requests } = failure as SimulationError;
    expect(requests).toHaveLength(made);
    // The failing exchange carries the message; a loop fails before its next request.
    if (!message.startsWith('more than 3 requests')) expect(requests.at(-1)!.error).toBe(message);
    else expect(requests.every((r) => r.error === undefined)).toBe(true);
  });
});

describe('validation warnings are kept, with the request', () => {
  it.each([
    [
      'simulateCall',
      async () =>
        (await simulateCall(xml('<Response><Say>Hi</Say><Hangup/><Say>never</Say></Response>'), { url: '/hook' }))
          .warnings,
      ['POST https://example.com/hook: unreachable at Response > Say[2]: <Say> never runs: the call ends at <Hangup>'],
    ],
    [
      'simulateMessage',
      async () =>
        (
          await simulateMessage(
            app({
              '/hook': () => (
                <Response>
                  <Redirect>/done</Redirect>
                  <Say>never</Say>
                </Response>
              ),
              '/done': () => <Response />,
            }),
            { url: '/hook' },
          )
        ).warnings,
      [
        'POST https://example.com/hook: unreachable at Response > Say: <Say> never runs: control moves to the <Redirect> URL',
      ],
    ],
  ])('%s', async (_, warnings, expected) => {
    expect(await warnings()).toEqual(expected);
  });
});

describe("the queue's wait document is requested like any other", () => {
  /** A call that enqueues the caller with `/wait` as its waitUrl, answered by `wait`. */
  const enqueue = (wait: Handler) => async (request: Request) =>
    new URL(request.url).pathname === '/voice'
      ? xml('<Response><Enqueue waitUrl="/wait">support</Enqueue></Response>')()
      : wait(request);

  it.each<[string, Handler, string]>([
    [
      'a handler that throws',
      () => {
        throw new Error('connection reset');
      },
      'POST https://example.com/wait (waitUrl) failed: connection reset',
    ],
    [
      'a non-2xx answer',
      () => new globalThis.Response('boom', { status: 500 }),
      'POST https://example.com/wait (waitUrl) answered 500:\nboom',
    ],
    [
      'a JSON answer',
      () => globalThis.Response.json({}),
      'POST https://example.com/wait (waitUrl) answered Content-Type "application/json"; TwiML is served as text/xml',
    ],
    [
      'malformed XML',
      xml('<Response>'),
      'POST https://example.com/wait (waitUrl) answered malformed XML: line 1, column 10: the document ends before its root element is closed\n<Response>',
    ],
    [
      'invalid TwiML',
      xml('<Response><Pause length="0"/></Response>'),
      'POST https://example.com/wait (waitUrl) answered invalid TwiML:\n' +
        'error out-of-range at Response > Pause (line 1, column 11): <Pause> length="0" is out of range; allowed: at least 1\n' +
        '<Response><Pause length="0"/></Response>',
    ],
    [
      'messaging TwiML',
      xml('<Response><Message>hi</Message></Response>'),
      'POST https://example.com/wait (waitUrl) answered messaging TwiML to a voice request',
    ],
  ])('%s fails the simulation', async (_, wait, message) => {
    const failure = await simulateCall(enqueue(wait)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SimulationError);
    expect((failure as SimulationError).message).toBe(message);
  });

  it('its warnings are kept', async () => {
    const call = await simulateCall(enqueue(xml('<Response><Say>Hold on</Say><Hangup/><Say>never</Say></Response>')));
    expect(String(call)).toBe('Say: Hold on\nHangup\nEnqueue: support → hangup');
    expect(call.warnings).toEqual([
      'POST https://example.com/wait (waitUrl): unreachable at Response > Say[2]: <Say> never runs: the call ends at <Hangup>',
    ]);
  });
});

describe('the transcript', () => {
  it.each<[TranscriptEntry, string]>([
    [{ verb: 'Caller', pressed: '12#' }, 'Caller presses 12#'],
    [{ verb: 'Caller', said: 'sales please' }, 'Caller says "sales please"'],
    [{ verb: 'Caller', silent: true }, 'Caller is silent'],
    [{ verb: 'Caller', hungUp: true }, 'Caller hangs up'],
  ])('formatEntry(%o) is %j', (entry, line) => {
    expect(formatEntry(entry)).toBe(line);
  });
});

describe('exports', () => {
  it('SimulatedCall is a type only: calls come from simulateCall()', () => {
    expect(Object.keys(testing).sort()).toEqual([
      'SimulationError',
      'canonical',
      'canonicalXml',
      'formatEntry',
      'formatTranscript',
      'simulateCall',
      'simulateMessage',
      'twimlMatchers',
      'twimlSerializer',
    ]);
    expectTypeOf(simulateCall).returns.resolves.toEqualTypeOf<SimulatedCall>();
  });

  it('SimulatedCallStatus is part of the core CallStatus; Call and CallStatus are deprecated aliases', () => {
    expectTypeOf<SimulatedCallStatus>().toEqualTypeOf<
      'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed'
    >();
    expectTypeOf<SimulatedCallStatus>().toExtend<CoreCallStatus>();
    expectTypeOf<Call>().toEqualTypeOf<SimulatedCall>();
    expectTypeOf<CallStatus>().toEqualTypeOf<SimulatedCallStatus>();
  });

  it('SimulationError names itself', async () => {
    const error = await simulateCall(() => new globalThis.Response('', { status: 500 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).name).toBe('SimulationError');
    expectTypeOf<SimulationError['name']>().toEqualTypeOf<'SimulationError'>();
  });
});

describe('outcome types', () => {
  it('are the webhook parameters of twiml-jsx/http, under the names twiml-jsx/testing exports', () => {
    expectTypeOf<DialStatus>().toEqualTypeOf<DialCallback['DialCallStatus']>();
    expectTypeOf<QueueResult>().toEqualTypeOf<EnqueueCallback['QueueResult']>();
    expectTypeOf<PayResult>().toEqualTypeOf<PayCallback['Result']>();
    expectTypeOf<NonNullable<SimulateCallOptions['direction']>>().toEqualTypeOf<CallDirection>();
  });
});
