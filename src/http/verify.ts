/**
 * Verifying webhooks at the framework level: the auth token, which URL and body to check, and
 * what to answer (400 without a signature, 403 with a wrong one). `verifyWebhook()` does it for
 * Fetch `Request`s; node.ts, express.ts, fastify.ts and hono.ts build on the same check.
 */
import { checkUnread, hasNoBody, isFormType, mediaTypeOf, paramsOfBody, parseForm, readBodyBytes } from './body.js';
import {
  type BodyLimitOptions,
  type BodyLimits,
  bodyLimitsOf,
  BodyTooLargeError,
  countFormParams,
  countParsedParams,
  TooManyParamsError,
} from './limits.js';
import { checkPublicUrlOptions, publicUrl, type PublicUrlOptions, withHostHeader } from './public-url.js';
import { defaultRejectionLog, redactUrl } from './rejection-log.js';
import {
  computeBodyHash,
  isSupportedAlgorithm,
  SIGNATURE_HEADER,
  SIGNATURE_SETTINGS_HEADER,
  type SignedParams,
  signatureAlgorithmOf,
  validateRequest,
} from './signature.js';
import type { FormParams } from './webhook-params.js';

/**
 * Options of every webhook verifier. `Req` is the framework's request type (for a `url` function).
 * `maxBodyBytes` and `maxParams` (limits.ts) bound what is read before the signature is checked.
 */
export interface WebhookOptions<Req = Request> extends PublicUrlOptions<Req>, BodyLimitOptions {
  /**
   * The account's auth token (the primary one). Read when the first request arrives, not when
   * the verifier is created, so that a build (`next build`) needs no token.
   * @default process.env.TWILIO_AUTH_TOKEN — without either, every request is answered 500 and
   *   the missing token is logged once (console.error), naming TWILIO_AUTH_TOKEN
   */
  readonly authToken?: string;
  /**
   * Secret of the SharedKey a Webhook Rule signs with. Used only for requests carrying
   * `X-Twilio-Webhooks-Signature-Settings`; such requests are rejected (403) when it is not set.
   */
  readonly sharedKeySecret?: string;
  /**
   * Receives every refused request (400, 403, 413), e.g. to log it; useful when the URL behind a
   * proxy does not match. Replaces the default. (A 500 for a missing auth token is not a refusal
   * of the request: it is logged once with console.error instead.)
   * @default a console.warn line naming the request, the URL checked and the reason, for the
   *   first 10 refusals; then at most one summary line per 10 s (`rejectionLogger()`, shared by
   *   every verifier of the process)
   */
  readonly onReject?: (rejection: WebhookRejection) => void;
}

/** A request that was not let through, and why. */
export interface WebhookRejection {
  /**
   * 400: no signature header (or a body that could not be read); 403: a signature that does not
   * match; 413: a body over `maxBodyBytes` or a form over `maxParams`; 500: no auth token to check
   * the signature with (the `authToken` option and `TWILIO_AUTH_TOKEN` are both unset or empty).
   */
  readonly status: 400 | 403 | 413 | 500;
  /** What is wrong, for logs (never sent to the client, never holding a secret). */
  readonly reason: string;
  readonly method: string;
  /** The URL the signature was checked against; a password in it is replaced by `***`. */
  readonly url: string;
}

/**
 * The outcome of verifying a request: its parameters, or why it was rejected. Each side names the
 * other's fields as absent, so `if (!check.valid) return check.status` compiles with `strict` off
 * too (where `!check.valid` does not narrow the union).
 */
export type WebhookVerification<T = FormParams> =
  | {
      readonly valid: true;
      /** The URL the signature was checked against. */
      readonly url: string;
      /** Form fields (POST), query parameters (GET) or the JSON document (JSON webhooks). */
      readonly params: T;
      readonly status?: undefined;
      readonly reason?: undefined;
      readonly method?: undefined;
    }
  | ({ readonly valid: false; readonly params?: undefined } & WebhookRejection);

/** `WebhookVerification` for Fetch handlers: a rejection carries the `Response` to return. */
export type FetchWebhookVerification<T = FormParams> =
  | (Extract<WebhookVerification<T>, { valid: true }> & { readonly response?: undefined })
  | (Extract<WebhookVerification<T>, { valid: false }> & { readonly response: Response });

/** The keys a verifier signs with. */
export interface WebhookSecrets {
  readonly authToken: string;
  readonly sharedKeySecret?: string;
}

/** Messages already logged by `tokenMissing`, so each is logged once per process. */
const loggedOnce = new Set<string>();

