/**
 * Reading webhook parameters from request bodies: form fields, query strings and JSON documents,
 * from Fetch `Request`s and Node streams alike, never past the limits of limits.ts. A body is read
 * chunk by chunk with a byte counter (and a parameter counter for forms) and reading stops at the
 * chunk that passes a limit, so no client can make the server hold more than `maxBodyBytes`.
 */
import {
  type BodyLimitOptions,
  type BodyLimits,
  bodyLimitsOf,
  BodyTooLargeError,
  checkContentLength,
  countFormParams,
  ParamCounter,
  TooManyParamsError,
} from './limits.js';
import type { FormParams } from './webhook-params.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

/**
 * Parses an `application/x-www-form-urlencoded` body (or a query string): `+` is a space,
 * percent-escapes are decoded, and a name that occurs more than once keeps all of its values in
 * an array, in order. The result has no prototype, so names like `__proto__` are plain fields.
 *
 * @example
 * parseForm('Digits=1&Media=a&Media=b'); // { Digits: '1', Media: ['a', 'b'] }
 * @throws TooManyParamsError when `options.maxParams` is given and the text has more parameters
 *   (counted before anything is parsed).
 */
export function parseForm(text: string, options?: Pick<BodyLimitOptions, 'maxParams'>): FormParams {
  const limit = options?.maxParams;
  if (limit !== undefined && countFormParams(text) > limit) throw new TooManyParamsError(limit);
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(text)) {
    const seen = params[name];
    if (seen === undefined) params[name] = value;
    else if (typeof seen === 'string') params[name] = [seen, value];
    else seen.push(value);
  }
  return params;
}

/** The media type of a `Content-Type` value, lower-cased, without parameters: `application/json`. */
export function mediaTypeOf(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
}

/** Whether a body of this `Content-Type` is a form, whose parameters are counted against `maxParams`. */
export function isFormType(contentType: string | null | undefined): boolean {
  return mediaTypeOf(contentType) === FORM;
}

/** The webhook parameters in a body of this type: form fields, or the JSON document; `undefined` for other types. */
export function paramsOfBody(contentType: string | null | undefined, text: string): unknown {
  switch (mediaTypeOf(contentType)) {
    case FORM:
      return parseForm(text);
    case JSON_TYPE:
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new SyntaxError(`twiml-jsx/http: the webhook body is not valid JSON (${(error as Error).message})`);
      }
    default:
      return undefined;
  }
}

/** Whether requests with this method carry their parameters in the query string. */
export function hasNoBody(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** A body as it arrives: a Fetch `ReadableStream`, or a Node stream (any async iterable of chunks). */
type BodySource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

const encoder = new TextEncoder();

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** A Node stream's iterator that leaves the stream alone when reading stops early (no destroy). */
interface NodeReadableLike {
  iterator(options: { destroyOnReturn: boolean }): AsyncIterator<Uint8Array | string>;
}

function iteratorOf(source: AsyncIterable<Uint8Array | string>): AsyncIterator<Uint8Array | string> {
  // Stopping a Node stream's default iterator destroys the stream, and with an HTTP request its
  // socket: the answer (413) could not be sent any more. Node streams have a gentler one.
  const readable = source as Partial<NodeReadableLike>;
  if (typeof readable.iterator === 'function') return readable.iterator({ destroyOnReturn: false });
  return source[Symbol.asyncIterator]();
}

/**
 * Reads a body to its end within `limits`, counting bytes (and, for a form, parameters) as each
 * chunk arrives. Reading stops at the chunk that passes a limit, so at most `maxBodyBytes` plus
 * one chunk is ever held; the stream is then cancelled (Fetch) or left paused (Node: destroying
 * a request would take its socket, and the 413, with it). The rest of a refused upload is left to
 * the server: Node closes the connection when the client gives up or at `server.requestTimeout`,
 * as after Express's own body parser refuses a body; @hono/node-server drains and closes it.
 *
 * @throws BodyTooLargeError past `maxBodyBytes`; TooManyParamsError past `maxParams` (forms);
 *   whatever the stream throws (an aborted upload).
 */
export async function readBody(source: BodySource, limits: BodyLimits, form: boolean): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const params = form ? new ParamCounter() : undefined;
  const from = chunksOf(source);
  try {
    for (;;) {
      const { done, value } = await from.next();
      if (done) return joined(chunks);
      const bytes = typeof value === 'string' ? encoder.encode(value) : value;
      length += bytes.length;
      if (length > limits.maxBodyBytes) throw new BodyTooLargeError(limits.maxBodyBytes);
      if (params !== undefined && params.push(bytes) > limits.maxParams) throw new TooManyParamsError(limits.maxParams);
      chunks.push(bytes);
    }
  } catch (error) {
    await from.stop(error);
    throw error;
  } finally {
    from.release();
  }
}

