/**
 * Node's `http.ServerResponse` / `IncomingMessage` side: writing TwiML answers and reading
 * requests. Typed structurally, so that node:http, Express and Fastify's raw objects all fit
 * without importing any of them.
 */
import type { TwiMLElement } from '../core.js';
import { hasNoBody, isFormType, readBody } from './body.js';
import { bodyLimitsOf, checkContentLength } from './limits.js';
import { publicUrl } from './public-url.js';
import { type PreparedAnswer, prepareAnswer, type TwiMLInit } from './serve.js';
import {
  checkRequest,
  isRefusal,
  paramsOf,
  type Refusal,
  readRefusal,
  reject,
  rejectionHandler,
  rejectionText,
  type SignedRequest,
  type Verdict,
  type WebhookOptions,
  type WebhookVerification,
  webhookSecrets,
} from './verify.js';
import type { FormParams } from './webhook-params.js';

/** The part of `http.ServerResponse` used here (Express's `res` and Fastify's `reply.raw` are ones). */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent?: boolean;
  setHeader(name: string, value: string | number): unknown;
  end(chunk: Uint8Array): unknown;
}

/** Header values as Node gives them. */
export type NodeHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a request says about itself: `http.IncomingMessage`, Express's `req` and Fastify's `request` all do. */
export interface NodeRequestInfo {
  readonly method?: string;
  readonly url?: string;
  /** Express and Fastify: the URL before routers stripped a mount path or `rewriteUrl` changed it. */
  readonly originalUrl?: string;
  readonly headers: NodeHeaders;
  /** A TLS socket (`encrypted: true`) makes the URL https. */
  readonly socket?: unknown;
}

/** The part of `http.IncomingMessage` used here: its headers, and its body as a stream. */
export interface NodeRequestLike extends NodeRequestInfo, AsyncIterable<Uint8Array | string> {}

const encoder = new TextEncoder();