/**
 * The 500 answered while a verifier has no auth token; the error is logged once (console.error)
 * per verifier kind and process. Never holds a secret: there is none to hold.
 */
function tokenMissing(options: WebhookOptions<never>, who: string): Refusal {
  const reason =
    `${who} has no Twilio auth token to verify webhook signatures with: ` +
    'set the TWILIO_AUTH_TOKEN environment variable or pass { authToken }' +
    (options.authToken === '' ? ' (authToken is an empty string)' : '');
  const line = `twiml-jsx/http: ${reason}; every webhook request is answered 500 until then`;
  if (!loggedOnce.has(line)) {
    loggedOnce.add(line);
    console.error(line);
  }
  return { status: 500, reason };
}

/**
 * Checks the options of a verifier when it is created (an empty `sharedKeySecret`, a malformed
 * `url` or `baseUrl` are startup errors) and returns how it gets its secrets: the auth token is
 * read when the first request arrives (the `authToken` option, else `TWILIO_AUTH_TOKEN`) and kept
 * from then on. Without one, each request gets the 500 refusal of `tokenMissing` (never a pass),
 * and the token is looked for again at the next request.
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url` or `baseUrl`.
 */
export function webhookSecrets(options: WebhookOptions<never>, who: string): () => WebhookSecrets | Refusal {
  if (options.sharedKeySecret === '') {
    throw new Error(
      `twiml-jsx/http: ${who} got an empty sharedKeySecret; leave it out, or pass the SharedKey's secret`,
    );
  }
  checkPublicUrlOptions(options, who);
  let secrets: WebhookSecrets | undefined;
  return () => {
    if (secrets !== undefined) return secrets;
    const env = typeof process === 'undefined' ? undefined : process.env?.TWILIO_AUTH_TOKEN;
    const authToken = options.authToken ?? env;
    if (typeof authToken !== 'string' || authToken === '') return tokenMissing(options, who);
    secrets = { authToken, sharedKeySecret: options.sharedKeySecret };
    return secrets;
  };
}

/** Everything the check needs to know about one request. */
export interface SignedRequest {
  readonly method: string;
  /** The public URL (see `PublicUrlOptions`). */
  readonly url: string;
  /** The URL as the server saw it, whose query string holds a GET webhook's parameters; default `url`. */
  readonly seenUrl?: string;
  readonly signature: string | null | undefined;
  readonly settings: string | null | undefined;
  readonly contentType: string | null | undefined;
  /**
   * The body as received; or, when a body parser already consumed it, what the parser made of it.
   * `metered`: read by `readBody` within the limits, its size and (for a form) its parameters
   * already counted, so they are not counted again.
   */
  readonly body: { readonly raw: Uint8Array; readonly metered?: boolean } | { readonly parsed: unknown };
}

/** Why a request is not let through. */
export type Refusal = Pick<WebhookRejection, 'status' | 'reason'>;

/** Whether `webhookSecrets` gave secrets or the refusal of a missing token. */
export function isRefusal(value: WebhookSecrets | Refusal): value is Refusal {
  return 'status' in value;
}

/** The verdict on a request: a refusal, or a pass with the form it carried (parsed once, here). */
export type Verdict = { readonly refusal: Refusal } | { readonly refusal?: undefined; readonly form?: FormParams };

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

/** The query string of a URL, without `?` and fragment. */
function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1).split('#', 1)[0];
}

/** A request body (or query) over a limit, as a 413 refusal; `undefined` for any other error. */
function limitRefusal(error: unknown): Refusal | undefined {
  if (error instanceof BodyTooLargeError || error instanceof TooManyParamsError) {
    return { status: 413, reason: error.message.replace(/^twiml-jsx\/http: /, '') };
  }
  return undefined;
}

/** The size checks of a body already in memory (kept by a body parser, or just read). */
function overLimits(request: SignedRequest, limits: BodyLimits, form: boolean): Refusal | undefined {
  const { body } = request;
  // A body read by readBody was measured (and a form's parameters counted) as it was read.
  const metered = 'raw' in body && body.metered === true;
  if ('raw' in body && !metered && body.raw.length > limits.maxBodyBytes) {
    return limitRefusal(new BodyTooLargeError(limits.maxBodyBytes));
  }
  let count = 0;
  if (hasNoBody(request.method)) count = countFormParams(queryOf(request.seenUrl ?? request.url));
  else if (form && !metered) count = 'raw' in body ? countFormParams(body.raw) : countParsedParams(body.parsed);
  if (count > limits.maxParams) return limitRefusal(new TooManyParamsError(limits.maxParams));
  return undefined;
}