/** The chunks of a body, however it arrives, and how to stop reading it early. */
interface Chunks {
  next(): Promise<IteratorResult<Uint8Array | string, unknown>>;
  /** Stops reading after `error`: cancels a Fetch stream, leaves a Node stream paused. */
  stop(error: unknown): Promise<void>;
  /** Lets go of the source once reading is over. */
  release(): void;
}

function chunksOf(source: BodySource): Chunks {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    return {
      next: () => reader.read(),
      // Not awaited: cancelling one branch of a cloned request settles only with the other one.
      stop: async (error) => void reader.cancel(error).catch(() => {}),
      release: () => reader.releaseLock(),
    };
  }
  const iterator = iteratorOf(source as AsyncIterable<Uint8Array | string>);
  return {
    next: () => iterator.next(),
    stop: async () => void (await iterator.return?.()),
    release: () => {},
  };
}

/**
 * Checks that nothing has read a Fetch request's body yet (it could not be read again).
 * @throws TypeError naming `who` when it was already read: a mistake in the order of handlers.
 */
export function checkUnread(request: Request, who: string): void {
  if (request.bodyUsed) {
    throw new TypeError(
      `twiml-jsx/http: ${who} cannot read the body of ${request.method} ${request.url}: it was already read; call ${who} before anything else reads it`,
    );
  }
}

/**
 * Reads a Fetch request's body through a clone (the request itself stays unread), within
 * `limits`: a `Content-Length` over `maxBodyBytes` is refused before anything is read.
 * @throws TypeError if the body was already read; the errors of `readBody`.
 */
export async function readBodyBytes(request: Request, who: string, limits: BodyLimits): Promise<Uint8Array> {
  checkUnread(request, who);
  checkContentLength(request.headers.get('content-length'), limits);
  const body = request.clone().body;
  if (body === null) return new Uint8Array(0);
  return readBody(body, limits, isFormType(request.headers.get('content-type')));
}

const decoder = new TextDecoder();

/**
 * The parameters of a webhook request: the form fields of a POST, or the query parameters of a
 * GET (Twilio's `method="GET"`). Reads through a clone: the request's body stays readable. The
 * body is read within the limits (the defaults of the verifiers; pass the same options as to the
 * verifier if you raised them there).
 *
 * @example
 * const form = await readForm(request); // { CallSid: 'CA…', Digits: '1', … }
 * @throws TypeError if the body was already read, or is neither form-encoded nor empty;
 *   BodyTooLargeError / TooManyParamsError (status 413) past `maxBodyBytes` / `maxParams`.
 */
export async function readForm(request: Request, options?: BodyLimitOptions): Promise<FormParams> {
  const limits = bodyLimitsOf(options, 'readForm()');
  if (hasNoBody(request.method)) return parseForm(new URL(request.url).search, limits);
  const contentType = request.headers.get('content-type');
  if (!isFormType(contentType) && contentType) {
    throw new TypeError(
      `twiml-jsx/http: readForm() expects an application/x-www-form-urlencoded body, but ${request.method} ${request.url} has Content-Type ${JSON.stringify(contentType)}`,
    );
  }
  // Read within the limits: a form's parameters are counted as it is read.
  const text = decoder.decode(await readBodyBytes(request, 'readForm()', limits));
  if (text !== '' && !contentType) {
    throw new TypeError(
      `twiml-jsx/http: readForm() expects an application/x-www-form-urlencoded body, but ${request.method} ${request.url} has a body without Content-Type`,
    );
  }
  return parseForm(text);
}

/**
 * Reads a webhook's parameters typed as one of the shapes of webhook-params.ts: form fields
 * (POST), query parameters (GET), or the document of a JSON webhook. The type is not checked at
 * run time: Twilio decides what it sends. Limits as for `readForm`.
 *
 * @example
 * app.post('/menu/choice', async (c) => {
 *   const { Digits, SpeechResult } = await readWebhook<GatherCallback>(c.req.raw);
 *   return twiml(<MenuChoice digits={Digits} speech={SpeechResult} />);
 * });
 * @throws TypeError if the body was already read or has another type; SyntaxError for broken
 *   JSON; BodyTooLargeError / TooManyParamsError (status 413) past the limits.
 */
export async function readWebhook<T = FormParams>(request: Request, options?: BodyLimitOptions): Promise<T> {
  if (mediaTypeOf(request.headers.get('content-type')) === JSON_TYPE && !hasNoBody(request.method)) {
    const limits = bodyLimitsOf(options, 'readWebhook()');
    return paramsOfBody(JSON_TYPE, decoder.decode(await readBodyBytes(request, 'readWebhook()', limits))) as T;
  }
  return (await readForm(request, options)) as T;
}
