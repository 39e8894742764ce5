/**
 * Express conveniences (tested with Express 5), typed structurally: nothing here imports Express.
 */
import type { TwiMLElement } from '../core.js';
import {
  type NodeBody,
  type NodeRequestLike,
  type NodeResponseLike,
  type NodeWebhookOptions,
  nodeVerifier,
  sendText,
  sendTwiML,
} from './node.js';
import type { TwiMLInit } from './serve.js';
import { rejectionText } from './verify.js';

/** The part of Express's `req` used here. `rawBody`, when a body parser's `verify` kept it, is preferred. */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Parsed body: set by a body parser, or by `expressWebhook()` when it read the body itself. */
  body?: unknown;
  readonly rawBody?: string | Uint8Array;
  readonly query: Readonly<Record<string, unknown>>;
}

/** Express's `next`. */
export type NextFunctionLike = (error?: unknown) => void;

/** Where the body is: kept raw by a parser, parsed by one, or still unread. */
function bodyOf(req: ExpressRequestLike): NodeBody {
  if (typeof req.rawBody === 'string' || req.rawBody instanceof Uint8Array) return { raw: req.rawBody };
  if (req.body !== undefined) return { parsed: req.body };
  return { stream: req };
}

/**
 * Express middleware that lets only requests signed by Twilio through: 400 without
 * `X-Twilio-Signature`, 403 with a wrong one, and the route handler never runs. It reads and
 * parses the body itself when no body parser ran before it (form fields land in `req.body`);
 * JSON webhooks need their raw body, so mount it before `express.json()` or keep `req.rawBody`.
 * The auth token is read when the first request arrives (without one: 500, logged once).
 *
 * @example
 * app.post('/voice', expressWebhook({ trustProxy: true }), expressTwiML(() => <Menu />));
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
 */
export function expressWebhook(
  options: NodeWebhookOptions<ExpressRequestLike> = {},
): (req: ExpressRequestLike, res: NodeResponseLike, next: NextFunctionLike) => void {
  const verify = nodeVerifier(options, 'expressWebhook()');
  return (req, res, next) => {
    const body = bodyOf(req);
    verify(req, body).then(({ verification }) => {
      if (verification.valid) {
        if ('stream' in body && req.body === undefined) req.body = verification.params;
        next();
        return;
      }
      try {
        sendText(res, verification.status, rejectionText(verification));
      } catch (error) {
        next(error);
      }
    }, next);
  };
}

/**
 * An Express route handler that serves the document `build` returns (sync or async) with
 * `sendTwiML`. Errors thrown by `build` go to Express's error handling (`next(error)`); a
 * document that fails validation is logged and answered with 500, or with `options.fallback`.
 *
 * @example
 * app.post('/voice', expressTwiML((req) => <Menu retries={Number(req.query.retries ?? 0)} />));
 */
export function expressTwiML<Req = ExpressRequestLike, Res extends NodeResponseLike = NodeResponseLike>(
  build: (req: Req, res: Res) => TwiMLElement | PromiseLike<TwiMLElement>,
  options?: TwiMLInit,
): (req: Req, res: Res, next: NextFunctionLike) => void {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => build(req, res))
      .then((node) => sendTwiML(res, node, options))
      .catch(next);
  };
}