/** Writes a prepared answer in one `end()` call. */
export function writeAnswer(res: NodeResponseLike, prepared: PreparedAnswer): void {
  if (res.headersSent) {
    throw new Error('twiml-jsx/http: cannot send TwiML: the response headers were already sent');
  }
  const bytes = encoder.encode(prepared.body);
  res.statusCode = prepared.status;
  for (const [name, value] of prepared.headers) res.setHeader(name, value);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

/**
 * Renders `node` and writes it to a Node `ServerResponse` (node:http, Express's `res`,
 * Fastify's `reply.raw`): status 200, `Content-Type: text/xml; charset=utf-8`, one write. A
 * document that fails validation is logged and answered with 500, or with `options.fallback`.
 *
 * @example
 * http.createServer((req, res) => sendTwiML(res, <Response><Say>Hello</Say></Response>));
 * @throws Error if the response headers were already sent.
 */
export function sendTwiML(res: NodeResponseLike, node: TwiMLElement, options?: TwiMLInit): void {
  writeAnswer(res, prepareAnswer(node, options));
}

/** Writes a short plain-text answer (the 400 / 403 / 413 of signature checks). */
export function sendText(res: NodeResponseLike, status: number, text: string): void {
  writeAnswer(res, { status, headers: [['Content-Type', 'text/plain; charset=utf-8']], body: text });
}

/** A header of a Node request by its lower-case name; repeated headers give their first value. */
export function nodeHeader(headers: NodeHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * The absolute URL of a Node request as the server saw it: `http`, or `https` on a TLS socket;
 * the `Host` header; Express's `originalUrl`, else `url`.
 */
export function nodeRequestUrl(req: NodeRequestInfo): string {
  const target = req.originalUrl ?? req.url ?? '/';
  if (!target.startsWith('/') && /^https?:\/\//i.test(target)) return target;
  const host = nodeHeader(req.headers, 'host') ?? nodeHeader(req.headers, ':authority') ?? 'localhost';
  const socket = req.socket as { readonly encrypted?: unknown } | null | undefined;
  return `${socket?.encrypted === true ? 'https' : 'http'}://${host}${target}`;
}

/** Options of the Node verifiers (`nodeWebhook`, `expressWebhook`, `fastifyWebhook`). */
export interface NodeWebhookOptions<Req> extends WebhookOptions<Req> {
  /** @deprecated use `maxBodyBytes` (same meaning; every verifier has it); removed in 0.3 */
  readonly bodyLimit?: number;
}

/** Where a Node verifier finds the body: raw, already parsed by a body parser, or still in the stream. */
export type NodeBody =
  | { readonly raw: Uint8Array | string }
  | { readonly parsed: unknown }
  | { readonly stream: AsyncIterable<Uint8Array | string> };

/**
 * A Node verifier's outcome; `raw` is the body when the verifier read it (from `raw` or the
 * stream); `unread` is true when a rejected request's stream was left (partly) unread.
 */
export interface NodeOutcome {
  readonly verification: WebhookVerification<unknown>;
  readonly raw?: Uint8Array;
  readonly unread?: boolean;
}

/**
 * The check shared by the Node integrations: derives the public URL, reads the body within the
 * limits (a larger `Content-Length` is refused unread; a chunked body is read only up to
 * `maxBodyBytes`, and a form only up to one parameter past `maxParams`) unless the signature is
 * missing, checks it and reports rejections to `onReject`. Writes nothing: each integration
 * answers in its own way.
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
 */
export function nodeVerifier<Req extends NodeRequestInfo>(
  options: NodeWebhookOptions<Req>,
  who: string,
): (req: Req, body: NodeBody) => Promise<NodeOutcome> {
  const secretsOf = webhookSecrets(options, who);
  const limits = bodyLimitsOf({ ...options, maxBodyBytes: options.maxBodyBytes ?? options.bodyLimit }, who);
  const onReject = rejectionHandler(options);
  /** The body to check: as given, or read from the stream (not read without a signature, nor for GET). */
  async function bodyToCheck(
    req: Req,
    body: NodeBody,
    method: string,
    signed: boolean,
  ): Promise<SignedRequest['body'] | { readonly refusal: Refusal }> {
    if ('parsed' in body) return { parsed: body.parsed };
    if ('raw' in body) return { raw: typeof body.raw === 'string' ? encoder.encode(body.raw) : body.raw };
    if (!signed || hasNoBody(method)) return { raw: new Uint8Array(0) };
    try {
      checkContentLength(nodeHeader(req.headers, 'content-length'), limits);
      const contentType = nodeHeader(req.headers, 'content-type');
      return { raw: await readBody(body.stream, limits, isFormType(contentType)), metered: true };
    } catch (error) {
      return { refusal: readRefusal(error) };
    }
  }

  return async (req, body) => {
    const method = (req.method ?? 'GET').toUpperCase();
    const seen = nodeRequestUrl(req);
    const url = publicUrl(seen, (name) => nodeHeader(req.headers, name), req, options);
    const signature = nodeHeader(req.headers, 'x-twilio-signature');
    const contentType = nodeHeader(req.headers, 'content-type');
    const settings = nodeHeader(req.headers, 'x-twilio-webhooks-signature-settings');
    const secrets = secretsOf();
    if (isRefusal(secrets)) {
      const unread = 'stream' in body && !hasNoBody(method);
      return { verification: { valid: false, ...reject(onReject, secrets, method, url) }, unread };
    }
    const checked = await bodyToCheck(req, body, method, Boolean(signature));
    const verdict: Verdict =
      'refusal' in checked
        ? checked
        : checkRequest(secrets, limits, {
            method,
            url,
            seenUrl: seen,
            signature,
            settings,
            contentType,
            body: checked,
          });
    if (verdict.refusal !== undefined) {
      const unread = 'stream' in body && !('raw' in checked) && !hasNoBody(method);
      return { verification: { valid: false, ...reject(onReject, verdict.refusal, method, url) }, unread };
    }
    if ('parsed' in checked && !hasNoBody(method))
      return { verification: { valid: true, url, params: checked.parsed } };
    const raw = 'raw' in checked ? checked.raw : new Uint8Array(0);
    return { verification: { valid: true, url, params: paramsOf(method, seen, contentType, raw, verdict.form) }, raw };
  };
}

/**
 * Creates a verifier for node:http servers. The auth token is read when the first request
 * arrives; without one, every request is answered 500 and the missing `TWILIO_AUTH_TOKEN` is
 * logged once. Each call reads the request body, checks `X-Twilio-Signature`, and either returns
 * the parameters or answers the request itself (400 without a signature, 403 for a wrong one,
 * 413 over `maxBodyBytes` or `maxParams`) and returns the rejection. The URL checked is built
 * from the `Host` header and `req.url` (see `PublicUrlOptions` behind a proxy).
 *
 * @example
 * const verify = nodeWebhook({ trustProxy: true });
 * http.createServer(async (req, res) => {
 *   const check = await verify<GatherCallback>(req, res);
 *   if (!check.valid) return; // already answered
 *   sendTwiML(res, <MenuChoice digits={check.params.Digits} />);
 * });
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
 */
export function nodeWebhook(
  options: NodeWebhookOptions<NodeRequestLike> = {},
): <T = FormParams>(req: NodeRequestLike, res: NodeResponseLike) => Promise<WebhookVerification<T>> {
  const verify = nodeVerifier(options, 'nodeWebhook()');
  return async <T>(req: NodeRequestLike, res: NodeResponseLike) => {
    const { verification } = await verify(req, { stream: req });
    if (!verification.valid) sendText(res, verification.status, rejectionText(verification));
    return verification as WebhookVerification<T>;
  };
}
