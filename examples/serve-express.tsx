/**
 * Every example flow of apps.tsx (IVR, voicemail, forwarding, conference, SMS auto-reply) served
 * by Express 5, every webhook checked against X-Twilio-Signature.
 *
 *   TWILIO_AUTH_TOKEN=… npm run example:express        listens on PORT (3000), HOST (all interfaces)
 *   npm run example:express -- --insecure              local play with curl: no signature checks
 *
 * It prints the URL of every route. Point your number's "A call comes in" webhook at
 * https://<public host>/voice and "A message comes in" at https://<public host>/sms (HTTP POST).
 * Behind ngrok or another proxy, X-Forwarded-Proto/Host give the public URL (trustProxy), or
 * set PUBLIC_URL=https://… to name it.
 */
import type { AddressInfo } from 'node:net';
import { createExpressApp, routeUrls } from './apps.js';

const insecure = process.argv.includes('--insecure');
if (!insecure && !process.env.TWILIO_AUTH_TOKEN) {
  console.error('Set TWILIO_AUTH_TOKEN to your auth token (or pass --insecure to play locally without signatures).');
  process.exit(1);
}

// Signed requests only (400 unsigned, 403 forged), verified with TWILIO_AUTH_TOKEN; or no check at all.
const app = createExpressApp({ authToken: insecure ? false : undefined, baseUrl: process.env.PUBLIC_URL || undefined });

const host = process.env.HOST; // unset: every interface
const port = Number(process.env.PORT ?? 3000); // 0: any free port
const server = host === undefined ? app.listen(port, listening) : app.listen(port, host, listening);

function listening(error?: Error) {
  if (error) {
    console.error(`Cannot listen on port ${port}: ${error.message}`);
    process.exit(1);
  }
  const urls = routeUrls(host, (server.address() as AddressInfo).port);
  console.log(`Example flows served by Express on:\n  ${urls.join('\n  ')}`);
  if (insecure) console.warn('WARNING: --insecure: webhook signatures are NOT checked; anyone can drive these flows.');
}
