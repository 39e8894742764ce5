/** client.calls against the fake API: exact requests, typed results, refusals before any request. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Enqueue, Gather, Hangup, Pay, Play, Record, Redirect, Response, Say, TwiMLValidationError } from 'twiml-jsx';
import {
  type CreateCallParams,
  MAX_INLINE_TWIML_LENGTH,
  TwilioParameterError,
  type TwilioClient,
  type UpdateCallParams,
} from 'twiml-jsx/rest';
import { BASIC_AUTH, ourClient } from './support/clients.js';

/** The version in package.json, which the default User-Agent names. */
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
import { EVERY_CALL_PARAM } from './support/params.js';
import { ACCOUNT_SID, CALL_SID, TWILIO_DATE, callJson } from './support/fake-twilio.js';
import { failure, useFakeTwilio } from './support/hooks.js';

const fake = useFakeTwilio();
let client: TwilioClient;
beforeAll(() => {
  client = ourClient(fake).client;
});

const CALLS_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls.json`;
const CALL_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}/Calls/${CALL_SID}.json`;
const TO = '+15558675310';
const FROM = '+15017122661';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Expects `promise` to be refused with a TwilioParameterError, and nothing to reach the server. */
async function refused(
  promise: Promise<unknown>,
  expected: { parameter: string; message: RegExp; code?: number },
): Promise<TwilioParameterError> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(TwilioParameterError);
  const refusal = error as TwilioParameterError;
  expect(refusal.parameter).toBe(expected.parameter);
  expect(refusal.message).toMatch(expected.message);
  expect(refusal.code).toBe(expected.code);
  expect(fake.requests).toHaveLength(0);
  return refusal;
}

