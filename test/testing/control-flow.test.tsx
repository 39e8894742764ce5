/**
 * Every row of the core's control-flow table (`CONTROL_FLOW`), run through the simulators: what
 * follows each verb, with and without `action`, when the verb's fall-through condition happens and
 * when it does not. A row added to the table without cases here fails the first test. Each case
 * also checks that the validator agrees: the verb after it is warned `unreachable` exactly when
 * `leavesDocument()` says control certainly leaves, and never when the simulator ran it.
 */
import { describe, expect, it } from 'vitest';
import {
  Connect,
  CONTROL_FLOW,
  Dial,
  Enqueue,
  Gather,
  Hangup,
  leavesDocument,
  Message,
  Pay,
  Record,
  Redirect,
  Refer,
  Reject,
  Response,
  Say,
  Sip,
  Sms,
  Stream,
  type TwiMLElement,
} from 'twiml-jsx/core';
import { twiml } from 'twiml-jsx/http';
import { type Outcomes, type SimulatedCall, simulateCall, simulateMessage } from 'twiml-jsx/testing';

/**
 * Where control went after the verb: the verb after it (`next`), the `action` or Redirect URL
 * (`url`), the current document again (`document`), or nowhere: the call ended (`end`).
 */
type Went = 'next' | 'url' | 'document' | 'end';

interface FlowCase {
  readonly name: string;
  readonly verb: TwiMLElement;
  readonly outcomes?: Outcomes;
  /** What the caller does once the flow waits (for `<Gather>`). */
  readonly caller?: (call: SimulatedCall) => Promise<unknown>;
  readonly went: Went;
}

const ACTION = 'https://example.com/action';

/** Cases by row of CONTROL_FLOW. `<Message>` runs through simulateMessage(), the rest through simulateCall(). */
const CASES: Record<string, readonly FlowCase[]> = {
  Hangup: [{ name: 'ends the call', verb: <Hangup />, went: 'end' }],
  Reject: [{ name: 'ends the call', verb: <Reject />, went: 'end' }],
  Redirect: [
    { name: 'requests its URL', verb: <Redirect>/action</Redirect>, went: 'url' },
    { name: 'without a URL, requests the current document', verb: <Redirect />, went: 'document' },
  ],
  Gather: [
    {
      name: 'with input, requests the action',
      verb: <Gather action="/action" numDigits={1} />,
      caller: (call) => call.press('1'),
      went: 'url',
    },
    {
      name: 'with input and no action, requests the current document',
      verb: <Gather numDigits={1} />,
      caller: (call) => call.press('1'),
      went: 'document',
    },
    {
      name: 'without input, falls through',
      verb: <Gather action="/action" numDigits={1} />,
      caller: (call) => call.silence(),
      went: 'next',
    },
    {
      name: 'without input but with actionOnEmptyResult, requests the action',
      verb: <Gather action="/action" numDigits={1} actionOnEmptyResult />,
      caller: (call) => call.silence(),
      went: 'url',
    },
  ],
  Record: [
    { name: 'a recording: requests the action', verb: <Record action="/action" />, went: 'url' },
    { name: 'a recording and no action: the current document', verb: <Record />, went: 'document' },
    {
      name: 'nothing recorded: falls through',
      verb: <Record action="/action" />,
      outcomes: { record: { recorded: false } },
      went: 'next',
    },
    {
      name: 'a recording of 0 seconds is nothing recorded',
      verb: <Record action="/action" />,
      outcomes: { record: { duration: 0 } },
      went: 'next',
    },
    {
      name: 'the caller hangs up: the call ends',
      verb: <Record action="/action" />,
      outcomes: { record: { finishedBy: 'hangup' } },
      went: 'end',
    },
  ],
  Pay: [
    { name: 'a payment: requests the action', verb: <Pay chargeAmount="10.00" action={ACTION} />, went: 'url' },
    { name: 'a payment and no action: the current document', verb: <Pay chargeAmount="10.00" />, went: 'document' },
    {
      name: 'the caller ran out of attempts: falls through',
      verb: <Pay chargeAmount="10.00" action={ACTION} />,
      outcomes: { pay: 'too-many-failed-attempts' },
      went: 'next',
    },
    {
      name: 'a failure with attempts left: requests the action',
      verb: <Pay chargeAmount="10.00" action={ACTION} />,
      outcomes: { pay: 'validation-error' },
      went: 'url',
    },
    {
      name: 'the caller hangs up: the call ends',
      verb: <Pay chargeAmount="10.00" action={ACTION} />,
      outcomes: { pay: 'caller-hung-up' },
      went: 'end',
    },
  ],
  Dial: [
    { name: 'with action: requests it', verb: <Dial action="/action">+15555550111</Dial>, went: 'url' },
    {
      name: 'with action, whatever the outcome',
      verb: <Dial action="/action">+15555550111</Dial>,
      outcomes: { dial: 'busy' },
      went: 'url',
    },
    { name: 'without action: falls through', verb: <Dial>+15555550111</Dial>, went: 'next' },
  ],
  Enqueue: [
    { name: 'with action: requests it', verb: <Enqueue action="/action">support</Enqueue>, went: 'url' },
    { name: 'without action: falls through', verb: <Enqueue>support</Enqueue>, went: 'next' },
    {
      name: 'the caller hangs up in the queue: the call ends',
      verb: <Enqueue action="/action">support</Enqueue>,
      outcomes: { enqueue: 'hangup' },
      went: 'end',
    },
  ],
  Connect: [
    {
      name: 'with action: requests it',
      verb: (
        <Connect action="/action">
          <Stream url="wss://example.com/stream" />
        </Connect>
      ),
      went: 'url',
    },
    {
      name: 'without action: falls through',
      verb: (
        <Connect>
          <Stream url="wss://example.com/stream" />
        </Connect>
      ),
      went: 'next',
    },
  ],
  Refer: [
    {
      name: 'with action: requests it',
      verb: (
        <Refer action="/action">
          <Sip>sip:alice@example.com</Sip>
        </Refer>
      ),
      went: 'url',
    },
    {
      name: 'without action: falls through',
      verb: (
        <Refer>
          <Sip>sip:alice@example.com</Sip>
        </Refer>
      ),
      went: 'next',
    },
  ],
  Sms: [
    { name: 'with action: requests it', verb: <Sms action="/action">Your code is 1234</Sms>, went: 'url' },
    { name: 'without action: falls through', verb: <Sms>Your code is 1234</Sms>, went: 'next' },
  ],
  Message: [
    { name: 'with action: requests it', verb: <Message action="/action">Thanks</Message>, went: 'url' },
    { name: 'without action: the next message is sent', verb: <Message>Thanks</Message>, went: 'next' },
  ],
};

