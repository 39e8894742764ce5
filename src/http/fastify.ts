/**
 * Fastify conveniences (tested with Fastify 5), typed structurally: nothing here imports Fastify.
 */
import { Readable } from 'node:stream';
import type { TwiMLElement } from '../core.js';
import { type NodeRequestInfo, type NodeWebhookOptions, nodeVerifier } from './node.js';
import { prepareAnswer, type TwiMLInit } from './serve.js';
import { type Refusal, rejectionText } from './verify.js';
import { parseForm } from './body.js';

/** The part of a Fastify `reply` used here. */
export interface FastifyReplyLike {
  code(statusCode: number): unknown;
  header(name: string, value: string): unknown;
  send(payload: string): unknown;
}

/** The part of a Fastify instance the webhook plugin uses. */
export interface FastifyInstanceLike {
  addHook(
    name: 'preParsing',
    hook: (
      request: NodeRequestInfo,
      reply: Pick<FastifyReplyLike, 'header'>,
      payload: AsyncIterable<Uint8Array | string>,
    ) => Promise<unknown>,
  ): unknown;
  hasContentTypeParser(contentType: string): boolean;
  addContentTypeParser(
    contentType: string,
    options: { parseAs: 'string' },
    parser: (request: unknown, body: string) => Promise<unknown>,
  ): unknown;
}

/** A Fastify plugin; it applies to the scope it is registered in (it does not create its own). */
export type FastifyWebhookPlugin = (instance: FastifyInstanceLike, options: unknown) => Promise<void>;

const FORM = 'application/x-www-form-urlencoded';

/** An error Fastify answers with its `statusCode`. */
class WebhookRejectedError extends Error {
  override name = 'WebhookRejectedError' as const;
  readonly statusCode: number;

  constructor(refusal: Refusal) {
    super(rejectionText(refusal));
    this.statusCode = refusal.status;
  }
}

/**
 * A Fastify plugin that lets only requests signed by Twilio reach the routes of the scope it is
 * registered in: 400 without `X-Twilio-Signature`, 403 with a wrong one (as Fastify errors, so
 * `setErrorHandler` applies), and the route handler never runs. It checks the raw body before
 * Fastify parses it (form and JSON webhooks alike), then hands the same bytes on; it adds an
 * `application/x-www-form-urlencoded` parser when the scope has none. The auth token is read
 * when the first request arrives (without one: 500, logged once).
 *
 * @example
 * await app.register(async (twilio) => {
 *   await twilio.register(fastifyWebhook({ trustProxy: true }));
 *   twilio.post('/voice', fastifyTwiML(() => <Menu />));
 * });
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
 */
export function fastifyWebhook(options: NodeWebhookOptions<NodeRequestInfo> = {}): FastifyWebhookPlugin {
  const verify = nodeVerifier(options, 'fastifyWebhook()');
  const plugin: FastifyWebhookPlugin = async (instance) => {
    if (!instance.hasContentTypeParser(FORM)) {
      instance.addContentTypeParser(FORM, { parseAs: 'string' }, async (_request, body) => parseForm(body));
    }
    instance.addHook('preParsing', async (request, reply, payload) => {
      const { verification, raw, unread } = await verify(request, { stream: payload });
      if (!verification.valid) {
        // Node closes the connection of a request answered before its body was read whole;
        // Fastify's answer says keep-alive, which would leave the paused socket open for good.
        if (unread) reply.header('Connection', 'close');
        throw new WebhookRejectedError(verification);
      }
      return Readable.from(raw?.length ? [raw] : [], { objectMode: false });
    });
  };
  // Like fastify-plugin: the hook and the parser belong to the scope that registers the plugin.
  Object.defineProperty(plugin, Symbol.for('skip-override'), { value: true });
  Object.defineProperty(plugin, Symbol.for('fastify.display-name'), { value: 'twiml-jsx/http fastifyWebhook' });
  return plugin;
}

/**
 * A Fastify route handler that serves the document `build` returns (sync or async). Errors
 * thrown by `build` become Fastify errors; a document that fails validation is logged and
 * answered with 500, or with `options.fallback`.
 *
 * @example
 * app.post('/voice', fastifyTwiML((request) => <Menu />));
 */
export function fastifyTwiML<Req = unknown, Reply extends FastifyReplyLike = FastifyReplyLike>(
  build: (request: Req, reply: Reply) => TwiMLElement | PromiseLike<TwiMLElement>,
  options?: TwiMLInit,
): (request: Req, reply: Reply) => Promise<Reply> {
  return async (request, reply) => {
    const prepared = prepareAnswer(await build(request, reply), options);
    reply.code(prepared.status);
    for (const [name, value] of prepared.headers) reply.header(name, value);
    reply.send(prepared.body);
    return reply;
  };
}
