/** What a module may export: a Fetch handler, { fetch }, or a Node/Express app; anything else is named. */
import { createServer } from 'node:http';
import express from 'express';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handlerOf } from '../../src/dev/handler.js';

describe('handlerOf', () => {
  it('a Hono app and any { fetch } object: called with a Request, as the object', async () => {
    const app = new Hono().get('/', (c) => c.text('hono'));
    const hono = handlerOf(app, 'default', 'app.tsx');
    expect(hono.kind).toBe('fetch');
    if (hono.kind === 'fetch') expect(await (await hono.fetch(new Request('http://x/'))).text()).toBe('hono');
    const worker = {
      greeting: 'worker',
      fetch(this: { greeting: string }) {
        return new Response(this.greeting);
      },
    };
    const handler = handlerOf(worker, 'default', 'app.tsx');
    if (handler.kind === 'fetch') expect(await (await handler.fetch(new Request('http://x/'))).text()).toBe('worker');
  });

  it.each([
    ['a Fetch handler', (request: Request) => new Response(request.url), 'fetch'],
    ['an async Fetch handler', async () => new Response('x'), 'fetch'],
    ['an Express app', express(), 'node'],
    ['a Node listener (req, res)', (_req: unknown, res: { end(): void }) => res.end(), 'node'],
    ['an http.Server', createServer(), 'node'],
    ['a Koa-like app', { callback: () => () => {}, use: () => {} }, 'node'],
  ])('%s', (_, value, kind) => {
    expect(handlerOf(value, 'default', 'app.tsx').kind).toBe(kind);
  });

  it.each([
    [undefined, 'the default export of app.tsx is undefined;'],
    [null, 'the default export of app.tsx is null'],
    [42, 'the default export of app.tsx is number 42'],
    [{ routes: [], port: 3000 }, 'the default export of app.tsx is an object with routes, port'],
  ])('refuses %j, saying what it is', (value, start) => {
    expect(() => handlerOf(value, 'default', 'app.tsx')).toThrow(start);
    expect(() => handlerOf(value, 'default', 'app.tsx')).toThrow(
      'export a Fetch handler ((request) => Response), an object with fetch() (a Hono app), or a Node/Express app',
    );
  });

  it('names a named export', () => {
    expect(() => handlerOf('x', 'app', 'server.ts')).toThrow('the export app of server.ts is string "x"');
  });
});