/** A Fetch handler: `/voice` answers `first` once and `again` after; `/action` answers `action`. */
function flow(first: TwiMLElement, again: TwiMLElement, action: TwiMLElement) {
  let hits = 0;
  return (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/action') return twiml(action);
    return twiml(hits++ === 0 ? first : again);
  };
}

/** Runs the case; returns where control went and whether the validator warned `after` unreachable. */
async function run({ verb, outcomes, caller }: FlowCase): Promise<{ went: Went; warned: boolean }> {
  if (verb.type === 'Message') {
    const app = flow(
      <Response>
        {verb}
        <Message>after</Message>
      </Response>,
      <Response>
        <Message>again</Message>
      </Response>,
      <Response>
        <Message>action</Message>
      </Response>,
    );
    const { replies, warnings } = await simulateMessage(app);
    const bodies = replies.map((r) => r.body);
    const went = bodies.includes('action')
      ? 'url'
      : bodies.includes('again')
        ? 'document'
        : bodies.includes('after')
          ? 'next'
          : 'end';
    return { went, warned: warnings.some((w) => w.includes('unreachable')) };
  }
  const app = flow(
    <Response>
      {verb}
      <Say>after</Say>
    </Response>,
    <Response>
      <Say>again</Say>
    </Response>,
    <Response>
      <Say>action</Say>
    </Response>,
  );
  const call = await simulateCall(app, { outcomes });
  await caller?.(call);
  expect(call.ended).toBe(true);
  const went = call.said.includes('action')
    ? 'url'
    : call.said.includes('again')
      ? 'document'
      : call.said.includes('after')
        ? 'next'
        : 'end';
  return { went, warned: call.warnings.some((w) => w.includes('unreachable')) };
}

describe('what follows each verb of CONTROL_FLOW, in the simulator', () => {
  it('has cases for every row of the table', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(CONTROL_FLOW).sort());
  });

  it.each(Object.entries(CASES).flatMap(([type, cases]) => cases.map((c) => [type, c.name, c] as const)))(
    '<%s> %s',
    async (type, _, flowCase) => {
      expect(flowCase.verb.type).toBe(type);
      const { went, warned } = await run(flowCase);
      expect(went).toBe(flowCase.went);
      // The validator reads the same table: it warns when control certainly leaves the document…
      const leaves = leavesDocument(type, flowCase.verb.attributes);
      expect(warned).toBe(leaves !== undefined);
      // …and never when the simulator ran the verb after.
      if (went === 'next') expect(leaves).toBeUndefined();
    },
  );

  it.each(Object.keys(CASES))(
    '<%s> has a case where control moves on and, if the row allows, one where it falls through',
    (type) => {
      const row = CONTROL_FLOW[type];
      const wents = new Set(CASES[type].map((c) => c.went));
      if (row.leaves === 'call-ends') expect(wents).toEqual(new Set(['end']));
      else expect(wents.has('url')).toBe(true);
      if (row.onlyWithAction || row.fallsThroughWhen !== undefined) expect(wents.has('next')).toBe(true);
    },
  );
});
