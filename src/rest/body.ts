/**
 * Reads a response body with a byte counter, up to a limit (`maxResponseBytes`): a body that
 * goes on past it — chunked, without a `Content-Length`, with a lying one, or decompressed from
 * a small gzip — is never buffered beyond the limit; reading stops there and the connection is
 * closed.
 */

/**
 * Default of `maxResponseBytes`: 1 MiB. A call or message resource is 1–3 kB of JSON (a
 * 1,600-character message body written as `\uXXXX` escapes is under 10 kB) and an error body
 * under 1 kB, so this is about a hundred times the largest answer Twilio gives these
 * operations, while one request can hold no more than this much.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;

/**
 * Most bytes of an error body (a status outside 2xx) read, when `maxResponseBytes` is higher:
 * 64 KiB. Twilio's error bodies are under 1 kB; an error only keeps an excerpt and the JSON
 * fields, and redacting credentials from them costs time in proportion to their size.
 */
export const MAX_ERROR_BODY_BYTES = 65_536;

/** A body read up to the limit. */
export interface BoundedBody {
  /** The body as UTF-8 text (only its first `limit` bytes when `overLimit`). */
  readonly text: string;
  /** The body had more than `limit` bytes; reading stopped at the limit (or never started). */
  readonly overLimit: boolean;
  /** The `Content-Length` that announced a body over the limit (then nothing was read). */
  readonly declaredBytes?: number | undefined;
}

/** The declared length of an uncompressed body, when the response gives one. */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding.trim().toLowerCase() !== 'identity') return undefined; // counts compressed bytes
  const length = response.headers.get('content-length');
  return length !== null && /^\s*\d+\s*$/.test(length) ? Number(length) : undefined;
}

/** Stops a body we will not read to its end, without waiting (closes the connection). */
function discard(stream: ReadableStream<Uint8Array> | { cancel?: () => Promise<void> } | null | undefined) {
  stream?.cancel?.().catch(() => undefined);
}

/**
 * Reads `response`'s body as text, stopping after `limit` bytes.
 *
 * @param limit most bytes read, a positive whole number.
 * @param until wraps each read (e.g. to reject when a timeout fires); the body is cancelled
 * whenever reading ends early, whatever the reason.
 * @example
 * const { text, overLimit } = await readBody(response, 1_048_576, (read) => read);
 */
export async function readBody(
  response: Response,
  limit: number,
  until: <T>(read: Promise<T>) => Promise<T> = (read) => read,
): Promise<BoundedBody> {
  const declared = declaredLength(response);
  if (declared !== undefined && declared > limit) {
    discard(response.body);
    return { text: '', overLimit: true, declaredBytes: declared };
  }
  const stream = response.body as ReadableStream<Uint8Array> | null | undefined;
  if (stream === null) return { text: '', overLimit: false };
  if (stream === undefined) {
    // Not a real Response (a hand-made mock): its text is already in memory.
    const whole = await until(response.text());
    const bytes = new TextEncoder().encode(whole);
    return bytes.byteLength > limit
      ? { text: new TextDecoder().decode(bytes.subarray(0, limit)), overLimit: true }
      : { text: whole, overLimit: false };
  }
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await until(reader.read());
      if (done) {
        finished = true;
        break;
      }
      if (value.byteLength > limit - bytes) {
        parts.push(decoder.decode(value.subarray(0, limit - bytes)));
        return { text: parts.join(''), overLimit: true };
      }
      bytes += value.byteLength;
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return { text: parts.join(''), overLimit: false };
  } finally {
    if (!finished) discard(reader);
  }
}
