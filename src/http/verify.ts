/**
 * Verifying webhooks at the framework level: the auth token, which URL and body to check, and
 * what to answer (400 without a signature, 403 with a wrong one). `verifyWebhook()` does it for
 * Fetch `Request`s; node.ts, express.ts, fastify.ts and hono.ts build on the same check.
 */
import { checkPublicUrlOptions, publicUrl, type PublicUrlOptions } from './public-url.js';
import {
  computeBodyHash,
  isSupportedAlgorithm,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  type SignedParams,
  signatureAlgorithmOf,
  validateRequest,
} from './signature.js';
import { hasNoBody, mediaTypeOf, paramsOfBody, parseForm, readBodyBytes } from './body.js';
import type { FormParams } from './webhook-params.js';

/** Options of every webhook verifier. `Req` is the framework's request type (for a `url` function). */
export interface WebhookOptions<Req = Request> extends PublicUrlOptions<Req> {
  /**
   * The account's auth token (the primary one).
   * @default process.env.TWILIO_AUTH_TOKEN — creating a verifier without either throws.
   */
  readonly authToken?: string;
  /**
   * Secret of the SharedKey a Webhook Rule signs with. Used only for requests carrying
   * `X-Twilio-Webhooks-Signature-Settings`; such requests are rejected (403) when it is not set.
   */
  readonly sharedKeySecret?: string;
  /**
   * Receives every rejected request, e.g. to log it; useful when the URL behind a proxy does
   * not match. Replaces the default.
   * @default a console.warn line naming the request, the URL checked and the reason
   */
  readonly onReject?: (rejection: WebhookRejection) => void;
}

/** A request that was not let through, and why. */
export interface WebhookRejection {
  /**
   * 400: no signature header (or a body that could not be read); 403: a signature that does not
   * match; 413: a body over the limit.
   */
  readonly status: 400 | 403 | 413;
  /** What is wrong, for logs (never sent to the client). */
  readonly reason: string;
  readonly method: string;
  /** The URL the signature was checked against. */
  readonly url: string;
}

/** The outcome of verifying a request: its parameters, or why it was rejected. */
export type WebhookVerification<T = FormParams> =
  | {
      readonly valid: true;
      /** The URL the signature was checked against. */
      readonly url: string;
      /** Form fields (POST), query parameters (GET) or the JSON document (JSON webhooks). */
      readonly params: T;
    }
  | ({ readonly valid: false } & WebhookRejection);

/** `WebhookVerification` for Fetch handlers: a rejection carries the `Response` to return. */
export type FetchWebhookVerification<T = FormParams> =
  | Extract<WebhookVerification<T>, { valid: true }>
  | (Extract<WebhookVerification<T>, { valid: false }> & { readonly response: Response });

/** The keys a verifier signs with. */
export interface WebhookSecrets {
  readonly authToken: string;
  readonly sharedKeySecret?: string;
}

/**
 * The secrets of a verifier, checked when it is created: a missing auth token is a startup
 * error, never a pass. Also checks the URL options.
 * @throws Error naming TWILIO_AUTH_TOKEN when there is no token.
 */
export function webhookSecrets(options: WebhookOptions<never>, who: string): WebhookSecrets {
  const env = typeof process === 'undefined' ? undefined : process.env?.TWILIO_AUTH_TOKEN;
  const authToken = options.authToken ?? env;
  if (typeof authToken !== 'string' || authToken === '') {
    throw new Error(
      `twiml-jsx/http: ${who} has no Twilio auth token to verify webhook signatures with: ` +
        'set the TWILIO_AUTH_TOKEN environment variable or pass { authToken }' +
        (options.authToken === '' ? ' (authToken is an empty string)' : ''),
    );
  }
  if (options.sharedKeySecret === '') {
    throw new Error(
      `twiml-jsx/http: ${who} got an empty sharedKeySecret; leave it out, or pass the SharedKey's secret`,
    );
  }
  checkPublicUrlOptions(options, who);
  return { authToken, sharedKeySecret: options.sharedKeySecret };
}

