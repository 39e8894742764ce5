/**
 * The IVR of ivr.tsx served by Express 5, every webhook checked against X-Twilio-Signature.
 *
 *   TWILIO_AUTH_TOKEN=… npm run example:express        listens on PORT (3000), HOST (all interfaces)
 *   npm run example:express -- --insecure              local play with curl: no signature checks
 *
 * Point your number's "A call comes in" webhook at https://<public host>/voice (HTTP POST).
 * Behind ngrok or another proxy, X-Forwarded-Proto/Host give the public URL (trustProxy), or
 * set PUBLIC_URL=https://… to name it.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { expressTwiml, expressWebhook, type GatherCallback } from 'twiml-jsx/http';
import Menu, { MenuChoice } from './ivr.js';

const insecure = process.argv.includes('--insecure');
if (!insecure && !process.env.TWILIO_AUTH_TOKEN) {
  console.error('Set TWILIO_AUTH_TOKEN to your auth token (or pass --insecure to play locally without signatures).');
  process.exit(1);
}

const app = express();
// Only requests signed by Twilio get past this (400 unsigned, 403 forged); it also parses the form.
const fromTwilio = insecure
  ? express.urlencoded()
  : expressWebhook({ trustProxy: true, baseUrl: process.env.PUBLIC_URL || undefined });

app.post(
  '/voice',
  fromTwilio,
  expressTwiml((req) => <Menu retries={Number(req.query.retries) || 0} />),
);
app.post(
  '/menu/choice',
  fromTwilio,
  expressTwiml((req) => {
    const { Digits, SpeechResult } = req.body as GatherCallback;
    return <MenuChoice digits={Digits} speech={SpeechResult} />;
  }),
);

const host = process.env.HOST;
const server = app.listen(Number(process.env.PORT ?? 3000), host ?? '', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`IVR served by Express on http://${host ?? 'localhost'}:${port}/voice`);
  if (insecure) console.warn('WARNING: --insecure: webhook signatures are NOT checked; anyone can drive this IVR.');
});
