/**
 * When to try a request again, and how long to wait: exponential backoff with full jitter,
 * unless Twilio said how long with `Retry-After`.
 */
import { parseTwilioDate } from './response.js';

/** First backoff window; the n-th retry (0-based) waits a random time below `BASE × 2ⁿ`. */
export const BACKOFF_BASE_MS = 200;

/**
 * Statuses after which a request may or may not have been carried out: retried only for
 * requests that are safe to repeat (`GET`) or when the caller opts in.
 */
export const AMBIGUOUS_STATUSES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Waits `ms` milliseconds; rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The real `Sleep`, on `setTimeout`.
 *
 * @example
 * await sleep(250, controller.signal);
 */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Full-jitter backoff before retry number `retry` (0 for the first): a uniformly random whole
 * number of milliseconds in `[0, min(cap, 200 × 2^retry))`.
 *
 * @param random a source of numbers in `[0, 1)`, like `Math.random`.
 * @example
 * backoffDelay(2, 3_000, () => 0.5); // 400
 */
export function backoffDelay(retry: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, BACKOFF_BASE_MS * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: a number of seconds, or an HTTP date
 * (compared with `now`). `undefined` when absent or unreadable; never negative.
 *
 * @example
 * parseRetryAfter('2', Date.now()); // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('2015-10-21T07:28:00Z')); // 5000
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = parseTwilioDate(value);
  return date === null ? undefined : Math.max(0, date.getTime() - now);
}
