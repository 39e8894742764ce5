/**
 * Compile-time tests of twiml-jsx/rest, checked by `npm run typecheck` (tsc over test/). Each
 * `@ts-expect-error` must be an error: if the line compiles, tsc reports the unused directive.
 */
import { Response, Say } from 'twiml-jsx';
import { CALL_PROGRESS_EVENTS } from 'twiml-jsx/core';
import {
  type Call,
  type CallProgressEvent,
  type HttpMethod,
  type InlineTwiML,
  type Message,
  type TwilioClient,
  type UpdateCallFields,
  createClient,
} from 'twiml-jsx/rest';
import type { TableOf } from '../../src/rest/fields.js';

declare const client: TwilioClient;
const to = '+15558675310';
const from = '+15017122661';

// ── Good calls compile ───────────────────────────────────────────────────────────────────────

export async function good(): Promise<void> {
  createClient();
  createClient({ accountSid: 'AC…', authToken: '…' });
  createClient(
    { accountSid: 'AC…', apiKey: 'SK…', apiSecret: '…' },
    { timeoutMs: 5_000, edge: 'dublin', region: 'ie1' },
  );
  createClient({ timeoutMs: 5_000, maxRetries: 0, userAgent: 'me/1', fetch: globalThis.fetch });

  const call: Call = await client.calls.create({
    to,
    from,
    twiml: (
      <Response>
        <Say>Hi</Say>
      </Response>
    ),
  });
  await client.calls.create({ to, from, url: 'https://example.com/v', statusCallbackEvent: ['initiated', 'answered'] });
  await client.calls.create({ to, from, applicationSid: 'AP…', asyncAmd: true, record: true, timeout: 10 });
  await client.calls.update(call.sid, { status: 'completed' });
  await client.calls.update(call.sid, { twiml: '<Response/>', timeLimit: 5 });
  await client.calls.get(call.sid, { signal: AbortSignal.timeout(1_000), retryAmbiguousFailures: false });

  const message: Message = await client.messages.create({ to, from, body: 'Hi' });
  await client.messages.create({ to, messagingServiceSid: 'MG…', mediaUrl: ['https://example.com/a.png'] });
  await client.messages.create({ to, from, contentSid: 'HX…', sendAt: new Date(), messageIntent: 'something-new' });
  await client.messages.get(message.sid);

  const created: Date | null = call.dateCreated;
  const code: number | null = message.errorCode;
  void [created, code];
}

// ── Mistakes do not ──────────────────────────────────────────────────────────────────────────

export async function bad(): Promise<void> {
  // @ts-expect-error no url, twiml or applicationSid
  await client.calls.create({ to, from });
  // @ts-expect-error url and twiml together
  await client.calls.create({ to, from, url: 'https://example.com/v', twiml: '<Response/>' });
  // @ts-expect-error to is required
  await client.calls.create({ from, url: 'https://example.com/v' });
  // @ts-expect-error an event Twilio does not have
  await client.calls.create({ to, from, url: 'https://example.com/v', statusCallbackEvent: ['picked-up'] });
  // @ts-expect-error PUT is not a method Twilio uses
  await client.calls.create({ to, from, url: 'https://example.com/v', method: 'PUT' });
  // @ts-expect-error url and twiml together
  await client.calls.update('CA…', { url: 'https://example.com/v', twiml: '<Response/>' });
  // @ts-expect-error status values are canceled and completed
  await client.calls.update('CA…', { status: 'hung-up' });
  // @ts-expect-error no sender
  await client.messages.create({ to, body: 'Hi' });
  // @ts-expect-error no content
  await client.messages.create({ to, from });
  // @ts-expect-error mediaUrl is an array
  await client.messages.create({ to, from, mediaUrl: 'https://example.com/a.png' });
  // @ts-expect-error an auth token and an API key together
  createClient({ accountSid: 'AC…', authToken: '…', apiKey: 'SK…' });
  // @ts-expect-error an option that does not exist
  createClient({ timeout: 5 });
  const call = await client.calls.get('CA…');
  // @ts-expect-error duration is a string, as Twilio sends it
  const seconds: number = call.duration;
  void seconds;
}

// ── Parameter tables are checked against the parameter types ────────────────────────────────
// src/rest/calls.ts and messages.ts declare their tables `satisfies TableOf<…Fields>`; these
// cases show that a table which drifts from its type does not compile.

