/** `verifyWebhook()` / `webhookVerifier()` on Fetch `Request`s, signed by the official helper. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type GatherCallback,
  verifyWebhook,
  webhookVerifier,
  type WebhookOptions,
  type WebhookRejection,
} from 'twiml-jsx/http';
import { bodyHash, callParams, formBody, sign, TOKEN, twilioRequest } from './support.js';

const URL_ = 'https://example.com/menu/choice?retries=1';
const gather = callParams({ Digits: '2', SpeechResult: 'support please', Confidence: '0.91' });

/** Verifies with the test token, collecting rejections instead of logging them. */
function verifier(options: WebhookOptions = {}) {
  const rejections: WebhookRejection[] = [];
  const verify = webhookVerifier({ authToken: TOKEN, onReject: (r) => rejections.push(r), ...options });
  return { verify, rejections };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('form webhooks', () => {
  it('valid: the parameters, typed; the body is still there for the handler', async () => {
    const { verify, rejections } = verifier();
    const request = twilioRequest(URL_, gather);
    const check = await verify<GatherCallback>(request);
    expect(check).toMatchObject({ valid: true, url: URL_ });
    if (!check.valid) throw new Error('expected a valid request');
    expect(check.params.Digits).toBe('2');
    expect(check.params.SpeechResult).toBe('support please');
    expect(check.params.FromCity).toBe("ST. JOHN'S");
    expect(request.bodyUsed).toBe(false);
    expect(await request.text()).toBe(formBody(gather));
    expect(rejections).toEqual([]);
  });

  it('repeated parameters are arrays, signed de-duplicated and sorted', async () => {
    const params = { ...gather, 'MessagingBinding.Address': ['+1415', '+1325', '+1415'] };
    const check = await verifier().verify(twilioRequest(URL_, params));
    expect(check.valid).toBe(true);
    if (check.valid) expect(check.params['MessagingBinding.Address']).toEqual(['+1415', '+1325', '+1415']);
  });

  it('missing X-Twilio-Signature: 400, and the body is not read', async () => {
    const { verify, rejections } = verifier();
    const request = twilioRequest(URL_, gather, { signature: null });
    const check = await verify(request);
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.status).toBe(400);
    expect(check.response.status).toBe(400);
    expect(await check.response.text()).toMatch(/X-Twilio-Signature/);
    expect(rejections).toEqual([{ status: 400, reason: 'no X-Twilio-Signature header', method: 'POST', url: URL_ }]);
    expect(await request.text()).toBe(formBody(gather));
  });

  it.each([
    ['a tampered parameter', { signature: sign(URL_, { ...gather, Digits: '1' }) }],
    ['an extra parameter', { signature: sign(URL_, { ...gather, Extra: 'x' }) }],
    ['a missing parameter', { signature: sign(URL_, { ...gather, Digits: [] }) }],
    ['another token', { signature: sign(URL_, gather, 'another-token') }],
    ['another URL', { signature: sign('https://example.com/menu/choice', gather) }],
    ['garbage', { signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B8=' }],
  ])('%s: 403', async (_, options) => {
    const { verify, rejections } = verifier();
    const check = await verify(twilioRequest(URL_, gather, options));
    expect(check.valid).toBe(false);
    if (check.valid) return;
    expect(check.status).toBe(403);
    expect(check.response.status).toBe(403);
    expect(check.response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(rejections).toHaveLength(1);
    expect(rejections[0].reason).toMatch(
      /does not match POST https:\/\/example\.com\/menu\/choice\?retries=1 with 11 parameters/,
    );
  });

  it('a wrong token in the options rejects a request signed with the real one', async () => {
    const { verify } = verifier({ authToken: 'not-the-token' });
    expect((await verify(twilioRequest(URL_, gather))).valid).toBe(false);
  });

  it('a body that is not form-encoded and not covered by bodySHA256: 403', async () => {
    const { verify, rejections } = verifier();
    const request = new Request(URL_, {
      method: 'POST',
      headers: { 'X-Twilio-Signature': sign(URL_), 'Content-Type': 'application/json' },
      body: '{"Digits":"1"}',
    });
    expect((await verify(request)).valid).toBe(false);
    expect(rejections[0].reason).toMatch(/application\/json body is not covered by the signature/);
  });
});

describe('GET webhooks', () => {
  it('the signature covers the URL only; the parameters come from the query', async () => {
    const url = `https://example.com/voice?${formBody(gather)}`;
    const check = await verifier().verify(twilioRequest(url, {}, { method: 'GET' }));
    expect(check.valid).toBe(true);
    if (check.valid) expect(check.params).toMatchObject({ Digits: '2', FromCity: "ST. JOHN'S" });
  });

  it('a changed query: 403', async () => {
    const url = `https://example.com/voice?${formBody(gather)}`;
    const signature = sign(url.replace('Digits=2', 'Digits=1'));
    expect((await verifier().verify(twilioRequest(url, {}, { method: 'GET', signature }))).valid).toBe(false);
  });
});

describe('JSON webhooks (bodySHA256)', () => {
  const body = '{"EventType":"onMessageAdded","Body":"hi"}';
  const url = `https://example.com/events?bodySHA256=${bodyHash(body)}`;
  const jsonRequest = (text: string, signature = sign(url)) =>
    new Request(url, {
      method: 'POST',
      headers: { 'X-Twilio-Signature': signature, 'Content-Type': 'application/json' },
      body: text,
    });

  it('valid: the raw body hashes to bodySHA256; params is the document', async () => {
    const check = await verifier().verify(jsonRequest(body));
    expect(check.valid).toBe(true);
    if (check.valid) expect(check.params).toEqual({ EventType: 'onMessageAdded', Body: 'hi' });
  });

  it('another body, even the same JSON re-serialised: 403', async () => {
    const { verify, rejections } = verifier();
    expect((await verify(jsonRequest('{"EventType":"onMessageAdded","Body":"hi!"}'))).valid).toBe(false);
    expect((await verify(jsonRequest(JSON.stringify(JSON.parse(body), null, 1)))).valid).toBe(false);
    expect(rejections.map((r) => r.reason)).toEqual([
      expect.stringMatching(/does not hash to the bodySHA256/),
      expect.stringMatching(/does not hash to the bodySHA256/),
    ]);
  });

  it('a signature over another URL: 403', async () => {
    expect((await verifier().verify(jsonRequest(body, sign(`${url}&x=1`)))).valid).toBe(false);
  });
});

describe('the public URL', () => {
  const internal = 'http://10.0.0.7:3000/voice';
  const publicUrl = 'https://example.com/voice';
  const proxied = (signedFor: string, headers: Record<string, string>) =>
    twilioRequest(internal, gather, { signature: sign(signedFor, gather), headers });

  it('forwarded headers are ignored unless trustProxy is set', async () => {
    const headers = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'example.com' };
    const { verify, rejections } = verifier();
    expect((await verify(proxied(publicUrl, headers))).valid).toBe(false);
    expect(rejections[0].url).toBe(internal);
    expect((await verifier({ trustProxy: true }).verify(proxied(publicUrl, headers))).valid).toBe(true);
  });

  it('the host comes from the Host header (Next.js puts its own address in request.url); a malformed one is not used', async () => {
    // What Next hands a route handler: its listening address, whatever the client called.
    const asNext = (signedFor: string, host: string) =>
      twilioRequest('http://localhost:3000/voice?a=1', gather, {
        signature: sign(signedFor, gather),
        headers: { Host: host },
      });
    const { verify, rejections } = verifier();
    const check = await verify(asNext('http://127.0.0.1:3000/voice?a=1', '127.0.0.1:3000'));
    expect(check).toMatchObject({ valid: true, url: 'http://127.0.0.1:3000/voice?a=1' });
    expect((await verify(asNext('http://localhost:3000/voice?a=1', '127.0.0.1:3000'))).valid).toBe(false);
    expect(rejections[0].url).toBe('http://127.0.0.1:3000/voice?a=1');
    for (const host of ['example.com/evil', 'a b', 'example.com:99999x', '']) {
      expect((await verify(asNext('http://localhost:3000/voice?a=1', host))).valid).toBe(true);
    }
    expect((await verify(asNext('http://[::1]:3000/voice?a=1', '[::1]:3000'))).valid).toBe(true);
  });

  it('trustProxy: http vs https is part of the signature', async () => {
    const { verify } = verifier({ trustProxy: true });
    const headers = { 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'example.com' };
    expect((await verify(proxied(publicUrl, headers))).valid).toBe(false);
    expect((await verify(proxied('http://example.com/voice', headers))).valid).toBe(true);
  });

  it('trustProxy: default ports match either way, other ports only when forwarded', async () => {
    const { verify, rejections } = verifier({ trustProxy: true });
    const https = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'example.com' };
    expect((await verify(proxied('https://example.com:443/voice', https))).valid).toBe(true);
    expect((await verify(proxied(publicUrl, { ...https, 'X-Forwarded-Port': '443' }))).valid).toBe(true);
    expect((await verify(proxied('https://example.com:8443/voice', https))).valid).toBe(false);
    expect(
      (await verify(proxied('https://example.com:8443/voice', { ...https, 'X-Forwarded-Port': '8443' }))).valid,
    ).toBe(true);
    const withPort = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'example.com:8443' };
    expect((await verify(proxied('https://example.com:8443/voice', withPort))).valid).toBe(true);
    expect(rejections.map((r) => r.url)).toEqual(['https://example.com/voice']);
  });

  it('trustProxy: the first of several values; malformed values are not used', async () => {
    const { verify, rejections } = verifier({ trustProxy: true });
    const chain = { 'X-Forwarded-Proto': 'https, http', 'X-Forwarded-Host': 'example.com, 10.0.0.7' };
    expect((await verify(proxied(publicUrl, chain))).valid).toBe(true);
    const bad = { 'X-Forwarded-Proto': 'gopher', 'X-Forwarded-Host': 'evil.com/voice?' };
    expect((await verify(proxied(publicUrl, bad))).valid).toBe(false);
    expect(rejections[0].url).toBe(internal);
  });

  it('baseUrl replaces the origin (and may add a path prefix)', async () => {
    expect((await verifier({ baseUrl: 'https://example.com' }).verify(proxied(publicUrl, {}))).valid).toBe(true);
    expect((await verifier({ baseUrl: 'https://example.com/' }).verify(proxied(publicUrl, {}))).valid).toBe(true);
    const prefixed = verifier({ baseUrl: 'https://example.com/twilio' });
    expect((await prefixed.verify(proxied('https://example.com/twilio/voice', {}))).valid).toBe(true);
  });

  it('url: a fixed URL, or one computed from the request', async () => {
    expect((await verifier({ url: publicUrl }).verify(proxied(publicUrl, {}))).valid).toBe(true);
    const computed = verifier({ url: (request) => request.url.replace('http://10.0.0.7:3000', 'https://example.com') });
    expect((await computed.verify(proxied(publicUrl, {}))).valid).toBe(true);
  });

  it('a malformed url or baseUrl is an error when the verifier is created', () => {
    expect(() => webhookVerifier({ authToken: TOKEN, baseUrl: 'example.com' })).toThrow(/baseUrl "example\.com"/);
    expect(() => webhookVerifier({ authToken: TOKEN, baseUrl: 'https://example.com/?a=1' })).toThrow(TypeError);
    expect(() => webhookVerifier({ authToken: TOKEN, url: '/voice' })).toThrow(/url "\/voice"/);
  });
});

