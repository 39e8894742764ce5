/**
 * What the simulators report as they run (`onEvent`), and what each request records (label,
 * cause, verb, problems, error, timing): the interface the dev phone of `twiml-jsx dev` builds on.
 */
import { describe, expect, it } from 'vitest';
import { Dial, Enqueue, Gather, Hangup, Message, Pause, Redirect, Response, Say } from 'twiml-jsx';
import { twiml } from 'twiml-jsx/http';
import {
  formatEntry,
  type MessageSimulationEvent,
  type SimulatedRequest,
  simulateCall,
  simulateMessage,
  type SimulationEvent,
  SimulationError,
} from 'twiml-jsx/testing';

/** A Fetch handler answering `body` as text/xml. */
const xml = (body: string) => () => new globalThis.Response(body, { headers: { 'Content-Type': 'text/xml' } });

/** The IVR of these tests: a menu; 1 dials sales (busy: back to the menu); 2 queues with hold music. */
function ivr(request: Request) {
  const path = new URL(request.url).pathname;
  switch (path) {
    case '/voice':
      return twiml(
        <Response>
          <Gather input={['dtmf', 'speech']} numDigits={1} action="/choice">
            <Say>Press 1 or say sales.</Say>
          </Gather>
          <Redirect>/voice</Redirect>
        </Response>,
      );
    case '/choice':
      return twiml(
        <Response>
          <Dial action="/after-dial">+15555550111</Dial>
        </Response>,
      );
    case '/after-dial':
      return twiml(
        <Response>
          <Enqueue waitUrl="/hold" action="/after-queue">
            support
          </Enqueue>
        </Response>,
      );
    case '/hold':
      return twiml(
        <Response>
          <Say>Please hold.</Say>
          <Pause />
        </Response>,
      );
    default:
      return twiml(
        <Response>
          <Say>Goodbye.</Say>
          <Hangup />
          <Say>never</Say>
        </Response>,
      );
  }
}

/** One line per event, for comparing sequences. */
function line(event: SimulationEvent | MessageSimulationEvent): string {
  switch (event.type) {
    case 'request': {
      const { method, url, label, cause, status } = event.request;
      return `request ${method} ${new URL(url).pathname} ${status} [${label}${cause ? ` ${cause}` : ''}]`;
    }
    case 'transcript':
      return `transcript ${formatEntry(event.entry)}`;
    case 'status':
      return `status ${event.status} (${event.reason})`;
    case 'waiting':
      return `waiting ${event.waiting ? event.waiting.input.join('+') : 'none'}`;
    case 'reply':
      return `reply ${event.reply.body}`;
  }
}