describe('calls.create', () => {
  it('POSTs the form to Calls.json with Basic auth, JSON accept, form content type and user agent', async () => {
    await client.calls.create({ to: TO, from: FROM, url: 'https://example.com/voice' });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(CALLS_PATH);
    expect(request.headers.authorization).toBe(BASIC_AUTH);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['user-agent']).toBe(`twiml-jsx/${PACKAGE_VERSION} (node/${process.version})`);
    expect(request.body).toBe('To=%2B15558675310&From=%2B15017122661&Url=https%3A%2F%2Fexample.com%2Fvoice');
  });

  it('renders a JSX twiml with its XML declaration, exactly as the official helper sends a VoiceResponse', async () => {
    await client.calls.create({
      to: TO,
      from: FROM,
      twiml: (
        <Response>
          <Say voice="Polly.Joanna">Hello &amp; goodbye</Say>
          <Hangup />
        </Response>
      ),
    });
    expect(fake.requests[0].form).toEqual([
      ['To', TO],
      ['From', FROM],
      ['Twiml', `${DECLARATION}<Response><Say voice="Polly.Joanna">Hello &amp; goodbye</Say><Hangup/></Response>`],
    ]);
    expect(fake.requests[0].body).toBe(
      'To=%2B15558675310&From=%2B15017122661&Twiml=%3C%3Fxml%20version%3D%221.0%22%20encoding%3D%22UTF-8%22%3F%3E' +
        '%3CResponse%3E%3CSay%20voice%3D%22Polly.Joanna%22%3EHello%20%26amp%3B%20goodbye%3C%2FSay%3E%3CHangup%2F%3E%3C%2FResponse%3E',
    );
  });

  it('sends a TwiML string as it is', async () => {
    await client.calls.create({ to: TO, from: FROM, twiml: '<Response><Say>Hi</Say></Response>' });
    expect(fake.requests[0].form.at(-1)).toEqual(['Twiml', '<Response><Say>Hi</Say></Response>']);
  });

  it('sends every documented parameter, PascalCase, in the official order, arrays as repeated keys', async () => {
    await client.calls.create(EVERY_CALL_PARAM);
    expect(fake.requests[0].form).toEqual([
      ['To', TO],
      ['From', FROM],
      ['Method', 'GET'],
      ['FallbackUrl', 'https://example.com/fallback'],
      ['FallbackMethod', 'POST'],
      ['StatusCallback', 'https://example.com/status'],
      ['StatusCallbackEvent', 'initiated'],
      ['StatusCallbackEvent', 'ringing'],
      ['StatusCallbackEvent', 'answered'],
      ['StatusCallbackEvent', 'completed'],
      ['StatusCallbackMethod', 'GET'],
      ['Timeout', '15'],
      ['Record', 'true'],
      ['RecordingChannels', 'dual'],
      ['RecordingStatusCallback', 'https://example.com/recording'],
      ['RecordingStatusCallbackMethod', 'GET'],
      ['RecordingConfigurationId', 'RC-1'],
      ['SipAuthUsername', 'user'],
      ['SipAuthPassword', "p@ss w0rd!'()*"],
      ['MachineDetection', 'DetectMessageEnd'],
      ['MachineDetectionTimeout', '20'],
      ['RecordingStatusCallbackEvent', 'in-progress'],
      ['RecordingStatusCallbackEvent', 'completed'],
      ['RecordingStatusCallbackEvent', 'absent'],
      ['Trim', 'do-not-trim'],
      ['CallerId', 'client:alice'],
      ['MachineDetectionSpeechThreshold', '2400'],
      ['MachineDetectionSpeechEndThreshold', '1200'],
      ['MachineDetectionSilenceTimeout', '5000'],
      ['AsyncAmd', 'true'],
      ['AsyncAmdStatusCallback', 'https://example.com/amd'],
      ['AsyncAmdStatusCallbackMethod', 'POST'],
      ['Passports', 'cGFzc3BvcnQ=,b3RoZXI='],
      ['Byoc', 'BY' + 'b'.repeat(32)],
      ['CallReason', 'Your délivery 📦'],
      ['CallToken', '{"token":1}'],
      ['RecordingTrack', 'inbound'],
      ['TimeLimit', '600'],
      ['ClientNotificationUrl', 'https://example.com/push'],
      ['Url', 'https://example.com/voice?step=1&lang=en'],
    ]);
    expect(fake.requests[0].body).toContain('&SipAuthPassword=p%40ss%20w0rd%21%27%28%29%2A&');
    expect(fake.requests[0].body).toContain('&CallReason=Your%20d%C3%A9livery%20%F0%9F%93%A6&');
    expect(fake.requests[0].body).toMatch(/&Url=https%3A%2F%2Fexample\.com%2Fvoice%3Fstep%3D1%26lang%3Den$/);
  });

  it('sends applicationSid and sendDigits; leaves out undefined and null parameters; false stays false', async () => {
    await client.calls.create({
      to: 'sip:alice@example.com',
      from: FROM,
      applicationSid: 'AP' + '0'.repeat(32),
      sendDigits: 'ww1234#',
      record: false,
      timeout: undefined,
      callerId: null as unknown as string,
    });
    expect(fake.requests[0].form).toEqual([
      ['To', 'sip:alice@example.com'],
      ['From', FROM],
      ['SendDigits', 'ww1234#'],
      ['Record', 'false'],
      ['ApplicationSid', 'AP' + '0'.repeat(32)],
    ]);
  });

  it('returns the call with camelCase fields, RFC 2822 dates as Dates and unknown fields dropped', async () => {
    const call = await client.calls.create({ to: TO, from: FROM, url: 'https://example.com/voice' });
    expect(call.sid).toBe(CALL_SID);
    expect(call.accountSid).toBe(ACCOUNT_SID);
    expect(call.dateCreated).toEqual(new Date(Date.UTC(2010, 7, 31, 20, 36, 28)));
    expect(call.startTime?.toISOString()).toBe('2010-08-31T20:36:29.000Z');
    expect(call.toFormatted).toBe('(555) 867-5310');
    expect(call.duration).toBe('15');
    expect(call.subresourceUris?.recordings).toMatch(/Recordings\.json$/);
    expect(call.parentCallSid).toBeNull();
    expect(Object.keys(call)).not.toContain('annotation');
    expect(Object.keys(call)).toHaveLength(27);
  });

  it('gives null for fields Twilio left out and for unreadable dates', async () => {
    fake.script({
      status: 201,
      body: { sid: CALL_SID, account_sid: ACCOUNT_SID, status: 'queued', date_created: 'soon' },
    });
    const call = await client.calls.create({ to: TO, from: FROM, url: 'https://example.com/voice' });
    expect(call.dateCreated).toBeNull();
    expect(call.toFormatted).toBeNull();
    expect(call.status).toBe('queued');
  });

  describe('refuses before any request', () => {
    const base = { to: TO, from: FROM, url: 'https://example.com/voice' };

    it('a missing to or from', async () => {
      await refused(client.calls.create({ ...base, to: '' }), {
        parameter: 'to',
        message: /calls\.create: to is required/,
      });
      await refused(client.calls.create({ ...base, from: undefined as unknown as string }), {
        parameter: 'from',
        message: /from is required: the caller ID/,
        code: 21213,
      });
    });

    it('no url, twiml or applicationSid', async () => {
      await refused(client.calls.create({ to: TO, from: FROM } as CreateCallParams), {
        parameter: 'url',
        message: /needs instructions: give url .*, twiml .* or applicationSid/,
      });
    });

    it('two sources of instructions', async () => {
      const both = { ...base, twiml: '<Response/>' } as unknown as CreateCallParams;
      await refused(client.calls.create(both), {
        parameter: 'twiml',
        message:
          /only one of url, twiml and applicationSid, not url and twiml \(Twilio ignores twiml when url is present\)/,
      });
      const app = { ...base, applicationSid: 'AP' + '0'.repeat(32) } as unknown as CreateCallParams;
      await refused(client.calls.create(app), { parameter: 'applicationSid', message: /not url and applicationSid/ });
    });

    it('parameters Twilio ignores next to applicationSid, or next to sendDigits', async () => {
      await refused(
        client.calls.create({
          to: TO,
          from: FROM,
          applicationSid: 'AP' + '0'.repeat(32),
          statusCallback: 'https://example.com/s',
          statusCallbackEvent: ['answered'],
        }),
        { parameter: 'statusCallback', message: /ignores statusCallback and statusCallbackEvent when applicationSid/ },
      );
      await refused(client.calls.create({ ...base, sendDigits: '1', machineDetection: 'Enable' }), {
        parameter: 'machineDetection',
        message: /ignores machineDetection when sendDigits/,
      });
    });

    it('values of the wrong kind, naming the parameter', async () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ timeout: 1.5 }, 'timeout', /timeout must be a whole number, got number 1\.5/],
        [{ method: 'put' }, 'method', /method must be "GET" or "POST", got "put"/],
        [{ record: 'yes' }, 'record', /record must be true or false/],
        [{ statusCallbackEvent: 'answered' }, 'statusCallbackEvent', /must be an array/],
        [{ statusCallbackEvent: ['answered', 'picked-up'] }, 'statusCallbackEvent[1]', /one of "initiated", "ringing"/],
        [{ url: '/voice' }, 'url', /an absolute http\/https URL, not a relative one/],
        [{ statusCallback: 'https://my_host.example.com/s' }, 'statusCallback', /no underscore/],
        [{ trim: 'yes' }, 'trim', /one of "trim-silence", "do-not-trim"/],
        [{ byoc: 'BYxyz' }, 'byoc', /"BY" followed by 32 hex digits/],
        [{ to: 15558675310 }, 'to', /to must be a string, got number/],
      ];
      for (const [change, parameter, message] of cases) {
        await refused(client.calls.create({ ...base, ...change } as unknown as CreateCallParams), {
          parameter,
          message,
        });
      }
    });

    it('unknown parameters, with a suggestion', async () => {
      await refused(client.calls.create({ ...base, statusCallbak: 'x' } as unknown as CreateCallParams), {
        parameter: 'statusCallbak',
        message: /unknown parameter "statusCallbak"; did you mean "statusCallback"\?/,
      });
      await refused(client.calls.create({ ...base, StatusCallback: 'x' } as unknown as CreateCallParams), {
        parameter: 'StatusCallback',
        message: /did you mean "statusCallback"/,
      });
    });

    it('a parameter object that is not an object', async () => {
      await refused(client.calls.create(undefined as unknown as CreateCallParams), {
        parameter: 'params',
        message: /expected an object of parameters, got undefined/,
      });
    });
  });

  describe('inline TwiML', () => {
    it('refuses relative URLs, naming every element path', async () => {
      const error = await refused(
        client.calls.create({
          to: TO,
          from: FROM,
          twiml: (
            <Response>
              <Gather action="/menu/choice" numDigits={1}>
                <Say>Press 1</Say>
                <Play>hold.mp3</Play>
              </Gather>
              <Gather action="https://example.com/ok" />
              <Redirect method="POST">/voice?retries=1</Redirect>
            </Response>
          ),
        }),
        { parameter: 'twiml', message: /inline TwiML \(it has no document URL\)/ },
      );
      expect(error.message).toContain('Response > Gather[1] action="/menu/choice"');
      expect(error.message).toContain('Response > Gather[1] > Play text "hold.mp3"');
      expect(error.message).toContain('Response > Redirect text "/voice?retries=1"');
      expect(error.message).not.toContain('Gather[2]');
      expect(error.message).toMatch(/serve the TwiML from a URL and pass url instead/);
    });

    it('refuses the relative action of <Record> and <Pay>', async () => {
      const record = (
        <Response>
          <Record action="recorded" />
        </Response>
      );
      await refused(client.calls.create({ to: TO, from: FROM, twiml: record }), {
        parameter: 'twiml',
        message: /Response > Record action="recorded"/,
      });
      await refused(
        client.calls.update(CALL_SID, {
          twiml: (
            <Response>
              <Pay action="pay/done" />
            </Response>
          ),
        }),
        {
          parameter: 'twiml',
          message: /^calls\.update: .*Response > Pay action="pay\/done"/,
        },
      );
    });

    it('accepts absolute URLs and an empty waitUrl (silence)', async () => {
      await client.calls.create({
        to: TO,
        from: FROM,
        twiml: (
          <Response>
            <Gather action="https://example.com/menu" />
            <Enqueue waitUrl="">support</Enqueue>
            <Redirect>https://example.com/next</Redirect>
          </Response>
        ),
      });
      expect(fake.requests).toHaveLength(1);
    });

    it('refuses more than 4,000 characters with Twilio error 32018, before any request', async () => {
      const padding = '<Response><Say></Say></Response>'.length;
      const exactly = `<Response><Say>${'a'.repeat(MAX_INLINE_TWIML_LENGTH - padding)}</Say></Response>`;
      expect(exactly).toHaveLength(4000);
      const over = exactly.replace('<Say>', '<Say>b');
      await refused(client.calls.create({ to: TO, from: FROM, twiml: over }), {
        parameter: 'twiml',
        message: /inline TwiML is 4001 characters long; Twilio accepts at most 4000\. Serve it from a URL/,
        code: 32018,
      });
      await refused(
        client.calls.create({
          to: TO,
          from: FROM,
          twiml: (
            <Response>
              <Say>{'x'.repeat(4000)}</Say>
            </Response>
          ),
        }),
        { parameter: 'twiml', message: /is 4070 characters long/, code: 32018 },
      );
      await client.calls.create({ to: TO, from: FROM, twiml: exactly });
      expect(fake.requests[0].form.at(-1)).toEqual(['Twiml', exactly]);
    });

    it('throws the TwiMLValidationError of an invalid document, before any request', async () => {
      const error = await client.calls.create({ to: TO, from: FROM, twiml: <Say>Hi</Say> }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TwiMLValidationError);
      expect((error as TwiMLValidationError).problems.map((p) => p.code)).toContain('root-not-response');
      expect(fake.requests).toHaveLength(0);
    });

    it('refuses an empty string and values that are neither elements nor strings', async () => {
      await refused(client.calls.create({ to: TO, from: FROM, twiml: '  ' }), {
        parameter: 'twiml',
        message: /twiml is an empty string/,
      });
      const helperObject = { toString: () => '<Response/>' } as unknown as string;
      await refused(client.calls.create({ to: TO, from: FROM, twiml: helperObject }), {
        parameter: 'twiml',
        message: /twiml must be a JSX element such as <Response>…<\/Response> or a TwiML string, got an object/,
      });
    });
  });
});