describe('the auth token', () => {
  it('defaults to TWILIO_AUTH_TOKEN', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', TOKEN);
    expect((await verifyWebhook(twilioRequest(URL_, gather))).valid).toBe(true);
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'another-token');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect((await verifyWebhook(twilioRequest(URL_, gather))).valid).toBe(false);
  });

  it('missing: creating a verifier works (a build needs no token); each request is answered 500, logged once', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const rejections: WebhookRejection[] = [];
    const verify = webhookVerifier({ sharedKeySecret: 'shared-secret', onReject: (r) => rejections.push(r) });
    expect(error).not.toHaveBeenCalled();
    for (const request of [twilioRequest(URL_, gather), twilioRequest(URL_, gather, { signature: null })]) {
      const check = await verify(request);
      expect(check).toMatchObject({ valid: false, status: 500, reason: expect.stringMatching(/TWILIO_AUTH_TOKEN/) });
      if (check.valid) return;
      expect(check.response.status).toBe(500);
      expect(await check.response.text()).toBe(
        'Internal Server Error: the webhook cannot be verified (see the server log)',
      );
      expect(request.bodyUsed).toBe(false);
    }
    expect(error.mock.calls).toEqual([
      [
        'twiml-jsx/http: webhookVerifier() has no Twilio auth token to verify webhook signatures with: set the ' +
          'TWILIO_AUTH_TOKEN environment variable or pass { authToken }; every webhook request is answered 500 until then',
      ],
    ]);
    expect(JSON.stringify(error.mock.calls)).not.toContain('shared-secret');
    expect(rejections).toEqual([]); // not a refusal of the request: the server's configuration
    // The one-shot form says so too, once.
    expect(await verifyWebhook(twilioRequest(URL_, gather))).toMatchObject({ valid: false, status: 500 });
    expect(await verifyWebhook(twilioRequest(URL_, gather))).toMatchObject({ valid: false, status: 500 });
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls[1][0]).toMatch(/^twiml-jsx\/http: verifyWebhook\(\) has no Twilio auth token/);
    // Set later, the token is read at the next request, and kept.
    vi.stubEnv('TWILIO_AUTH_TOKEN', TOKEN);
    expect((await verify(twilioRequest(URL_, gather))).valid).toBe(true);
    vi.stubEnv('TWILIO_AUTH_TOKEN', 'another-token');
    expect((await verify(twilioRequest(URL_, gather))).valid).toBe(true);
  });

  it('an empty authToken: 500, and the log says the option is empty', async () => {
    vi.stubEnv('TWILIO_AUTH_TOKEN', TOKEN);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const check = await webhookVerifier({ authToken: '' })(twilioRequest(URL_, gather));
    expect(check).toMatchObject({ valid: false, status: 500 });
    expect(error.mock.calls[0][0]).toMatch(/TWILIO_AUTH_TOKEN.*\(authToken is an empty string\)/);
  });
});

