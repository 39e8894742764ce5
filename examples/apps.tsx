/**
 * Every example flow behind the routes Twilio calls, as a Hono app and as an Express app.
 * serve-hono.tsx and serve-express.tsx start them; the tests drive them with the call simulator.
 *
 * With an auth token, every request must carry a valid X-Twilio-Signature (400 without one,
 * 403 with a wrong one); `authToken: false` turns the check off for local play.
 */
import express from 'express';
import { Hono } from 'hono';
import {
  type DialCallback,
  expressTwiML,
  expressWebhook,
  type GatherCallback,
  honoWebhook,
  type MessagingWebhook,
  readWebhook,
  type RecordCallback,
  twiml,
} from 'twiml-jsx/http';
import type { TwiMLElement } from 'twiml-jsx';
import ConferenceLine, { JoinConference } from './conference.js';
import Forward, { ForwardDone } from './forwarding.js';
import Menu, { AfterCall, HoldMusic, MenuChoice } from './ivr.js';
import AutoReply from './sms-auto-reply.js';
import Voicemail, { VoicemailSaved } from './voicemail.js';

/** The webhook parameters the routes read, whatever the webhook. */
type Params = Partial<GatherCallback & DialCallback & RecordCallback & MessagingWebhook>;

/** Route → the flow it answers, from the request's query and parameters. */
export const routes: Record<string, (query: URLSearchParams, params: Params) => TwiMLElement> = {
  '/voice': (query) => <Menu retries={Number(query.get('retries')) || 0} />,
  '/menu/choice': (_, p) => <MenuChoice digits={p.Digits} speech={p.SpeechResult} />,
  '/menu/after-call': (_, p) => <AfterCall status={p.DialCallStatus} />,
  '/hold-music': () => <HoldMusic />,
  '/voicemail': () => <Voicemail name="Owl & Co" />,
  '/voicemail/saved': (_, p) => <VoicemailSaved duration={Number(p.RecordingDuration) || 0} />,
  '/forward': () => <Forward />,
  '/forward/done': (_, p) => <ForwardDone status={p.DialCallStatus} />,
  '/conference': () => <ConferenceLine />,
  '/conference/join': (_, p) => <JoinConference pin={p.Digits} />,
  '/sms': (_, p) => <AutoReply body={p.Body} from={p.From} />,
};

/** The URL of every route on a server listening on `host` (unset: every interface, shown as localhost). */
export function routeUrls(host: string | undefined, port: number): string[] {
  const name = host === undefined ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return Object.keys(routes).map((path) => `http://${name}:${port}${path}`);
}

export interface AppOptions {
  /** Check X-Twilio-Signature with this token (default: TWILIO_AUTH_TOKEN); `false` skips the check. */
  readonly authToken?: string | false;
  /** The public URL Twilio calls, when a proxy or tunnel sits in front (e.g. https://abc.ngrok.app). */
  readonly baseUrl?: string;
}

/** The example flows as a Hono app (its `fetch` runs on Node, Bun, Deno, Workers). */
export function createHonoApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  if (options.authToken !== false) {
    app.use('*', honoWebhook({ authToken: options.authToken, trustProxy: true, baseUrl: options.baseUrl }));
  }
  for (const [path, flow] of Object.entries(routes)) {
    app.on(['GET', 'POST'], path, async (c) => {
      const params = await readWebhook<Params>(c.req.raw);
      return twiml(flow(new URL(c.req.url).searchParams, params));
    });
  }
  return app;
}

/** The example flows as an Express app. */
export function createExpressApp(options: AppOptions = {}): express.Express {
  const app = express();
  const fromTwilio =
    options.authToken === false
      ? express.urlencoded()
      : expressWebhook({ authToken: options.authToken, trustProxy: true, baseUrl: options.baseUrl });
  for (const [path, flow] of Object.entries(routes)) {
    app.all(
      path,
      fromTwilio,
      expressTwiML((req) => {
        const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
        const params = (req.method === 'GET' ? Object.fromEntries(query) : (req.body ?? {})) as Params;
        return flow(query, params);
      }),
    );
  }
  return app;
}