describe('calls.update', () => {
  it('hangs up: POST Calls/{sid}.json with Status=completed', async () => {
    fake.script({ status: 200, body: callJson({ status: 'completed' }) });
    const call = await client.calls.update(CALL_SID, { status: 'completed' });
    const [request] = fake.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(CALL_PATH);
    expect(request.headers.authorization).toBe(BASIC_AUTH);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.body).toBe('Status=completed');
    expect(call.status).toBe('completed');
  });

  it('steers a live call with JSX', async () => {
    await client.calls.update(CALL_SID, {
      twiml: (
        <Response>
          <Say>Transferring you now</Say>
          <Redirect>https://example.com/transfer</Redirect>
        </Response>
      ),
    });
    expect(fake.requests[0].form).toEqual([
      [
        'Twiml',
        `${DECLARATION}<Response><Say>Transferring you now</Say><Redirect>https://example.com/transfer</Redirect></Response>`,
      ],
    ]);
  });

  it('sends every documented parameter in the official order', async () => {
    const params: UpdateCallParams = {
      url: 'https://example.com/next',
      method: 'GET',
      status: 'canceled',
      fallbackUrl: 'https://example.com/fallback',
      fallbackMethod: 'GET',
      statusCallback: 'https://example.com/status',
      statusCallbackMethod: 'POST',
      timeLimit: 30,
    };
    await client.calls.update(CALL_SID, params);
    expect(fake.requests[0].form).toEqual([
      ['Url', 'https://example.com/next'],
      ['Method', 'GET'],
      ['Status', 'canceled'],
      ['FallbackUrl', 'https://example.com/fallback'],
      ['FallbackMethod', 'GET'],
      ['StatusCallback', 'https://example.com/status'],
      ['StatusCallbackMethod', 'POST'],
      ['TimeLimit', '30'],
    ]);
  });

  it('refuses nothing to change, url with twiml, a bad status and bad SIDs, before any request', async () => {
    await refused(client.calls.update(CALL_SID, {}), { parameter: 'params', message: /nothing to change/ });
    await refused(
      client.calls.update(CALL_SID, {
        url: 'https://example.com/a',
        twiml: '<Response/>',
      } as unknown as UpdateCallParams),
      { parameter: 'twiml', message: /give url or twiml, not both/ },
    );
    await refused(client.calls.update(CALL_SID, { status: 'hangup' } as unknown as UpdateCallParams), {
      parameter: 'status',
      message: /status must be one of "canceled", "completed", got "hangup"/,
    });
    await refused(client.calls.update(`${CALL_SID}/Recordings`, { status: 'completed' }), {
      parameter: 'sid',
      message: /calls\.update: sid ".*" contains "\/", "\?" or "#", which would change the request URL/,
    });
    await refused(client.calls.update(`${CALL_SID}?x=1`, { status: 'completed' }), {
      parameter: 'sid',
      message: /contains "\/", "\?" or "#"/,
    });
    await refused(client.calls.update('SM' + '0'.repeat(32), { status: 'completed' }), {
      parameter: 'sid',
      message: /is not a SID of the right kind: expected "CA" followed by 32 hex digits/,
    });
  });
});

describe('calls.get', () => {
  it('GETs Calls/{sid}.json with no body and no content type', async () => {
    const call = await client.calls.get(CALL_SID);
    const [request] = fake.requests;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(CALL_PATH);
    expect(request.headers.authorization).toBe(BASIC_AUTH);
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['content-type']).toBeUndefined();
    expect(request.body).toBe('');
    expect(call.dateCreated).toEqual(new Date(TWILIO_DATE));
  });

  it('refuses a SID that is not a call SID', async () => {
    await refused(client.calls.get(42 as unknown as string), {
      parameter: 'sid',
      message: /calls\.get: sid must be a string SID \("CA" followed by 32 hex digits\), got number/,
    });
    await refused(client.calls.get('../Messages'), { parameter: 'sid', message: /contains "\/"/ });
    await refused(client.calls.get('CA123'), { parameter: 'sid', message: /"CA123" is not a SID of the right kind/ });
  });
});
