/**
 * Twilio's signature algorithm against the published test vectors (REST-FACTS §3.2: the
 * official helper's spec/validation.spec.js and spec/unit/webhooks/webhooks.spec.js).
 */
import { describe, expect, it } from 'vitest';
import {
  computeBodyHash,
  computeSignature,
  signatureAlgorithmOf,
  validateRequest,
  validateRequestWithBody,
} from 'twiml-jsx/http';

const TOKEN = '12345';
const BASE = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const P = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const V9_PARAMS = { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] };
const V9_REVERSED = { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] };
const V10_PARAMS = { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] };
const HASH = '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';
const JSON_BODY = '{"property": "value", "boolean": true}';

describe('computeSignature: vectors V1–V13', () => {
  it.each([
    ['V1', BASE, P, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
    ['V2', 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', P, 'Zmvh+3yNM1Phv2jhDCwEM3q5ebU='],
    ['V3', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', P, 'kvajT1Ptam85bY51eRf/AJRuM3w='],
    ['V4', 'http://mycompany.com:80/myapp.php?foo=1&bar=2', P, '0ZXoZLH/DfblKGATFgpif+LLRf4='],
    ['V5', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2', P, 'CukzLTc1tT5dXEDIHm/tKBanW10='],
    ['V6', 'https://user@mycompany.com/myapp.php?foo=1&bar=2', P, '2YRLlVAflCqxaNicjMpJcSTgzSs='],
    ['V7', 'https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2', P, 'ZQFR1PTIZXF2MXB8ZnKCvnnA+rI='],
    ['V8', `${BASE}&Body=It%27s+amazing`, P, 'TfZzewPq8wqrGlMfyAud8+/IvJ0='],
    ['V8 raw form', `${BASE}&Body=It's+amazing`, P, 'dsq4Ehbj6cs+KdTkpF5sSSplOWw='],
    ['V9', BASE, V9_PARAMS, '83O6e2vORAoJHUNzJjDWN1jz+BA='],
    ['V9 other order', BASE, V9_REVERSED, '83O6e2vORAoJHUNzJjDWN1jz+BA='],
    ['V10', BASE, V10_PARAMS, 'IK+Dwps556ElfBT0I3Rgjkr1wJU='],
    ['V11', `${BASE}&bodySHA256=${HASH}`, {}, 'a9nBmqA0ju/hNViExpshrM61xv4='],
    [
      'V12',
      'https://mycompany.com:443/myapp.php?foo=1&bar=2&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      {},
      'Ldidvp12m26NI7eqEvxnEpkd9Hc=',
    ],
    [
      'V12 without port',
      'https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      {},
      'rw/jVviOgicj2+kHZULvebnA4ag=',
    ],
    ['V13', `https://mycompany.com/myapp.php?bodySHA256=${HASH}`, {}, 'y77kIzt2vzLz71DgmJGsen2scGs='],
  ] as const)('%s', (_, url, params, signature) => {
    expect(computeSignature(TOKEN, url, params)).toBe(signature);
  });

  it('V13 with null parameters', () => {
    expect(computeSignature(TOKEN, `https://mycompany.com/myapp.php?bodySHA256=${HASH}`, null)).toBe(
      'y77kIzt2vzLz71DgmJGsen2scGs=',
    );
  });

  it('takes URLSearchParams, repeated names as arrays', () => {
    const search = new URLSearchParams([
      ['Sid', 'CA123'],
      ['Digits', '5678'],
      ['SidAccount', 'AC123'],
      ['Digits', '1234'],
      ['Digits', '1234'],
    ]);
    expect(computeSignature(TOKEN, BASE, search)).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('refuses an unknown algorithm, naming it', () => {
    expect(() => computeSignature(TOKEN, BASE, P, { algorithm: 'HMAC_MD5' })).toThrow(/"HMAC_MD5".*HMAC_SHA1/);
  });

  it('HMAC_SHA256 signs the same string with SHA-256 (case-insensitive name)', () => {
    const sha256 = computeSignature(TOKEN, BASE, P, { algorithm: 'HMAC_SHA256' });
    expect(sha256).toHaveLength(44);
    expect(computeSignature(TOKEN, BASE, P, { algorithm: 'hmac_sha256' })).toBe(sha256);
    expect(computeSignature(TOKEN, BASE, P, { algorithm: 'hmac_sha1' })).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });
});

describe('validateRequest: vectors', () => {
  const V1 = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';
  it.each([
    ['V1: correct signature', V1, BASE, P],
    ['V1: the request URL has a port', V1, 'https://mycompany.com:1234/myapp.php?foo=1&bar=2', P],
    [
      'V2: http with the port kept',
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
      'http://mycompany.com:1234/myapp.php?foo=1&bar=2',
      P,
    ],
    ['V3: :443 added to a URL without a port', 'kvajT1Ptam85bY51eRf/AJRuM3w=', BASE, P],
    ['V4: :80 added', '0ZXoZLH/DfblKGATFgpif+LLRf4=', 'http://mycompany.com/myapp.php?foo=1&bar=2', P],
    [
      'V5: credentials kept',
      'CukzLTc1tT5dXEDIHm/tKBanW10=',
      'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2',
      P,
    ],
    ['V6: user only', '2YRLlVAflCqxaNicjMpJcSTgzSs=', 'https://user@mycompany.com/myapp.php?foo=1&bar=2', P],
    [
      'V7: credentials, :443 added',
      'ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=',
      'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2',
      P,
    ],
    [
      'V8: the raw query matches through its normalised form',
      'TfZzewPq8wqrGlMfyAud8+/IvJ0=',
      `${BASE}&Body=It's+amazing`,
      P,
    ],
    ['V9: array values sorted', '83O6e2vORAoJHUNzJjDWN1jz+BA=', BASE, V9_REVERSED],
    ['V10: array values de-duplicated and sorted', 'IK+Dwps556ElfBT0I3Rgjkr1wJU=', BASE, V10_PARAMS],
  ] as const)('%s', (_, signature, url, params) => {
    expect(validateRequest(TOKEN, signature, url, params)).toBe(true);
  });

  it('negative cases: wrong or missing signature, a tampered or an extra parameter', () => {
    expect(validateRequest(TOKEN, 'WRONG_SIGNATURE', BASE, P)).toBe(false);
    expect(validateRequest(TOKEN, undefined, BASE, P)).toBe(false);
    expect(validateRequest(TOKEN, null, BASE, P)).toBe(false);
    expect(validateRequest(TOKEN, '', BASE, P)).toBe(false);
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, { ...P, Digits: '1235' })).toBe(false);
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, { ...P, Extra: '' })).toBe(false);
    expect(validateRequest('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, P)).toBe(false);
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', `${BASE}&baz=3`, P)).toBe(false);
  });

  it('an unknown algorithm fails, it does not throw', () => {
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, P, { algorithm: 'HMAC_MD5' })).toBe(false);
  });

  it('a URL new URL() rejects is false, unless it matches as received', () => {
    const broken = 'https://exa mple.com:99999/x';
    expect(validateRequest(TOKEN, computeSignature(TOKEN, 'https://exa mple.com/x', {}), broken, {})).toBe(true);
    expect(validateRequest(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', broken, {})).toBe(false);
  });
});

describe('validateRequestWithBody: vectors', () => {
  it('V11 / V13: the body matches bodySHA256', () => {
    expect(
      validateRequestWithBody(TOKEN, 'a9nBmqA0ju/hNViExpshrM61xv4=', `${BASE}&bodySHA256=${HASH}`, JSON_BODY),
    ).toBe(true);
    expect(
      validateRequestWithBody(
        TOKEN,
        'y77kIzt2vzLz71DgmJGsen2scGs=',
        `https://mycompany.com/myapp.php?bodySHA256=${HASH}`,
        JSON_BODY,
      ),
    ).toBe(true);
  });

  it('V12: only the URL with :443 matches, reached through the added port', () => {
    const url =
      'https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
    expect(validateRequestWithBody(TOKEN, 'Ldidvp12m26NI7eqEvxnEpkd9Hc=', url, '{}')).toBe(true);
  });

  it('takes the body as bytes', () => {
    expect(
      validateRequestWithBody(
        TOKEN,
        'a9nBmqA0ju/hNViExpshrM61xv4=',
        `${BASE}&bodySHA256=${HASH}`,
        new TextEncoder().encode(JSON_BODY),
      ),
    ).toBe(true);
  });

  it('negative cases: another body, the V1 signature without bodySHA256, a wrong signature, a broken URL', () => {
    const url = `${BASE}&bodySHA256=${HASH}`;
    expect(validateRequestWithBody(TOKEN, 'a9nBmqA0ju/hNViExpshrM61xv4=', url, '{"property": "value"}')).toBe(false);
    expect(validateRequestWithBody(TOKEN, 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', BASE, JSON_BODY)).toBe(false);
    expect(validateRequestWithBody(TOKEN, 'WRONG_SIGNATURE', url, JSON_BODY)).toBe(false);
    expect(validateRequestWithBody(TOKEN, 'a9nBmqA0ju/hNViExpshrM61xv4=', 'not a url', JSON_BODY)).toBe(false);
  });
});

describe('computeBodyHash', () => {
  it('is the lower-case hex SHA-256 of the UTF-8 body', () => {
    expect(computeBodyHash(JSON_BODY)).toBe(HASH);
    expect(computeBodyHash('{}')).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(computeBodyHash(new TextEncoder().encode(JSON_BODY))).toBe(HASH);
    expect(computeBodyHash('é')).toBe(computeBodyHash(new Uint8Array([0xc3, 0xa9])));
  });
});

describe('token s3cr3t, no parameters (webhooks.spec.js)', () => {
  it.each([
    [
      'https://example.com/path?test=param',
      'loLgTitFAoWx57yy5oEU4Hlddzw=',
      'https://example.com/path?test=param2',
      false,
    ],
    [
      'https://example.com:443/path?test=param',
      'IdwMFypqvNxti3YgvWWmfcNL26M=',
      'https://example.com:443/path?test=param',
      true,
    ],
    [
      'https://example.com:443/path?test=param',
      'IdwMFypqvNxti3YgvWWmfcNL26M=',
      'https://example.com/path?test=param',
      true,
    ],
    [
      'https://example.com/path?test=param',
      'loLgTitFAoWx57yy5oEU4Hlddzw=',
      'https://example.com/path?test=param',
      true,
    ],
    [
      'https://example.com/path?test=param',
      'loLgTitFAoWx57yy5oEU4Hlddzw=',
      'https://example.com:443/path?test=param',
      true,
    ],
    [
      "https://example.com/path?test=param'WithQuote",
      'GfI7onHX/KQ2k1oVS3cUTVk4IEw=',
      "https://example.com/path?test=param'WithQuote",
      true,
    ],
    [
      "https://example.com/path?test=param'WithQuote",
      'GfI7onHX/KQ2k1oVS3cUTVk4IEw=',
      'https://example.com/path?test=param%27WithQuote',
      true,
    ],
    [
      'https://example.com/path?test=param%27WithQuote',
      'HkuXLxVQ7zHv9LmGpzlLuGaxhJY=',
      "https://example.com/path?test=param'WithQuote",
      true,
    ],
    [
      'https://example.com/path?test=param%27WithQuote',
      'HkuXLxVQ7zHv9LmGpzlLuGaxhJY=',
      'https://example.com/path?test=param%27WithQuote',
      true,
    ],
  ] as const)('%s, signed as %s, received as %s', (signed, signature, received, verdict) => {
    expect(computeSignature('s3cr3t', signed, {})).toBe(signature);
    expect(validateRequest('s3cr3t', signature, received, {})).toBe(verdict);
  });
});

describe('signatureAlgorithmOf', () => {
  it('reads algorithm= from the settings header, HMAC_SHA1 otherwise', () => {
    expect(signatureAlgorithmOf('key=webhooks_sharedkey_1,algorithm=HMAC_SHA256')).toBe('HMAC_SHA256');
    expect(signatureAlgorithmOf(' algorithm = HMAC_SHA256 , key=x')).toBe('HMAC_SHA256');
    expect(signatureAlgorithmOf('key=x,algorithm=')).toBe('HMAC_SHA1');
    expect(signatureAlgorithmOf('key=x')).toBe('HMAC_SHA1');
    expect(signatureAlgorithmOf(undefined)).toBe('HMAC_SHA1');
    expect(signatureAlgorithmOf(null)).toBe('HMAC_SHA1');
  });
});
