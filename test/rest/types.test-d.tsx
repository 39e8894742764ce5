/**
 * Compile-time tests of twiml-jsx/rest, checked by `npm run typecheck` (tsc over test/). Each
 * `@ts-expect-error` must be an error: if the line compiles, tsc reports the unused directive.
 */
import { Response, Say } from 'twiml-jsx';
import { type Call, type Message, type TwilioClient, createClient } from 'twiml-jsx/rest';

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