describe('simulateCall onEvent', () => {
  it('reports each request, transcript entry, status change and wait, in order', async () => {
    const events: SimulationEvent[] = [];
    const call = await simulateCall(ivr, { onEvent: (event) => events.push(event), outcomes: { dial: 'busy' } });
    await call.speak('sales');
    expect(events.map(line)).toEqual([
      'request POST /voice 200 [webhook]',
      'status in-progress (answered)',
      'transcript Say: Press 1 or say sales.',
      'transcript Gather: waiting for dtmf or speech',
      'waiting dtmf+speech',
      'transcript Caller says "sales"',
      'waiting none',
      'request POST /choice 200 [action speech "sales"]',
      'transcript Dial: +15555550111 → busy',
      'request POST /after-dial 200 [action DialCallStatus=busy]',
      'request POST /hold 200 [waitUrl queue "support"]',
      'transcript Say: Please hold.',
      'transcript Pause: 1s',
      'transcript Enqueue: support → bridged',
      'request POST /after-queue 200 [action QueueResult=bridged]',
      'transcript Say: Goodbye.',
      'transcript Hangup',
      'status completed (<Hangup>)',
    ]);
    // The events are the call's own records, as they were pushed.
    expect(events.flatMap((e) => (e.type === 'request' ? [e.request] : []))).toEqual(call.requests);
    expect(events.flatMap((e) => (e.type === 'transcript' ? [e.entry] : []))).toEqual(call.transcript);
  });

  it.each([
    ['press', (call: Awaited<ReturnType<typeof simulateCall>>) => call.press('1'), 'Digits=1'],
    ['silence, with the menu redirect', (call: Awaited<ReturnType<typeof simulateCall>>) => call.silence(), 'redirect'],
  ])('causes: %s', async (_, act, cause) => {
    const call = await simulateCall(ivr);
    await act(call);
    expect(call.requests[1]).toMatchObject({ cause, label: cause === 'redirect' ? 'redirect' : 'action' });
    expect(call.requests[1].verb).toBe(cause === 'redirect' ? 'Redirect' : 'Gather');
  });

  it('reports the hang-up and the end of a call that runs out of verbs', async () => {
    const events: string[] = [];
    const call = await simulateCall(ivr, { onEvent: (event) => events.push(line(event)) });
    call.hangUp();
    expect(events.slice(-3)).toEqual([
      'transcript Caller hangs up',
      'waiting none',
      'status completed (the caller hung up)',
    ]);
    const short: string[] = [];
    await simulateCall(
      () =>
        twiml(
          <Response>
            <Say>Hi</Say>
          </Response>,
        ),
      { onEvent: (event) => short.push(line(event)) },
    );
    expect(short.at(-1)).toBe('status completed (the document ran out of verbs)');
  });

  it('reports a failed exchange, then the failed status, before the promise rejects', async () => {
    const events: SimulationEvent[] = [];
    const error = await simulateCall(() => new globalThis.Response('boom', { status: 500 }), {
      onEvent: (event) => events.push(event),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationError);
    const message = (error as Error).message;
    expect(events).toEqual([
      { type: 'request', request: expect.objectContaining({ status: 500, error: message }) },
      { type: 'status', status: 'failed', reason: message },
    ]);
  });

  it('reports a first <Reject> as busy', async () => {
    const events: string[] = [];
    await simulateCall(xml('<Response><Reject reason="busy"/></Response>'), {
      onEvent: (event) => events.push(line(event)),
    });
    expect(events.slice(-2)).toEqual(['transcript Reject: busy', 'status busy (<Reject reason="busy">)']);
  });
});

describe('simulateMessage onEvent', () => {
  it('reports each request and each reply, in order', async () => {
    const events: MessageSimulationEvent[] = [];
    const app = (request: Request) =>
      new URL(request.url).pathname === '/sms'
        ? twiml(
            <Response>
              <Message action="/status">One</Message>
            </Response>,
          )
        : twiml(
            <Response>
              <Message>Two</Message>
            </Response>,
          );
    const { replies, requests } = await simulateMessage(app, { onEvent: (event) => events.push(event) });
    expect(events.map(line)).toEqual([
      'request POST /sms 200 [webhook]',
      'reply One',
      'request POST /status 200 [action MessageStatus=sent]',
      'reply Two',
    ]);
    expect(events.flatMap((e) => (e.type === 'reply' ? [e.reply] : []))).toEqual(replies);
    expect(requests[1].verb).toBe('Message');
  });
});

describe('each SimulatedRequest', () => {
  it('records when it started, how long it took, and the problems of the TwiML answered', async () => {
    const before = Date.now();
    const call = await simulateCall(ivr, { url: '/end' });
    const [request] = call.requests as [SimulatedRequest];
    expect(request.startedAt).toBeGreaterThanOrEqual(before);
    expect(request.startedAt).toBeLessThanOrEqual(Date.now());
    expect(request.durationMs).toBeGreaterThanOrEqual(0);
    expect(request.problems).toEqual([
      expect.objectContaining({ code: 'unreachable', severity: 'warning', path: 'Response > Say[2]' }),
    ]);
    expect(request).not.toHaveProperty('error');
    expect(request).not.toHaveProperty('cause');
  });

  it.each([
    ['an error status', () => new globalThis.Response('boom', { status: 500 })],
    ['JSON', () => globalThis.Response.json({})],
    ['malformed XML', xml('<Response>')],
  ])('has no problems for an answer that is not TwiML: %s', async (_, app) => {
    const error = (await simulateCall(app).catch((e: unknown) => e)) as SimulationError;
    expect(error.requests[0].problems).toEqual([]);
    expect(error.requests[0].error).toBe(error.message);
  });

  it('has the problems of invalid TwiML, and the error', async () => {
    const error = (await simulateCall(xml('<Response><Pause length="0"/></Response>')).catch(
      (e: unknown) => e,
    )) as SimulationError;
    expect(error.requests[0].problems).toMatchObject([{ code: 'out-of-range', severity: 'error' }]);
    expect(error.requests[0].error).toBe(error.message);
  });

  it('is recorded unanswered (status 0) when no answer came', async () => {
    const error = (await simulateCall(() => {
      throw new Error('connection reset');
    }).catch((e: unknown) => e)) as SimulationError;
    expect(error.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: 'https://example.com/voice',
        status: 0,
        contentType: '',
        body: '',
        problems: [],
        label: 'webhook',
        error: 'POST https://example.com/voice failed: connection reset',
      }),
    ]);
  });

  it('records a GET request unanswered with its query string, as it was sent', async () => {
    const error = (await simulateCall(
      () => {
        throw new Error('down');
      },
      { method: 'GET' },
    ).catch((e: unknown) => e)) as SimulationError;
    expect(error.requests[0].url).toMatch(/^https:\/\/example\.com\/voice\?AccountSid=AC0+1&/);
  });
});

describe('what a waiting <Gather> reports', () => {
  it.each([
    [undefined, 5],
    [10, 10],
    [1, 1],
  ])('timeout=%s waits %i seconds (the dev phone counts it down)', async (timeout, seconds) => {
    const app = xml(
      `<Response><Gather input="dtmf"${timeout === undefined ? '' : ` timeout="${timeout}"`} action="/next"><Say>Hi</Say></Gather></Response>`,
    );
    const call = await simulateCall(app);
    expect(call.waiting).toMatchObject({ verb: 'Gather', input: ['dtmf'], timeout: seconds });
  });
});