/** A table of UpdateCallFields with every field, each of a right kind: compiles. */
export const updateTable = {
  url: 'url',
  method: 'method',
  status: { oneOf: ['canceled', 'completed'] },
  fallbackUrl: 'url',
  fallbackMethod: 'method',
  statusCallback: 'url',
  statusCallbackMethod: 'method',
  twiml: 'twiml',
  timeLimit: 'integer',
} satisfies TableOf<UpdateCallFields>;

/** Fields of every TypeScript shape a parameter has, with the kinds each may take. */
interface EveryShape {
  readonly text: string;
  readonly link?: string;
  readonly sid?: string;
  readonly count?: number;
  readonly flag?: boolean;
  readonly loose?: boolean | 'true' | 'false';
  readonly how?: HttpMethod;
  readonly when?: Date | string;
  readonly doc?: InlineTwiML;
  readonly texts?: readonly string[];
  readonly links?: readonly string[];
  readonly events?: readonly CallProgressEvent[];
  readonly choice?: 'mono' | 'dual';
  readonly open?: 'otp' | 'marketing' | (string & {});
}

export const everyShape = {
  text: 'string',
  link: 'url',
  sid: { sid: 'call' },
  count: 'number',
  flag: 'boolean',
  loose: 'boolean',
  how: 'method',
  when: 'datetime',
  doc: 'twiml',
  texts: 'string-list',
  links: 'url-list',
  events: { oneOf: CALL_PROGRESS_EVENTS, list: true },
  choice: { oneOf: ['dual', 'mono'] }, // any order
  open: 'string', // an open union is a string
} satisfies TableOf<EveryShape>;

type Shape<Field extends keyof EveryShape> = TableOf<Pick<EveryShape, Field>>;

const { timeLimit: _dropped, ...withoutTimeLimit } = updateTable;
// @ts-expect-error a field without an entry (timeLimit)
export const missingField = withoutTimeLimit satisfies TableOf<UpdateCallFields>;

export const tableMistakes = [
  // @ts-expect-error an entry without a field (a misspelt name)
  { count: 'integer', cuont: 'integer' } satisfies TableOf<Partial<Pick<EveryShape, 'count'>>>,
  // @ts-expect-error a number is not a string
  { count: 'string' } satisfies Shape<'count'>,
  // @ts-expect-error a string is not a number
  { text: 'integer' } satisfies Shape<'text'>,
  // @ts-expect-error a boolean is not a string
  { flag: 'string' } satisfies Shape<'flag'>,
  // @ts-expect-error an HttpMethod is not any string
  { how: 'string' } satisfies Shape<'how'>,
  // @ts-expect-error a string is not an HttpMethod
  { text: 'method' } satisfies Shape<'text'>,
  // @ts-expect-error inline TwiML takes elements, not only strings
  { doc: 'string' } satisfies Shape<'doc'>,
  // @ts-expect-error a Date is not a string
  { when: 'string' } satisfies Shape<'when'>,
  // @ts-expect-error an array is not a string
  { texts: 'string' } satisfies Shape<'texts'>,
  // @ts-expect-error a string is not an array
  { text: 'string-list' } satisfies Shape<'text'>,
  // @ts-expect-error an enum list is not any list of strings
  { events: 'string-list' } satisfies Shape<'events'>,
  // @ts-expect-error an enum list needs list: true
  { events: { oneOf: CALL_PROGRESS_EVENTS } } satisfies Shape<'events'>,
  // @ts-expect-error one enum value is not a list
  { choice: { oneOf: ['mono', 'dual'], list: true } } satisfies Shape<'choice'>,
  // @ts-expect-error an enum is not any string
  { choice: 'string' } satisfies Shape<'choice'>,
  // @ts-expect-error a value of the type missing from oneOf
  { choice: { oneOf: ['mono'] } } satisfies Shape<'choice'>,
  // @ts-expect-error a value in oneOf that the type does not have
  { choice: { oneOf: ['mono', 'dual', 'stereo'] } } satisfies Shape<'choice'>,
  // @ts-expect-error a value twice
  { choice: { oneOf: ['mono', 'dual', 'dual'] } } satisfies Shape<'choice'>,
  // @ts-expect-error an event missing from the list
  { events: { oneOf: ['initiated', 'answered', 'completed'], list: true } } satisfies Shape<'events'>,
  // @ts-expect-error a closed list of values for a free string
  { text: { oneOf: ['a', 'b'] } } satisfies Shape<'text'>,
  // @ts-expect-error a SID kind that does not exist
  { sid: { sid: 'caller' } } satisfies Shape<'sid'>,
  // @ts-expect-error a SID is a string, not a number
  { count: { sid: 'call' } } satisfies Shape<'count'>,
];
