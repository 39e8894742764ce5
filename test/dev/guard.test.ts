/**
 * Who may talk to the dev server: only requests for a loopback host (no DNS rebinding), and
 * actions only from the page itself (a loopback Origin, JSON bodies).
 */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isLoopbackOrigin, refusal } from '../../src/dev/guard.js';

describe('isLoopbackHost', () => {
  it.each([
    '127.0.0.1:4000',
    '127.0.0.1',
    'localhost:4000',
    'LOCALHOST:4000',
    'localhost',
    '[::1]:4000',
    '[::1]',
    '127.1.2.3:80',
  ])('accepts %s', (host) => expect(isLoopbackHost(host)).toBe(true));

  it.each([
    // DNS rebinding: a name of the attacker's, resolving to 127.0.0.1.
    'attacker.example:4000',
    'attacker.example',
    '127.0.0.1.attacker.example:4000',
    'localhost.attacker.example',
    'sub.localhost:4000',
    // Other interfaces and malformed headers.
    '192.168.1.10:4000',
    '0.0.0.0:4000',
    '[::]:4000',
    '[::ffff:127.0.0.1]:4000',
    '127.0.0.256:4000',
    '127.0.0.1:99999',
    '127.0.0.1:4000:1',
    'user@127.0.0.1:4000',
    '127.0.0.1 :4000',
    '',
    undefined,
  ])('refuses %j', (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe('isLoopbackOrigin', () => {
  it.each([undefined, 'http://127.0.0.1:4000', 'http://localhost:4000', 'http://[::1]:4000'])('accepts %j', (origin) =>
    expect(isLoopbackOrigin(origin)).toBe(true),
  );
  it.each(['null', 'https://127.0.0.1:4000', 'http://attacker.example', 'http://127.0.0.1:4000/path', 'file://', ''])(
    'refuses %j',
    (origin) => expect(isLoopbackOrigin(origin)).toBe(false),
  );
});

describe('refusal', () => {
  const ok = {
    method: 'POST',
    host: '127.0.0.1:4000',
    origin: 'http://127.0.0.1:4000',
    contentType: 'application/json',
    sensitive: true,
  };

  it('lets the page act', () => {
    expect(refusal(ok)).toBeUndefined();
    expect(refusal({ ...ok, origin: undefined, contentType: 'application/json; charset=utf-8' })).toBeUndefined();
  });

  it('refuses a rebound host, naming it', () => {
    expect(refusal({ ...ok, method: 'GET', host: 'attacker.example:4000', sensitive: false })).toEqual({
      status: 403,
      reason:
        'twiml-jsx dev answers only requests for a loopback host (127.0.0.1, localhost, [::1]); this one is for "attacker.example:4000"',
    });
  });

  it('refuses actions from another origin and form posts', () => {
    expect(refusal({ ...ok, origin: 'http://attacker.example' })?.status).toBe(403);
    expect(refusal({ ...ok, contentType: 'application/x-www-form-urlencoded' })?.status).toBe(415);
    expect(refusal({ ...ok, contentType: 'text/plain' })?.status).toBe(415);
    expect(refusal({ ...ok, contentType: undefined })?.status).toBe(415);
  });

  it('serves the page itself to any loopback request', () => {
    expect(
      refusal({
        method: 'GET',
        host: 'localhost:4000',
        origin: 'http://x.example',
        contentType: undefined,
        sensitive: false,
      }),
    ).toBeUndefined();
  });
});