/**
 * Checks one request: first the limits (before anything is parsed or signed), then the
 * signature. Form bodies are checked through their parameters, JSON webhooks through
 * `bodySHA256`; any other non-empty body is refused, as the signature would not cover it. The
 * signed string's parameter part is built once, for every spelling of the URL tried.
 * @throws Error when a JSON webhook's raw body is not available (a JSON parser consumed it first).
 */
export function checkRequest(secrets: WebhookSecrets, limits: BodyLimits, request: SignedRequest): Verdict {
  const { url, body } = request;
  if (!request.signature) return { refusal: { status: 400, reason: `no ${SIGNATURE_HEADER} header` } };
  const hash = bodyHashOf(url);
  const form = hash === undefined && isFormType(request.contentType);
  const oversized = overLimits(request, limits, form);
  if (oversized !== undefined) return { refusal: oversized };
  const algorithm = signatureAlgorithmOf(request.settings);
  const key = request.settings ? secrets.sharedKeySecret : secrets.authToken;
  if (key === undefined) {
    return {
      refusal: {
        status: 403,
        reason: `signed with a SharedKey (${SIGNATURE_SETTINGS_HEADER}: ${request.settings}) but no sharedKeySecret is configured`,
      },
    };
  }
  let params: SignedParams = {};
  let parsedForm: FormParams | undefined;
  if (form) {
    params = 'raw' in body ? (parsedForm = parseForm(decoder.decode(body.raw))) : ((body.parsed ?? {}) as SignedParams);
  } else if (hash === undefined && !isEmptyBody(body)) {
    const type = mediaTypeOf(request.contentType);
    return {
      refusal: {
        status: 403,
        reason: `the ${type || 'untyped'} body is not covered by the signature (only form bodies are, or JSON bodies through a bodySHA256 query parameter)`,
      },
    };
  }
  if (!validateRequest(key, request.signature, url, params, { algorithm })) {
    if (!isSupportedAlgorithm(algorithm)) {
      return {
        refusal: { status: 403, reason: `${SIGNATURE_SETTINGS_HEADER} names the unsupported algorithm ${algorithm}` },
      };
    }
    const count = Object.keys(params instanceof URLSearchParams ? {} : params).length;
    return {
      refusal: {
        status: 403,
        reason:
          `${SIGNATURE_HEADER} does not match ${request.method} ${redactUrl(url)} with ${count} parameter${count === 1 ? '' : 's'} ` +
          '(behind a proxy or tunnel? set the url, baseUrl or trustProxy option)',
      },
    };
  }
  if (hash !== undefined) {
    if (!('raw' in body)) {
      throw new Error(
        `twiml-jsx/http: ${request.method} ${redactUrl(url)} is a JSON webhook (bodySHA256): its raw body is needed, but a body parser already consumed it; verify before parsing`,
      );
    }
    // Same verdict as validateRequestWithBody(), told apart for the log.
    if (computeBodyHash(body.raw) !== hash) {
      return { refusal: { status: 403, reason: `the body does not hash to the bodySHA256 of ${redactUrl(url)}` } };
    }
  }
  return { form: parsedForm };
}

/**
 * The parameters of a verified request, as `WebhookVerification.params` describes them; `form`
 * is the form `checkRequest` already parsed, if any.
 */
export function paramsOf(
  method: string,
  seenUrl: string,
  contentType: string | null | undefined,
  raw: Uint8Array,
  form?: FormParams,
) {
  if (hasNoBody(method)) return parseForm(queryOf(seenUrl));
  if (form !== undefined) return form;
  return paramsOfBody(contentType, decoder.decode(raw)) ?? parseForm('');
}

/** The short text answered to a rejected request; why a signature did not match is only logged. */
export function rejectionText({ status, reason }: Refusal): string {
  if (status === 400) return `Bad Request: ${reason}`;
  if (status === 413) return 'Payload Too Large';
  if (status === 500) return 'Internal Server Error: the webhook cannot be verified (see the server log)';
  return 'Forbidden: the request is not signed by Twilio';
}

/** The `onReject` of a verifier: the option, or the shared rate-limited log. */
export function rejectionHandler(options: WebhookOptions<never>): (rejection: WebhookRejection) => void {
  return options.onReject ?? defaultRejectionLog;
}

/**
 * Reports a refusal to `onReject` and returns the rejection (its URL without a password). The 500
 * of a missing token is not reported: `tokenMissing` logged it.
 */
export function reject(
  onReject: (rejection: WebhookRejection) => void,
  refusal: Refusal,
  method: string,
  url: string,
): WebhookRejection {
  const rejection = { status: refusal.status, reason: refusal.reason, method, url: redactUrl(url) };
  if (refusal.status !== 500) onReject(rejection);
  return rejection;
}

