/** client.messages against the fake API: exact requests, typed results, refusals before any request. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type CreateMessageParams, TwilioParameterError, type TwilioClient } from 'twiml-jsx/rest';
import { BASIC_AUTH, ourClient } from './support/clients.js';
import { EVERY_MESSAGE_PARAM } from './support/params.js';
import { ACCOUNT_SID, MESSAGE_SID, messageJson } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();
let client: TwilioClient;
beforeAll(() => {
  client = ourClient(fake).client;
});

const TO = '+15558675310';
const FROM = '+15017122661';
const SERVICE = 'MG' + '3'.repeat(32);
const CONTENT = 'HX' + 'a'.repeat(32);

async function refusal(promise: Promise<unknown>): Promise<TwilioParameterError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TwilioParameterError);
  expect(fake.requests).toHaveLength(0);
  return error as TwilioParameterError;
}

describe('messages.create', () => {
  it('POSTs the form to Messages.json with Basic auth and the form content type', async () => {
    const message = await client.messages.create({ to: TO, from: FROM, body: 'Hi & bye: 50% off (today)!' });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    expect(request.headers.authorization).toBe(BASIC_AUTH);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toBe(
      'To=%2B15558675310&From=%2B15017122661&Body=Hi%20%26%20bye%3A%2050%25%20off%20%28today%29%21',
    );
    expect(message.sid).toBe(MESSAGE_SID);
    expect(message.status).toBe('queued');
  });

  it('sends every documented parameter in the official order; media URLs as repeated keys; SendAt in UTC', async () => {
    await client.messages.create(EVERY_MESSAGE_PARAM);
    expect(fake.requests[0].form).toEqual([
      ['To', 'whatsapp:+15558675310'],
      ['StatusCallback', 'https://example.com/status'],
      ['ApplicationSid', 'AP' + '1'.repeat(32)],
      ['MaxPrice', '0.75'],
      ['ProvideFeedback', 'true'],
      ['Attempt', '2'],
      ['ValidityPeriod', '600'],
      ['ForceDelivery', 'false'],
      ['ContentRetention', 'discard'],
      ['AddressRetention', 'obfuscate'],
      ['SmartEncoded', 'true'],
      ['PersistentAction', 'geo:37.787890,-122.391664'],
      ['PersistentAction', 'mailto:someone@example.com'],
      ['TrafficType', 'free'],
      ['ShortenUrls', 'true'],
      ['ScheduleType', 'fixed'],
      ['SendAt', '2030-01-02T03:04:05Z'],
      ['SendAsMms', 'true'],
      ['ContentVariables', '{"1":"Alice"}'],
      ['MessageIntent', 'notifications'],
      ['RiskCheck', 'disable'],
      ['From', 'whatsapp:+15017122661'],
      ['FallbackFrom', '+15017122661'],
      ['MessagingServiceSid', SERVICE],
      ['Body', 'Hello — 50% off & free shipping (today only)!'],
      ['MediaUrl', 'https://example.com/a.png'],
      ['MediaUrl', 'https://example.com/b.png?size=large'],
      ['ContentSid', CONTENT],
    ]);
  });

  it('accepts a messaging service without from, media without a body, a template without either', async () => {
    await client.messages.create({ to: TO, messagingServiceSid: SERVICE, body: 'Hi' });
    await client.messages.create({ to: TO, from: FROM, mediaUrl: ['https://example.com/cat.gif'] });
    await client.messages.create({ to: TO, from: FROM, contentSid: CONTENT, contentVariables: '{}' });
    expect(fake.requests.map((r) => r.form.map(([key]) => key).join(','))).toEqual([
      'To,MessagingServiceSid,Body',
      'To,From,MediaUrl',
      'To,ContentVariables,From,ContentSid',
    ]);
  });

  it('returns the message with camelCase fields, Dates and a numeric errorCode', async () => {
    fake.script({
      status: 201,
      body: messageJson({ status: 'failed', error_code: '30007', error_message: 'Filtered' }),
    });
    const message = await client.messages.create({ to: TO, from: FROM, body: 'Hello' });
    expect(message.errorCode).toBe(30007);
    expect(message.errorMessage).toBe('Filtered');
    expect(message.dateSent).toEqual(new Date(Date.UTC(2023, 7, 24, 5, 1, 45)));
    expect(message.numSegments).toBe('1');
    expect(message.messagingServiceSid).toBe(SERVICE);
    expect(Object.keys(message).sort()).toEqual(
      [
        'accountSid',
        'apiVersion',
        'body',
        'dateCreated',
        'dateSent',
        'dateUpdated',
        'direction',
        'errorCode',
        'errorMessage',
        'from',
        'messagingServiceSid',
        'numMedia',
        'numSegments',
        'price',
        'priceUnit',
        'sid',
        'status',
        'subresourceUris',
        'to',
        'uri',
      ].sort(),
    );
  });

  describe('refuses before any request', () => {
    it('a missing to (21604), a missing sender (21603), missing content (21602)', async () => {
      let error = await refusal(client.messages.create({ to: '', from: FROM, body: 'x' }));
      expect([error.parameter, error.code]).toEqual(['to', 21604]);
      error = await refusal(client.messages.create({ to: TO, body: 'x' } as CreateMessageParams));
      expect([error.parameter, error.code]).toEqual(['from', 21603]);
      expect(error.message).toMatch(/give a sender: from .* or messagingServiceSid \(Twilio error 21603\)$/);
      error = await refusal(client.messages.create({ to: TO, from: FROM, mediaUrl: [] } as CreateMessageParams));
      expect([error.parameter, error.code]).toEqual(['body', 21602]);
      expect(error.message).toMatch(/the message is empty: give body, mediaUrl or contentSid/);
    });

    it('more than 10 media URLs, and relative or non-http media URLs', async () => {
      const eleven = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`);
      let error = await refusal(client.messages.create({ to: TO, from: FROM, mediaUrl: eleven }));
      expect(error.message).toMatch(/mediaUrl has 11 URLs; a message carries at most 10/);
      error = await refusal(
        client.messages.create({ to: TO, from: FROM, mediaUrl: ['https://example.com/a', 'b.png'] }),
      );
      expect(error.parameter).toBe('mediaUrl[1]');
      expect(error.message).toMatch(
        /mediaUrl\[1\] must be an absolute http\/https URL, not a relative one, got "b\.png"/,
      );
      error = await refusal(client.messages.create({ to: TO, from: FROM, mediaUrl: ['ftp://example.com/a'] }));
      expect(error.message).toMatch(/not ftp:/);
    });

    it('parameters that need another one', async () => {
      let error = await refusal(client.messages.create({ to: TO, from: FROM, body: 'x', contentVariables: '{}' }));
      expect(error.message).toMatch(/contentVariables fills a Content Template's variables, so it needs contentSid/);
      error = await refusal(client.messages.create({ to: TO, from: FROM, body: 'x', shortenUrls: true }));
      expect(error.message).toMatch(/shortenUrls only works through a Messaging Service; give messagingServiceSid too/);
      error = await refusal(
        client.messages.create({ to: TO, from: FROM, body: 'x', scheduleType: 'fixed', sendAt: new Date() }),
      );
      expect(error.message).toMatch(/scheduleType only works through a Messaging Service/);
      error = await refusal(
        client.messages.create({ to: TO, messagingServiceSid: SERVICE, body: 'x', sendAt: new Date() }),
      );
      expect([error.parameter, error.message]).toEqual([
        'scheduleType',
        "messages.create: scheduling needs both scheduleType: 'fixed' and sendAt (when to send)",
      ]);
    });

    it('shortenUrls: false needs no messaging service', async () => {
      await client.messages.create({ to: TO, from: FROM, body: 'x', shortenUrls: false });
      expect(fake.requests[0].form).toContainEqual(['ShortenUrls', 'false']);
    });

    it('malformed SIDs, invalid dates and unknown parameters', async () => {
      let error = await refusal(client.messages.create({ to: TO, messagingServiceSid: 'MG123', body: 'x' }));
      expect(error.message).toMatch(/messagingServiceSid "MG123" is not a SID of the right kind: expected "MG"/);
      error = await refusal(
        client.messages.create({
          to: TO,
          messagingServiceSid: SERVICE,
          body: 'x',
          scheduleType: 'fixed',
          sendAt: new Date(NaN),
        }),
      );
      expect(error.message).toMatch(/sendAt must be a valid Date/);
      error = await refusal(client.messages.create({ to: TO, from: FROM, body: 'x', mediaUrls: ['x'] } as never));
      expect(error.message).toMatch(/unknown parameter "mediaUrls"; did you mean "mediaUrl"\?/);
    });

    it('text UTF-8 cannot carry (a lone surrogate), naming the parameter', async () => {
      const error = await refusal(client.messages.create({ to: TO, from: FROM, body: 'cut emoji \uD83D' }));
      expect(error.parameter).toBe('body');
      expect(error.message).toMatch(/^messages\.create: body holds a lone UTF-16 surrogate \(U\+D83D\) at index 10/);
    });
  });
});

describe('messages.get', () => {
  it('GETs Messages/{sid}.json, for SM and MM SIDs', async () => {
    await client.messages.get(MESSAGE_SID);
    await client.messages.get('MM' + 'f'.repeat(32));
    expect(fake.requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `GET /2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}.json `,
      `GET /2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM${'f'.repeat(32)}.json `,
    ]);
  });

  it('refuses call SIDs and path tricks', async () => {
    let error = await refusal(client.messages.get('CA' + '0'.repeat(32)));
    expect(error.message).toMatch(/expected "SM" or "MM" followed by 32 hex digits/);
    error = await refusal(client.messages.get(`${MESSAGE_SID}#x`));
    expect(error.message).toMatch(/contains "\/", "\?" or "#"/);
  });
});