/** Everything the check needs to know about one request. */
export interface SignedRequest {
  readonly method: string;
  /** The public URL (see `PublicUrlOptions`). */
  readonly url: string;
  readonly signature: string | null | undefined;
  readonly settings: string | null | undefined;
  readonly contentType: string | null | undefined;
  /** The body as received; or, when a body parser already consumed it, what the parser made of it. */
  readonly body: { readonly raw: Uint8Array } | { readonly parsed: unknown };
}

/** The verdict on a request: `undefined` when it is signed by Twilio, else the status and the reason. */
export type Refusal = Pick<WebhookRejection, 'status' | 'reason'>;

const decoder = new TextDecoder();

function bodyHashOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('bodySHA256') ?? undefined;
  } catch {
    return undefined;
  }
}

function isEmptyBody(body: SignedRequest['body']): boolean {
  if ('raw' in body) return body.raw.length === 0;
  const parsed = body.parsed;
  if (parsed === undefined || parsed === null || parsed === '') return true;
  return typeof parsed === 'object' && !(parsed instanceof Uint8Array) && Object.keys(parsed).length === 0;
}

/**
 * Checks one request. Form bodies are checked through their parameters, JSON webhooks through
 * `bodySHA256`; any other non-empty body is refused, as the signature would not cover it.
 * @throws Error when a JSON webhook's raw body is not available (a JSON parser consumed it first).
 */
export function checkRequest(secrets: WebhookSecrets, request: SignedRequest): Refusal | undefined {
  const { url, body } = request;
  if (!request.signature) return { status: 400, reason: `no ${SIGNATURE_HEADER} header` };
  const algorithm = signatureAlgorithmOf(request.settings);
  const key = request.settings ? secrets.sharedKeySecret : secrets.authToken;
  if (key === undefined) {
    return {
      status: 403,
      reason: `signed with a SharedKey (${SIGNATURE_SETTINGS_HEADER}: ${request.settings}) but no sharedKeySecret is configured`,
    };
  }
  const options = { algorithm };
  const hash = bodyHashOf(url);
  let params: SignedParams = {};
  if (hash === undefined) {
    const type = mediaTypeOf(request.contentType);
    if (type === 'application/x-www-form-urlencoded') {
      params = 'raw' in body ? parseForm(decoder.decode(body.raw)) : ((body.parsed ?? {}) as SignedParams);
    } else if (!isEmptyBody(body)) {
      return {
        status: 403,
        reason: `the ${type || 'untyped'} body is not covered by the signature (only form bodies are, or JSON bodies through a bodySHA256 query parameter)`,
      };
    }
  }
  if (!validateRequest(key, request.signature, url, params, options)) {
    if (!isSupportedAlgorithm(algorithm)) {
      return { status: 403, reason: `${SIGNATURE_SETTINGS_HEADER} names the unsupported algorithm ${algorithm}` };
    }
    const count = Object.keys(params instanceof URLSearchParams ? {} : params).length;
    return {
      status: 403,
      reason:
        `${SIGNATURE_HEADER} does not match ${request.method} ${url} with ${count} parameter${count === 1 ? '' : 's'} ` +
        '(behind a proxy or tunnel? set the url, baseUrl or trustProxy option)',
    };
  }
  if (hash !== undefined) {
    if (!('raw' in body)) {
      throw new Error(
        `twiml-jsx/http: ${request.method} ${url} is a JSON webhook (bodySHA256): its raw body is needed, but a body parser already consumed it; verify before parsing`,
      );
    }
    // Same verdict as validateRequestWithBody(), told apart for the log.
    if (computeBodyHash(body.raw) !== hash) {
      return { status: 403, reason: `the body does not hash to the bodySHA256 of ${url}` };
    }
  }
  return undefined;
}

/** The query string of a URL, without `?` and fragment. */
function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1).split('#', 1)[0];
}