describe('SharedKey signatures (X-Twilio-Webhooks-Signature-Settings)', () => {
  const SECRET = 'shared-key-secret';
  const settings = (algorithm: string) => ({
    'X-Twilio-Webhooks-Signature-Settings': `key=webhooks_sharedkey_1,algorithm=${algorithm}`,
  });

  it('checked with sharedKeySecret and the named algorithm', async () => {
    const { verify } = verifier({ sharedKeySecret: SECRET });
    const signature = sign(URL_, gather, SECRET, 'HMAC_SHA256');
    expect((await verify(twilioRequest(URL_, gather, { signature, headers: settings('HMAC_SHA256') }))).valid).toBe(
      true,
    );
    // The same signature without the header is checked with the auth token and SHA-1.
    expect((await verify(twilioRequest(URL_, gather, { signature }))).valid).toBe(false);
    // An auth-token signature with the header is checked with the shared key.
    expect((await verify(twilioRequest(URL_, gather, { headers: settings('HMAC_SHA1') }))).valid).toBe(false);
  });

  it('without sharedKeySecret, or with an unknown algorithm: 403', async () => {
    const { verify, rejections } = verifier();
    const signature = sign(URL_, gather, SECRET, 'HMAC_SHA256');
    expect((await verify(twilioRequest(URL_, gather, { signature, headers: settings('HMAC_SHA256') }))).valid).toBe(
      false,
    );
    const withSecret = verifier({ sharedKeySecret: SECRET });
    expect(
      (await withSecret.verify(twilioRequest(URL_, gather, { signature, headers: settings('HMAC_SHA3') }))).valid,
    ).toBe(false);
    expect(rejections[0].reason).toMatch(/no sharedKeySecret is configured/);
    expect(withSecret.rejections[0].reason).toMatch(/unsupported algorithm HMAC_SHA3/);
  });

  it('an empty sharedKeySecret is a startup error (an empty HMAC key is no secret)', () => {
    expect(() => webhookVerifier({ authToken: TOKEN, sharedKeySecret: '' })).toThrow(/empty sharedKeySecret/);
  });
});

describe('misuse and logging', () => {
  it('a body that was already read: a TypeError that says so', async () => {
    const request = twilioRequest(URL_, gather);
    await request.text();
    await expect(verifier().verify(request)).rejects.toThrow(/already read.*before anything else reads it/);
  });

  it('rejections are logged with console.warn by default, naming the URL checked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const verify = webhookVerifier({ authToken: TOKEN });
    await verify(twilioRequest(URL_, gather, { signature: 'x' }));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/rejected POST https:\/\/example\.com\/menu\/choice\?retries=1 with 403/);
  });
});
