/**
 * Reads the body of a failed response into a `TwilioApiError`: Twilio's own shape
 * `{ code, message, more_info, status, details }`, RFC 9457 problem+json
 * `{ type, title, status, detail, … }`, or anything else (kept as a short excerpt).
 */
import { TwilioApiError } from './errors.js';

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
 * A one-line excerpt of a body, for messages.
 *
 * @example
 * excerpt('<html>\n  <body>Bad Gateway</body>\n</html>'); // '<html> <body>Bad Gateway</body> </html>'
 */
export function excerpt(text: string): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH)}…` : line;
}

/** What `apiErrorFrom` needs to know about the response. */
export interface FailedResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
  readonly method: string;
  readonly path: string;
  readonly retryAfterMs: number | undefined;
}

/**
 * The error for a response outside 2xx.
 *
 * @example
 * apiErrorFrom({ status: 404, contentType: 'application/json', text: '{"code":20404,"message":"Not found"}', … }).code;
 * // 20404
 */
export function apiErrorFrom(response: FailedResponse): TwilioApiError {
  const { status, method, path, retryAfterMs } = response;
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    json = undefined;
  }
  if (!isObject(json)) {
    return new TwilioApiError({ status, method, path, retryAfterMs, bodyExcerpt: excerpt(response.text) });
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
  });
}
