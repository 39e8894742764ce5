/**
 * Hono middleware, typed structurally: nothing here imports Hono. Hono handlers return Fetch
 * `Response`s, so serving is just `twiml()`.
 */
import { fetchVerifier, type WebhookOptions } from './verify.js';

/** The part of Hono's `Context` used here. */
export interface HonoContextLike {
  readonly req: { readonly raw: Request };
}

/**
 * Hono middleware that lets only requests signed by Twilio through: it answers 400 without
 * `X-Twilio-Signature` and 403 with a wrong one, and the handler never runs. The body is read
 * through a clone, so handlers can still use `c.req.parseBody()` or `readWebhook(c.req.raw)`.
 * The auth token is read when the first request arrives (without one: 500, logged once).
 *
 * @example
 * app.use('/twilio/*', honoWebhook({ trustProxy: true }));
 * app.post('/twilio/voice', (c) => twiml(<Menu />));
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
 */
export function honoWebhook(
  options: WebhookOptions<Request> = {},
): (c: HonoContextLike, next: () => Promise<void>) => Promise<Response | undefined> {
  const verify = fetchVerifier(options, 'honoWebhook()');
  return async (c, next) => {
    const check = await verify(c.req.raw);
    if (!check.valid) return check.response;
    await next();
    return undefined;
  };
}
