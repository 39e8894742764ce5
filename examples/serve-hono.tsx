/**
 * Every example flow of apps.tsx (IVR, voicemail, forwarding, conference, SMS auto-reply) served
 * by Hono on Node (@hono/node-server), every webhook checked against X-Twilio-Signature. The app
 * answers Fetch Requests, so it runs as it is on Bun, Deno, Workers or in a Next.js route.
 *
 *   TWILIO_AUTH_TOKEN=… npm run example:hono           listens on PORT (3000), HOST (all interfaces)
 *   npm run example:hono -- --insecure                 local play with curl: no signature checks
 *
 * It prints the URL of every route. Point your number's "A call comes in" webhook at
 * https://<public host>/voice and "A message comes in" at https://<public host>/sms (HTTP POST).
 * Behind ngrok or another proxy, X-Forwarded-Proto/Host give the public URL (trustProxy), or
 * set PUBLIC_URL=https://… to name it.
 */
import { serve } from '@hono/node-server';
import { createHonoApp, routeUrls } from './apps.js';

const insecure = process.argv.includes('--insecure');
if (!insecure && !process.env.TWILIO_AUTH_TOKEN) {
  console.error('Set TWILIO_AUTH_TOKEN to your auth token (or pass --insecure to play locally without signatures).');
  process.exit(1);
}

// Signed requests only (400 unsigned, 403 forged), verified with TWILIO_AUTH_TOKEN; or no check at all.
const app = createHonoApp({ authToken: insecure ? false : undefined, baseUrl: process.env.PUBLIC_URL || undefined });

const host = process.env.HOST; // unset: every interface
const port = Number(process.env.PORT ?? 3000); // 0: any free port
serve({ fetch: app.fetch, port, hostname: host }, (address) => {
  const urls = routeUrls(host, address.port);
  console.log(`Example flows served by Hono on:\n  ${urls.join('\n  ')}`);
  if (insecure) console.warn('WARNING: --insecure: webhook signatures are NOT checked; anyone can drive these flows.');
});
