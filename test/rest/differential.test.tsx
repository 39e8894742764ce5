/**
 * Ours against the official helper (npm `twilio`, pointed at the same fake API through its
 * `api.baseUrl`): the same operations must produce the same method, path, Authorization and
 * form — compared as multisets of pairs and, since both keep the same order, as exact bodies —
 * and the same answers must read back as the same objects and errors.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Gather, Hangup, Response, Say } from 'twiml-jsx';
import { TwilioApiError, type TwilioClient, createClient } from 'twiml-jsx/rest';
import { describe as describeTree, officialRender } from '../support/official.js';
import { officialClient, ourClient, twilio } from './support/clients.js';
import { EVERY_CALL_PARAM, EVERY_MESSAGE_PARAM } from './support/params.js';
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  CALL_SID,
  MESSAGE_SID,
  type Recorded,
  callJson,
  messageJson,
} from './support/fake-twilio.js';
import { useFakeTwilio } from './support/hooks.js';

type Official = ReturnType<typeof officialClient>;

const fake = useFakeTwilio();
let ours: TwilioClient;
let official: Official;
/** Any text, surrogates and control characters included. */
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 30 });
beforeAll(() => {
  ours = ourClient(fake).client;
  official = officialClient(fake);
  // fast-check builds its tables for binary strings on first use, which blocks the event loop
  // for seconds on a busy machine; done mid-file, the fake server would close the clients'
  // idle keep-alive connections meanwhile and the next request would meet a reset.
  fc.sample(anyText, 1);
});

const API_KEY = 'SK' + '7'.repeat(32);
const TO = '+15558675310';
const FROM = '+15017122661';
const SERVICE = 'MG' + '3'.repeat(32);

/** Runs one operation through each client and returns the request each one sent. */
async function both(
  mine: (client: TwilioClient) => Promise<unknown>,
  theirs: (client: Official) => Promise<unknown>,
  clients: { ours: TwilioClient; official: Official } = { ours, official },
): Promise<[Recorded, Recorded]> {
  fake.reset();
  await mine(clients.ours);
  await theirs(clients.official);
  expect(fake.requests).toHaveLength(2);
  return [fake.requests[0], fake.requests[1]];
}

const sorted = (pairs: [string, string][]) =>
  [...pairs].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));

function expectSameRequest(mine: Recorded, theirs: Recorded): void {
  expect(mine.method).toBe(theirs.method);
  expect(mine.url).toBe(theirs.url);
  expect(mine.headers.authorization).toBe(theirs.headers.authorization);
  expect(mine.headers.accept).toBe(theirs.headers.accept);
  expect(mine.headers['content-type']).toBe(theirs.headers['content-type']);
  expect(sorted(mine.form)).toEqual(sorted(theirs.form));
  expect(mine.body).toBe(theirs.body);
}

