/**
 * The IVR of ivr.tsx served by Hono on Node (@hono/node-server), every webhook checked against
 * X-Twilio-Signature. The handlers return Fetch Responses, so they run as they are on Bun,
 * Deno, Workers or in a Next.js route.
 *
 *   TWILIO_AUTH_TOKEN=… npm run example:hono           listens on PORT (3000), HOST (all interfaces)
 *   npm run example:hono -- --insecure                 local play with curl: no signature checks
 *
 * Point your number's "A call comes in" webhook at https://<public host>/voice (HTTP POST).
 * Behind ngrok or another proxy, X-Forwarded-Proto/Host give the public URL (trustProxy), or
 * set PUBLIC_URL=https://… to name it.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { type GatherCallback, honoWebhook, readWebhook, twiml } from 'twiml-jsx/http';
import Menu, { MenuChoice } from './ivr.js';

const insecure = process.argv.includes('--insecure');
if (!insecure && !process.env.TWILIO_AUTH_TOKEN) {
  console.error('Set TWILIO_AUTH_TOKEN to your auth token (or pass --insecure to play locally without signatures).');
  process.exit(1);
}

const app = new Hono();
// Only requests signed by Twilio reach the routes (400 unsigned, 403 forged).
if (!insecure) app.use('*', honoWebhook({ trustProxy: true, baseUrl: process.env.PUBLIC_URL || undefined }));

app.post('/voice', (c) => twiml(<Menu retries={Number(c.req.query('retries')) || 0} />));
app.post('/menu/choice', async (c) => {
  const { Digits, SpeechResult } = await readWebhook<GatherCallback>(c.req.raw);
  return twiml(<MenuChoice digits={Digits} speech={SpeechResult} />);
});

const host = process.env.HOST;
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 3000), hostname: host }, ({ port }) => {
  console.log(`IVR served by Hono on http://${host ?? 'localhost'}:${port}/voice`);
  if (insecure) console.warn('WARNING: --insecure: webhook signatures are NOT checked; anyone can drive this IVR.');
});
