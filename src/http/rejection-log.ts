/**
 * Logging refused webhook requests without flooding the log: under attack a public endpoint can
 * refuse thousands of requests a second, and one line each would bury everything else (and fill
 * disks). The first few refusals are logged in full; after that, one summary line per interval
 * says how many more were refused. Nothing secret is ever written: no token, no signature, no
 * password of a URL.
 */
import type { WebhookRejection } from './verify.js';

/** How the rejection log is rate-limited. */
export interface RejectionLoggerOptions {
  /**
   * Refusals logged one line each before lines are replaced by summaries; the allowance returns
   * after an interval without refusals beyond it.
   * @default 10
   */
  readonly first?: number;
  /**
   * Length of an interval, in milliseconds: at most one summary line is written per interval.
   * @default 10000 (10 s)
   */
  readonly intervalMs?: number;
  /**
   * Where lines go.
   * @default console.warn
   */
  readonly write?: (line: string) => void;
}

/** A URL as it may be logged: the password of `user:password@` replaced by `***`. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#@:]*):[^/?#@]*@/i, '$1:***@');
}

const number = new Intl.NumberFormat('en-US');

/** `17,000 × 403, 12 × 413`: how many refusals of each status were not logged. */
function byStatus(counts: ReadonlyMap<number, number>): string {
  return Array.from(counts)
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${number.format(count)} × ${status}`)
    .join(', ');
}

/**
 * An `onReject` handler that logs refused requests at a bounded rate: the first `first`
 * refusals one line each (method, URL checked, status, reason), then at most one line per
 * `intervalMs` counting the refusals not logged. When an interval passes without a refusal
 * beyond the allowance, the allowance is back. The verifiers use one shared instance of it by
 * default.
 *
 * @example
 * const onReject = rejectionLogger({ write: (line) => logger.warn(line) });
 * app.use('/twilio/*', honoWebhook({ onReject }));
 * // twiml-jsx/http: rejected POST https://example.com/voice with 403: X-Twilio-Signature does not match …
 * // … (9 more such lines, then at most one line per 10 s:)
 * // twiml-jsx/http: 17,000 more webhook requests refused in the last 10 s (17,000 × 403), not logged one by one
 */
export function rejectionLogger(options: RejectionLoggerOptions = {}): (rejection: WebhookRejection) => void {
  const first = options.first ?? 10;
  const intervalMs = options.intervalMs ?? 10_000;
  const write = options.write ?? ((line: string) => console.warn(line));
  if (!Number.isSafeInteger(first) || first < 0) {
    throw new TypeError(`twiml-jsx/http: rejectionLogger() got first ${first}; expected a whole number (0 or more)`);
  }
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) {
    throw new TypeError(`twiml-jsx/http: rejectionLogger() got intervalMs ${intervalMs}; expected milliseconds (> 0)`);
  }
  let allowance = first;
  let suppressed = new Map<number, number>();
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function tick(): void {
    timer = undefined;
    if (total === 0) {
      allowance = first; // a quiet interval: log in full again
      return;
    }
    const seconds = intervalMs % 1000 === 0 ? `${intervalMs / 1000} s` : `${intervalMs} ms`;
    write(
      `twiml-jsx/http: ${number.format(total)} more webhook request${total === 1 ? '' : 's'} refused in the last ${seconds} ` +
        `(${byStatus(suppressed)}), not logged one by one`,
    );
    suppressed = new Map();
    total = 0;
    arm();
  }

  function arm(): void {
    timer = setTimeout(tick, intervalMs);
    // Never keep a process alive for a log line.
    (timer as { unref?: () => void }).unref?.();
  }

  return (rejection) => {
    if (timer === undefined) arm();
    if (allowance > 0) {
      allowance--;
      write(
        `twiml-jsx/http: rejected ${rejection.method} ${redactUrl(rejection.url)} with ${rejection.status}: ${rejection.reason}`,
      );
      return;
    }
    total++;
    suppressed.set(rejection.status, (suppressed.get(rejection.status) ?? 0) + 1);
  };
}

let shared: ((rejection: WebhookRejection) => void) | undefined;

/** The default `onReject` of every verifier: one rate-limited log for the whole process. */
export function defaultRejectionLog(rejection: WebhookRejection): void {
  shared ??= rejectionLogger();
  shared(rejection);
}
