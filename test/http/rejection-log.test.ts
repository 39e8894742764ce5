/**
 * Issue 13, item 10 (first half): the default rejection log is rate-limited (the first refusals
 * one line each, then at most one summary line per interval), on fake timers; and no log line or
 * rejection holds a secret (auth token, signature, URL password).
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rejectionLogger, webhookVerifier, type WebhookRejection } from 'twiml-jsx/http';
import { callParams, formBody, sign, TOKEN, twilioRequest } from './support.js';

const URL_ = 'https://example.com/voice';
const forged: WebhookRejection = {
  status: 403,
  reason: 'X-Twilio-Signature does not match',
  method: 'POST',
  url: URL_,
};

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A fresh copy of twiml-jsx/http, so that its shared default log starts empty. */
async function freshHttp() {
  vi.resetModules();
  return import('twiml-jsx/http');
}

describe('the default rejection log', () => {
  it('the issue: 17,621 refusals in 10 s give 10 lines and one summary, not 17,621 lines', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { webhookVerifier: fresh } = await freshHttp();
    const verify = fresh({ authToken: TOKEN });
    for (let i = 0; i < 17_621; i++) {
      // Forged or unsigned, a refusal is a refusal; unsigned ones cost the test the least.
      await verify(twilioRequest(URL_, {}, { method: 'GET', signature: i % 2 ? 'forged' : null }));
      if (i % 1000 === 999) vi.advanceTimersByTime(500); // spread over ~9 s
    }
    expect(warn).toHaveBeenCalledTimes(10);
    expect(warn.mock.calls[0][0]).toBe(
      'twiml-jsx/http: rejected GET https://example.com/voice with 400: no X-Twilio-Signature header',
    );
    vi.advanceTimersByTime(10_000);
    expect(warn).toHaveBeenCalledTimes(11);
    expect(warn.mock.calls[10][0]).toBe(
      'twiml-jsx/http: 17,611 more webhook requests refused in the last 10 s (8,806 × 400, 8,805 × 403), not logged one by one',
    );
    vi.advanceTimersByTime(60_000); // nothing more to say
    expect(warn).toHaveBeenCalledTimes(11);
  });

  it('is one log for every verifier of the process, verifyWebhook() included', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const http = await freshHttp();
    const a = http.webhookVerifier({ authToken: TOKEN });
    for (let i = 0; i < 6; i++) {
      await a(twilioRequest(URL_, {}, { signature: null }));
      await http.verifyWebhook(twilioRequest(URL_, {}, { signature: 'x' }), { authToken: TOKEN });
    }
    expect(warn).toHaveBeenCalledTimes(10);
    vi.advanceTimersByTime(10_000);
    expect(warn.mock.calls.at(-1)?.[0]).toBe(
      'twiml-jsx/http: 2 more webhook requests refused in the last 10 s (1 × 400, 1 × 403), not logged one by one',
    );
  });
});

describe('rejectionLogger(): the kind', () => {
  function logger(options: Parameters<typeof rejectionLogger>[0] = {}) {
    const lines: string[] = [];
    return { lines, log: rejectionLogger({ write: (line) => lines.push(line), ...options }) };
  }

  it('the first refusals in full, then one summary per interval while the flood lasts', () => {
    const { lines, log } = logger({ first: 2, intervalMs: 1000 });
    for (let second = 0; second < 3; second++) {
      for (let i = 0; i < 100; i++) log(i % 10 === 0 ? { ...forged, status: 413 } : forged);
      vi.advanceTimersByTime(1000);
    }
    expect(lines.slice(0, 2)).toEqual([
      expect.stringMatching(/^twiml-jsx\/http: rejected POST .* with 413/),
      expect.stringMatching(/^twiml-jsx\/http: rejected POST .* with 403/),
    ]);
    expect(lines.slice(2)).toEqual([
      'twiml-jsx/http: 98 more webhook requests refused in the last 1 s (89 × 403, 9 × 413), not logged one by one',
      'twiml-jsx/http: 100 more webhook requests refused in the last 1 s (90 × 403, 10 × 413), not logged one by one',
      'twiml-jsx/http: 100 more webhook requests refused in the last 1 s (90 × 403, 10 × 413), not logged one by one',
    ]);
  });

  it('after an interval without refusals past the allowance, refusals are logged in full again', () => {
    const { lines, log } = logger({ first: 1, intervalMs: 10_000 });
    log(forged);
    log(forged);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2); // one in full, one summary ("1 more …")
    expect(lines[1]).toBe(
      'twiml-jsx/http: 1 more webhook request refused in the last 10 s (1 × 403), not logged one by one',
    );
    vi.advanceTimersByTime(10_000); // a quiet interval
    log(forged);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^twiml-jsx\/http: rejected POST/);
  });

  it('a few refusals an interval are all logged in full, with no summary', () => {
    const { lines, log } = logger({ first: 3, intervalMs: 1000 });
    for (let i = 0; i < 5; i++) {
      log(forged);
      log(forged);
      vi.advanceTimersByTime(1000);
    }
    expect(lines).toHaveLength(10);
    expect(lines.every((line) => line.startsWith('twiml-jsx/http: rejected POST'))).toBe(true);
  });

  it('never keeps the process alive, and checks its options', () => {
    vi.useRealTimers();
    const unref = vi.fn();
    vi.spyOn(globalThis, 'setTimeout').mockReturnValue({ unref } as unknown as ReturnType<typeof setTimeout>);
    logger().log(forged);
    expect(unref).toHaveBeenCalledTimes(1);
    expect(() => rejectionLogger({ first: -1 })).toThrow(/first -1/);
    expect(() => rejectionLogger({ intervalMs: 0 })).toThrow(/intervalMs 0/);
  });
});

describe('no secret in any log line or rejection', () => {
  it('whatever the token, signature and URL password, none of them is logged', async () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9+=_-]{12,40}$/);
    await fc.assert(
      fc.asyncProperty(
        secret,
        secret,
        secret,
        fc.integer({ min: 0, max: 3 }),
        async (token, signature, password, kind) => {
          fc.pre(![token, signature, password].some((s) => 'https://example.com/voice'.includes(s)));
          const lines: string[] = [];
          const rejections: WebhookRejection[] = [];
          const url = `https://owl:${password}@example.com/voice`;
          const verify = webhookVerifier({
            authToken: token,
            url,
            maxBodyBytes: 2000,
            onReject: (rejection) => {
              rejections.push(rejection);
              rejectionLogger({ write: (line) => lines.push(line) })(rejection);
            },
          });
          const params = callParams({ Body: kind === 2 ? 'x'.repeat(3000) : 'hi' });
          const headers: Record<string, string> =
            kind === 3
              ? { 'X-Twilio-Webhooks-Signature-Settings': 'key=webhooks_sharedkey_1,algorithm=HMAC_SHA256' }
              : {};
          const request = twilioRequest(URL_, params, { signature: kind === 0 ? null : signature, headers });
          const check = await verify(request);
          expect(check.valid).toBe(false);
          expect(lines).toHaveLength(1);
          const logged = [...lines, JSON.stringify(rejections)].join('\n');
          for (const value of [token, signature, password]) expect(logged).not.toContain(value);
          expect(lines[0]).toContain('https://owl:***@example.com/voice');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a valid request still verifies against the URL with its password (only logs are redacted)', async () => {
    const url = 'https://owl:s3cret@example.com/voice';
    const params = callParams();
    const request = new Request(URL_, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sign(url, params) },
      body: formBody(params),
    });
    const check = await webhookVerifier({ authToken: TOKEN, url })(request);
    expect(check).toMatchObject({ valid: true, url });
  });
});
