/**
 * Reads the body of a failed response into a `TwilioApiError`: Twilio's own shape
 * `{ code, message, more_info, status, details }`, RFC 9457 problem+json
 * `{ type, title, status, detail, … }`, or anything else (kept as a short excerpt).
 */
import type { BoundedBody } from './body.js';
import { TwilioApiError } from './errors.js';
import type { Redactor } from './redact.js';

/** Longest excerpt of a non-JSON body kept in the message. */
const EXCERPT_LENGTH = 200;

/** Members of a problem+json body that have their own place; the others go to `details`. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'message', 'more_info']);

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOf = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function codeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/**
 * A one-line excerpt of a body, for messages: its start, at most 200 characters, with the
 * client's credentials redacted. Only the start is redacted (a few kilobytes), so a large body
 * costs no more than a small one.
 *
 * @param cut the body was cut short (over `maxResponseBytes`).
 * @example
 * excerpt('<html>\n  <body>Bad Gateway</body>\n</html>', redact); // '<html> <body>Bad Gateway</body> </html>'
 */
export function excerpt(text: string, redact: Redactor, cut = false): string {
  const whole = text.trimStart();
  const start = whole.slice(0, EXCERPT_LENGTH + redact.margin);
  const shortened = cut || start.length < whole.length;
  const line = (shortened ? redact.cutText(start) : redact.text(start)).trim().replace(/\s+/g, ' ');
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

/** What `apiErrorFrom` needs to know about the response. */
export interface FailedResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly body: BoundedBody;
  /** The byte limit the body was read with. */
  readonly limit: number;
  /** The `Location` header of a redirect. */
  readonly location?: string | undefined;
  /** Removes the client's credentials from the error. */
  readonly redact: Redactor;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | undefined;
}

/**
 * The error for a response outside 2xx, with the client's credentials redacted from every field.
 *
 * @example
 * apiErrorFrom({ status: 404, contentType: 'application/json', body: { text: '{"code":20404,"message":"Not found"}', overLimit: false }, … }).code;
 * // 20404
 */
export function apiErrorFrom(response: FailedResponse): TwilioApiError {
  return response.redact.error(errorFrom(response));
}

function errorFrom(response: FailedResponse): TwilioApiError {
  const { status, method, path, retryAfterMs, location, body, limit, redact } = response;
  let json: unknown;
  try {
    json = body.overLimit ? undefined : JSON.parse(body.text);
  } catch {
    json = undefined;
  }
  if (!isObject(json)) {
    const start = excerpt(body.text, redact, body.overLimit);
    const bodyExcerpt = !body.overLimit
      ? start
      : body.declaredBytes !== undefined
        ? `not read: ${body.declaredBytes} bytes (Content-Length), over the ${limit}-byte limit`
        : `${start} (cut at ${limit} bytes; the rest was not read)`;
    return new TwilioApiError({ status, method, path, retryAfterMs, location, bodyExcerpt });
  }
  const problem =
    /\bproblem\+json\b/i.test(response.contentType ?? '') ||
    (typeof json.type === 'string' && typeof json.title === 'string');
  let apiMessage = stringOf(json.message);
  let moreInfo = stringOf(json.more_info);
  let details = isObject(json.details) ? json.details : undefined;
  if (problem) {
    apiMessage ??= [stringOf(json.title), stringOf(json.detail)].filter(Boolean).join(': ') || undefined;
    const type = stringOf(json.type);
    if (moreInfo === undefined && type !== undefined && /^https?:\/\//i.test(type)) moreInfo = type;
    if (details === undefined) {
      const extensions = Object.entries(json).filter(([key]) => !PROBLEM_MEMBERS.has(key));
      if (extensions.length > 0) details = Object.fromEntries(extensions);
    }
  }
  return new TwilioApiError({
    status,
    code: codeOf(json.code),
    apiMessage,
    moreInfo,
    details,
    method,
    path,
    retryAfterMs,
    location,
  });
}
