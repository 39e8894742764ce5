/** `twiml()` (Fetch) and the answer it builds: status, headers, body, failures and the fallback. */
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { Hangup, render, Response, Say, TwiMLValidationError, type TwiMLElement } from 'twiml-jsx';
import {
  expressTwiML,
  expressTwiml,
  fastifyTwiML,
  fastifyTwiml,
  sendTwiML,
  sendTwiml,
  twiml,
  TWIML_CONTENT_TYPE,
  type TwiMLInit,
  type TwimlInit,
} from 'twiml-jsx/http';
import Menu from '../../examples/ivr.jsx';
import { apology, broken } from './support.js';

describe('twiml()', () => {
  it('answers 200 text/xml with the rendered document', async () => {
    const response = twiml(<Menu />);
    expect(response).toBeInstanceOf(globalThis.Response);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(TWIML_CONTENT_TYPE).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toBe(render(<Menu />));
  });

  it('takes a status, extra headers and render options', async () => {
    const response = twiml(<Menu retries={2} />, {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
      pretty: true,
      declaration: false,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(await response.text()).toBe(render(<Menu retries={2} />, { pretty: true, declaration: false }));
  });

  it('takes headers as pairs or a Headers object; a Content-Type there replaces the default', async () => {
    const pairs = twiml(apology, { headers: [['Content-Type', 'application/xml']] });
    expect(pairs.headers.get('content-type')).toBe('application/xml');
    const headers = twiml(apology, { headers: new Headers({ 'X-Flow': 'apology' }) });
    expect(headers.headers.get('x-flow')).toBe('apology');
    expect(headers.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  });

  it('a document that fails validation: 500, plain text, the error logged, no TwiML', async () => {
    const onError = vi.fn();
    const response = twiml(broken, { onError, headers: { 'X-Flow': 'menu' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-flow')).toBeNull();
    const body = await response.text();
    expect(body).not.toContain('<');
    expect(body).toMatch(/could not be rendered/);
    expect(onError).toHaveBeenCalledTimes(1);
    const [error] = onError.mock.calls[0];
    expect(error).toBeInstanceOf(TwiMLValidationError);
    expect((error as TwiMLValidationError).problems).toMatchObject([
      { code: 'out-of-range', path: 'Response > Pause' },
    ]);
  });

  it('logs with console.error by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(twiml(broken).status).toBe(500);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0][0]).toMatch(/twiml-jsx\/http/);
      expect(spy.mock.calls[0][1]).toBeInstanceOf(TwiMLValidationError);
    } finally {
      spy.mockRestore();
    }
  });

  it('serves the fallback instead, with the success status, after logging', async () => {
    const onError = vi.fn();
    const response = twiml(broken, { fallback: apology, onError, headers: { 'X-Flow': 'menu' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(response.headers.get('x-flow')).toBe('menu');
    expect(await response.text()).toBe(render(apology));
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('a fallback that fails too: 500, both errors logged', async () => {
    const onError = vi.fn();
    const response = twiml(broken, { fallback: broken, onError });
    expect(response.status).toBe(500);
    expect(onError).toHaveBeenCalledTimes(2);
  });

  it('something that is not an element is a render error like any other', async () => {
    const onError = vi.fn();
    const response = twiml('<Response/>' as unknown as TwiMLElement, { onError });
    expect(response.status).toBe(500);
    expect(onError.mock.calls[0][0]).toBeInstanceOf(TypeError);
  });

  it('passes warnings to onWarning and still serves', async () => {
    const onWarning = vi.fn();
    const warned = (
      <Response>
        <Hangup />
        <Say>never spoken</Say>
      </Response>
    );
    const response = twiml(warned, { onWarning });
    expect(response.status).toBe(200);
    expect(onWarning).toHaveBeenCalledTimes(1);
  });
});

describe('the 0.1 names (deprecated until 0.3)', () => {
  it('are the same functions and types as the TwiML-spelled ones', () => {
    expect(sendTwiml).toBe(sendTwiML);
    expect(expressTwiml).toBe(expressTwiML);
    expect(fastifyTwiml).toBe(fastifyTwiML);
    expectTypeOf<TwimlInit>().toEqualTypeOf<TwiMLInit>();
  });
});