/** The parameters of a verified request, as `WebhookVerification.params` describes them. */
export function paramsOf(method: string, seenUrl: string, contentType: string | null | undefined, raw: Uint8Array) {
  if (hasNoBody(method)) return parseForm(queryOf(seenUrl));
  return paramsOfBody(contentType, decoder.decode(raw)) ?? parseForm('');
}

/** The short text answered to a rejected request; why a signature did not match is only logged. */
export function rejectionText({ status, reason }: Refusal): string {
  if (status === 400) return `Bad Request: ${reason}`;
  if (status === 413) return 'Payload Too Large';
  return 'Forbidden: the request is not signed by Twilio';
}

function warnRejected(rejection: WebhookRejection): void {
  console.warn(
    `twiml-jsx/http: rejected ${rejection.method} ${rejection.url} with ${rejection.status}: ${rejection.reason}`,
  );
}

/** The `onReject` of a verifier: the option, or the default warning. */
export function rejectionHandler(options: WebhookOptions<never>): (rejection: WebhookRejection) => void {
  return options.onReject ?? warnRejected;
}

/**
 * Creates a verifier for Fetch `Request`s; the auth token is checked now, so a missing
 * `TWILIO_AUTH_TOKEN` fails at startup. Each call reads the body through a clone (the handler
 * can still read it), checks `X-Twilio-Signature` and returns the parameters, or a rejection
 * with the `Response` to return (400 without a signature, 403 for a wrong one).
 *
 * @example
 * // app/voice/route.tsx (Next.js App Router)
 * const verify = webhookVerifier({ baseUrl: 'https://example.com' });
 * export async function POST(request: Request) {
 *   const check = await verify<VoiceWebhook>(request);
 *   if (!check.valid) return check.response;
 *   return twiml(<Menu />);
 * }
 * @throws Error when there is no auth token; TypeError for a malformed `baseUrl`.
 */
export function webhookVerifier(
  options: WebhookOptions<Request> = {},
): <T = FormParams>(request: Request) => Promise<FetchWebhookVerification<T>> {
  return fetchVerifier(options, 'webhookVerifier()');
}

/** `webhookVerifier`, naming `who` in its errors. */
export function fetchVerifier(
  options: WebhookOptions<Request>,
  who: string,
): <T = FormParams>(request: Request) => Promise<FetchWebhookVerification<T>> {
  const secrets = webhookSecrets(options, who);
  const onReject = rejectionHandler(options);
  return async <T>(request: Request): Promise<FetchWebhookVerification<T>> => {
    const { method, headers } = request;
    const url = publicUrl(request.url, (name) => headers.get(name), request, options);
    const signature = headers.get(SIGNATURE_HEADER);
    const contentType = headers.get('content-type');
    const raw = !signature || hasNoBody(method) ? new Uint8Array(0) : await readBodyBytes(request, who);
    const refusal = checkRequest(secrets, {
      method,
      url,
      signature,
      settings: headers.get(SIGNATURE_SETTINGS_HEADER),
      contentType,
      body: { raw },
    });
    if (refusal === undefined)
      return { valid: true, url, params: paramsOf(method, request.url, contentType, raw) as T };
    const rejection = { ...refusal, method, url };
    onReject(rejection);
    const response = new Response(rejectionText(refusal), {
      status: refusal.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    return { valid: false, ...rejection, response };
  };
}

/**
 * Verifies that a Fetch `Request` comes from Twilio (see `webhookVerifier`, which checks the
 * token once instead of on every call). The body is read through a clone, so the handler can
 * still read it.
 *
 * @example
 * app.post('/voice', async (c) => {
 *   const check = await verifyWebhook(c.req.raw, { trustProxy: true });
 *   if (!check.valid) return check.response; // 400 or 403
 *   return twiml(<Menu />);
 * });
 * @throws (rejects with) Error when there is no auth token (option or TWILIO_AUTH_TOKEN).
 */
export async function verifyWebhook<T = FormParams>(
  request: Request,
  options?: WebhookOptions<Request>,
): Promise<FetchWebhookVerification<T>> {
  return fetchVerifier(options ?? {}, 'verifyWebhook()')<T>(request);
}