/** What a failed read of a body means: over a limit (413), or a body that could not be read (400). */
export function readRefusal(error: unknown): Refusal {
  return (
    limitRefusal(error) ?? {
      status: 400,
      reason: `the body could not be read (${error instanceof Error ? error.message : String(error)})`,
    }
  );
}

/**
 * Creates a verifier for Fetch `Request`s. The auth token is read when the first request
 * arrives, so creating one at module level needs no token (`next build`); without a token every
 * request is answered 500 and the missing `TWILIO_AUTH_TOKEN` is logged once. Each call reads the
 * body through a clone (the handler can still read it), checks `X-Twilio-Signature` and returns
 * the parameters, or a rejection with the `Response` to return (400 without a signature, 403 for
 * a wrong one, 413 for a body over `maxBodyBytes` or a form over `maxParams`). The body is read
 * from its stream with a byte counter: a larger `Content-Length` is refused before reading, and
 * reading stops at the limit.
 *
 * The URL checked is `request.url` with the authority of the `Host` header (as the official
 * helper's Express middleware does): frameworks such as Next.js hand the handler a URL naming
 * their own listening address (`http://localhost:3000/…`) whatever host the client called.
 * `url`, `baseUrl` and `trustProxy` (`X-Forwarded-*`) choose another one.
 *
 * @example
 * // app/voice/route.tsx (Next.js App Router)
 * const verify = webhookVerifier({ baseUrl: 'https://example.com' });
 * export async function POST(request: Request) {
 *   const check = await verify<VoiceWebhook>(request);
 *   if (!check.valid) return check.response;
 *   return twiml(<Menu />);
 * }
 * @throws Error for an empty `sharedKeySecret`; TypeError for a malformed `url`, `baseUrl` or limit.
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
  const secretsOf = webhookSecrets(options, who);
  const limits = bodyLimitsOf(options, who);
  const onReject = rejectionHandler(options);
  /** The verdict on a request to `url`, and its body (read within the limits, only when signed and not GET). */
  async function judge(request: Request, url: string): Promise<{ verdict: Verdict; raw: Uint8Array }> {
    const secrets = secretsOf();
    let raw: Uint8Array = new Uint8Array(0);
    if (isRefusal(secrets)) return { verdict: { refusal: secrets }, raw };
    const { method, headers } = request;
    const signature = headers.get(SIGNATURE_HEADER);
    if (signature && !hasNoBody(method)) {
      checkUnread(request, who);
      try {
        raw = await readBodyBytes(request, who, limits);
      } catch (error) {
        return { verdict: { refusal: readRefusal(error) }, raw };
      }
    }
    const verdict = checkRequest(secrets, limits, {
      method,
      url,
      seenUrl: request.url,
      signature,
      settings: headers.get(SIGNATURE_SETTINGS_HEADER),
      contentType: headers.get('content-type'),
      body: { raw, metered: true },
    });
    return { verdict, raw };
  }
  return async <T>(request: Request): Promise<FetchWebhookVerification<T>> => {
    const { method, headers } = request;
    const seen = withHostHeader(request.url, headers.get('host'));
    const url = publicUrl(seen, (name) => headers.get(name), request, options);
    const { verdict, raw } = await judge(request, url);
    if (verdict.refusal === undefined) {
      const params = paramsOf(method, request.url, headers.get('content-type'), raw, verdict.form);
      return { valid: true, url, params: params as T };
    }
    const rejection = reject(onReject, verdict.refusal, method, url);
    const response = new Response(rejectionText(rejection), {
      status: rejection.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    return { valid: false, ...rejection, response };
  };
}

/**
 * Verifies that a Fetch `Request` comes from Twilio (see `webhookVerifier`, which checks its
 * options once instead of on every call). The body is read through a clone, so the handler can
 * still read it.
 *
 * @example
 * app.post('/voice', async (c) => {
 *   const check = await verifyWebhook(c.req.raw, { trustProxy: true });
 *   if (!check.valid) return check.response; // 400, 403, 413, or 500 without an auth token
 *   return twiml(<Menu />);
 * });
 * @throws (rejects with) Error for an empty `sharedKeySecret`; TypeError for a malformed `url` or `baseUrl`.
 */
export async function verifyWebhook<T = FormParams>(
  request: Request,
  options?: WebhookOptions<Request>,
): Promise<FetchWebhookVerification<T>> {
  return fetchVerifier(options ?? {}, 'verifyWebhook()')<T>(request);
}
