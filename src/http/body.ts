/**
 * Reading webhook parameters from requests: form fields, query strings and JSON documents, from
 * Fetch `Request`s and Node streams. What the parameters are is webhook-params.ts's subject.
 */
import type { FormParams } from './webhook-params.js';

/**
 * Parses an `application/x-www-form-urlencoded` body (or a query string): `+` is a space,
 * percent-escapes are decoded, and a name that occurs more than once keeps all of its values in
 * an array, in order. The result has no prototype, so names like `__proto__` are plain fields.
 */
export function parseForm(text: string): FormParams {
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

/** The webhook parameters in a body of this type: form fields, or the JSON document; `undefined` for other types. */
export function paramsOfBody(contentType: string | null | undefined, text: string): unknown {
  switch (mediaTypeOf(contentType)) {
    case 'application/x-www-form-urlencoded':
      return parseForm(text);
    case 'application/json':
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

/** Reads a Fetch request's body through a clone, so that the request itself stays unread. */
export async function readBodyBytes(request: Request, who: string): Promise<Uint8Array> {
  if (request.bodyUsed) {
    throw new TypeError(
      `twiml-jsx/http: ${who} cannot read the body of ${request.method} ${request.url}: it was already read; call ${who} before anything else reads it`,
    );
  }
  return new Uint8Array(await request.clone().arrayBuffer());
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Thrown when a body is larger than allowed; `status` is 413. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError' as const;
  readonly status = 413;
  readonly statusCode = 413;

  constructor(limit: number) {
    super(`twiml-jsx/http: the request body is larger than the limit of ${limit} bytes`);
  }
}

/** Reads a Node stream to its end, refusing more than `limit` bytes. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    length += bytes.length;
    if (length > limit) throw new BodyTooLargeError(limit);
    chunks.push(bytes);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/**
 * The parameters of a webhook request: the form fields of a POST, or the query parameters of a
 * GET (Twilio's `method="GET"`). Reads through a clone: the request's body stays readable.
 *
 * @example
 * const form = await readForm(request); // { CallSid: 'CA…', Digits: '1', … }
 * @throws TypeError if the body was already read, or is neither form-encoded nor empty.
 */
export async function readForm(request: Request): Promise<FormParams> {
  if (hasNoBody(request.method)) return parseForm(new URL(request.url).search);
  const contentType = request.headers.get('content-type');
  const text = decoder.decode(await readBodyBytes(request, 'readForm()'));
  if (mediaTypeOf(contentType) === 'application/x-www-form-urlencoded' || (text === '' && !contentType)) {
    return parseForm(text);
  }
  throw new TypeError(
    `twiml-jsx/http: readForm() expects an application/x-www-form-urlencoded body, but ${request.method} ${request.url} has Content-Type ${JSON.stringify(contentType)}`,
  );
}

/**
 * Reads a webhook's parameters typed as one of the shapes above: form fields (POST), query
 * parameters (GET), or the document of a JSON webhook. The type is not checked at run time:
 * Twilio decides what it sends.
 *
 * @example
 * app.post('/menu/choice', async (c) => {
 *   const { Digits, SpeechResult } = await readWebhook<GatherCallback>(c.req.raw);
 *   return twiml(<MenuChoice digits={Digits} speech={SpeechResult} />);
 * });
 * @throws TypeError if the body was already read or has another type; SyntaxError for broken JSON.
 */
export async function readWebhook<T = FormParams>(request: Request): Promise<T> {
  if (mediaTypeOf(request.headers.get('content-type')) === 'application/json' && !hasNoBody(request.method)) {
    return paramsOfBody('application/json', decoder.decode(await readBodyBytes(request, 'readWebhook()'))) as T;
  }
  return (await readForm(request)) as T;
}
