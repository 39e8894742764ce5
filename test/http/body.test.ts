/** Reading webhook parameters from Fetch requests (src/http/body.ts). */
import { describe, expect, it } from 'vitest';
import { type GatherCallback, parseForm, readForm, readWebhook } from 'twiml-jsx/http';
import { callParams, formBody } from './support.js';

const post = (body: string, contentType = 'application/x-www-form-urlencoded') =>
  new Request('https://example.com/hook?retries=1', { method: 'POST', headers: { 'Content-Type': contentType }, body });

describe('parseForm', () => {
  it('decodes + and percent-escapes; repeated names keep every value in order', () => {
    const form = parseForm('Body=It%27s+amazing%21&To=%2B15555550100&Media=b&Media=a&Media=b&Empty=&Flag');
    expect(form).toEqual({ Body: "It's amazing!", To: '+15555550100', Media: ['b', 'a', 'b'], Empty: '', Flag: '' });
  });

  it('has no prototype: __proto__ and constructor are ordinary fields', () => {
    const form = parseForm('__proto__=x&constructor=y&hasOwnProperty=z');
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(Object.keys(form)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(form['__proto__']).toBe('x');
  });

  it('accepts a leading ? (a query string)', () => {
    expect(parseForm('?a=1')).toEqual({ a: '1' });
  });
});

describe('readForm', () => {
  it('reads a form POST through a clone: the body stays readable', async () => {
    const body = formBody(callParams({ Digits: '1' }));
    const request = post(body, 'application/x-www-form-urlencoded; charset=UTF-8');
    const form = await readForm(request);
    expect(form).toMatchObject({ Digits: '1', FromCity: "ST. JOHN'S", CallStatus: 'in-progress' });
    expect(form).not.toHaveProperty('retries');
    expect(await readForm(request)).toEqual(form);
    expect(await request.text()).toBe(body);
  });

  it('reads the query string of a GET', async () => {
    const request = new Request(`https://example.com/voice?${formBody({ Digits: '9', SpeechResult: 'sales' })}`);
    expect(await readForm(request)).toEqual({ Digits: '9', SpeechResult: 'sales' });
  });

  it('an empty untyped POST has no parameters', async () => {
    expect(await readForm(new Request('https://example.com/', { method: 'POST' }))).toEqual({});
  });

  it('refuses other content types and bodies already read, saying which request', async () => {
    await expect(readForm(post('{}', 'application/json'))).rejects.toThrow(
      /readForm\(\) expects an application\/x-www-form-urlencoded body, but POST https:\/\/example\.com\/hook\?retries=1 has Content-Type "application\/json"/,
    );
    const used = post('Digits=1');
    await used.text();
    await expect(readForm(used)).rejects.toThrow(/readForm\(\) cannot read the body of POST .*already read/);
  });
});

describe('readWebhook', () => {
  it('types the parameters', async () => {
    const gather = await readWebhook<GatherCallback>(post(formBody(callParams({ Digits: '2', Confidence: '0.5' }))));
    expect(gather.Digits).toBe('2');
    expect(gather.Confidence).toBe('0.5');
    expect(gather.CallStatus).toBe('in-progress');
  });

  it('reads JSON webhooks as the document', async () => {
    expect(await readWebhook(post('{"EventType":"x","n":1}', 'application/json'))).toEqual({ EventType: 'x', n: 1 });
    await expect(readWebhook(post('{nope', 'application/json'))).rejects.toThrow(/not valid JSON/);
  });

  it('reads GET parameters from the query even with a JSON content type header', async () => {
    const request = new Request('https://example.com/?Digits=3', { headers: { 'Content-Type': 'application/json' } });
    expect(await readWebhook<GatherCallback>(request)).toEqual({ Digits: '3' });
  });
});