describe('requests: ours and the official helper send the same', () => {
  it('calls.create with every parameter', async () => {
    expectSameRequest(
      ...(await both(
        (c) => c.calls.create(EVERY_CALL_PARAM),
        (c) => c.calls.create(EVERY_CALL_PARAM),
      )),
    );
  });

  it('calls.create with JSX TwiML / a VoiceResponse', async () => {
    const element = (
      <Response>
        <Say voice="Polly.Joanna">Hello &amp; welcome to "Owl" &lt;Co&gt;</Say>
        <Gather input={['dtmf', 'speech']} numDigits={1} action="https://example.com/menu">
          <Say>Press 1</Say>
        </Gather>
        <Hangup />
      </Response>
    );
    const tree = describeTree(element);
    const response = new twilio.twiml.VoiceResponse();
    response.say({ voice: 'Polly.Joanna' }, 'Hello & welcome to "Owl" <Co>');
    response.gather({ input: ['dtmf', 'speech'], numDigits: 1, action: 'https://example.com/menu' }).say('Press 1');
    response.hangup();
    expect(response.toString()).toBe(officialRender(tree));
    expectSameRequest(
      ...(await both(
        (c) => c.calls.create({ to: TO, from: FROM, twiml: element }),
        (c) => c.calls.create({ to: TO, from: FROM, twiml: response }),
      )),
    );
  });

  it('calls.create with a TwiML App', async () => {
    const params = {
      to: 'client:bob',
      from: FROM,
      applicationSid: 'AP' + '2'.repeat(32),
      sendDigits: 'ww12#',
      record: false,
    };
    expectSameRequest(
      ...(await both(
        (c) => c.calls.create(params),
        (c) => c.calls.create(params),
      )),
    );
  });

  it('calls.update: hang up, new TwiML, new URL with every other parameter', async () => {
    const updates = [
      { status: 'completed' },
      { twiml: '<Response><Say>Bye</Say></Response>', timeLimit: 30 },
      {
        url: 'https://example.com/next',
        method: 'GET',
        status: 'canceled',
        fallbackUrl: 'https://example.com/fb',
        fallbackMethod: 'GET',
        statusCallback: 'https://example.com/s',
        statusCallbackMethod: 'POST',
        timeLimit: 5,
      },
    ] as const;
    for (const params of updates) {
      expectSameRequest(
        ...(await both(
          (c) => c.calls.update(CALL_SID, params),
          (c) => c.calls(CALL_SID).update(params),
        )),
      );
    }
  });

  it('calls.get and messages.get', async () => {
    expectSameRequest(
      ...(await both(
        (c) => c.calls.get(CALL_SID),
        (c) => c.calls(CALL_SID).fetch(),
      )),
    );
    expectSameRequest(
      ...(await both(
        (c) => c.messages.get(MESSAGE_SID),
        (c) => c.messages(MESSAGE_SID).fetch(),
      )),
    );
  });

  it('messages.create with every parameter, and with a messaging service and media only', async () => {
    expectSameRequest(
      ...(await both(
        (c) => c.messages.create(EVERY_MESSAGE_PARAM),
        (c) => c.messages.create(EVERY_MESSAGE_PARAM),
      )),
    );
    expectSameRequest(
      ...(await both(
        (c) => c.messages.create({ to: TO, messagingServiceSid: SERVICE, mediaUrl: ['https://example.com/cat.gif'] }),
        (c) => c.messages.create({ to: TO, messagingServiceSid: SERVICE, mediaUrl: ['https://example.com/cat.gif'] }),
      )),
    );
  });

  it('with an API key', async () => {
    const clients = {
      ours: ourClient(fake, {}).client,
      official: officialClient(fake, API_KEY, 'the-key-secret'),
    };
    const { createClient } = await import('twiml-jsx/rest');
    clients.ours = createClient(
      { accountSid: ACCOUNT_SID, apiKey: API_KEY, apiSecret: 'the-key-secret' },
      { baseUrl: fake.url },
    );
    const [mine, theirs] = await both(
      (c) => c.messages.create({ to: TO, from: FROM, body: 'keyed' }),
      (c) => c.messages.create({ to: TO, from: FROM, body: 'keyed' }),
      clients,
    );
    expectSameRequest(mine, theirs);
    expect(mine.headers.authorization).not.toBe(
      `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`,
    );
  });

  it('random text in every position encodes identically (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (to, from, body) => {
        expectSameRequest(
          ...(await both(
            (c) => c.messages.create({ to, from, body }),
            (c) => c.messages.create({ to, from, body }),
          )),
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('answers: ours and the official helper read the same', () => {
  const stripUndefined = (record: Record<string, unknown>, keys: string[]) =>
    Object.fromEntries(keys.map((key) => [key, record[key] ?? null]));

  it('a call, a message (dates as Dates, errorCode as a number, unknown fields dropped)', async () => {
    const cases = [
      {
        reply: callJson({ status: 'in-progress', answered_by: 'human', date_updated: null }),
        mine: () => ours.calls.get(CALL_SID),
        theirs: () => official.calls(CALL_SID).fetch(),
      },
      {
        reply: messageJson({ status: 'undelivered', error_code: 30003, error_message: 'Unreachable' }),
        mine: () => ours.messages.get(MESSAGE_SID),
        theirs: () => official.messages(MESSAGE_SID).fetch(),
      },
    ];
    for (const { reply, mine, theirs } of cases) {
      fake.script({ status: 200, body: reply }, { status: 200, body: reply });
      const a = (await mine()) as unknown as Record<string, unknown>;
      const b = (await theirs()).toJSON() as unknown as Record<string, unknown>;
      const keys = Object.keys(a);
      expect(keys.length).toBeGreaterThan(19);
      expect(a).toEqual(stripUndefined(b, keys));
      expect(Object.keys(b)).toEqual(expect.arrayContaining(keys));
    }
  });

  it("an error: status, code, message, moreInfo and details match the helper's RestException", async () => {
    const body = {
      code: 21211,
      message: "The 'To' number 5551234 is not a valid phone number.",
      more_info: 'https://www.twilio.com/docs/errors/21211',
      status: 400,
      details: { field: 'To' },
    };
    fake.script({ status: 400, body }, { status: 400, body });
    const params = { to: '5551234', from: FROM, url: 'https://example.com/v' };
    const mine = (await ours.calls.create(params).catch((e: unknown) => e)) as TwilioApiError;
    const theirs = (await official.calls.create(params).catch((e: unknown) => e)) as {
      status: number;
      code: number;
      message: string;
      moreInfo: string;
      details: unknown;
    };
    expect(mine).toBeInstanceOf(TwilioApiError);
    expect([mine.status, mine.code, mine.apiMessage, mine.moreInfo, mine.details]).toEqual([
      theirs.status,
      theirs.code,
      theirs.message,
      theirs.moreInfo,
      theirs.details,
    ]);
  });
});
