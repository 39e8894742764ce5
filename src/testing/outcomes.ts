/**
 * What the simulated world answers when a flow dials, records, queues or takes a payment.
 * Each outcome can be a value, a list (used in turn; the last one repeats) or a function of
 * what the verb asked for, which may return a promise (the simulation waits for it: a UI can
 * let a person decide).
 */
import type { DialCallStatus as DialStatus, PayResult, QueueResult } from '../http/index.js';

/**
 * The statuses and results the outcomes report are those of the webhook parameters, declared
 * once in `twiml-jsx/http` (`DialStatus` is its `DialCallStatus`).
 */
export type { DialStatus, PayResult, QueueResult };

export interface DialOutcome {
  /** `DialCallStatus`. */
  readonly status: DialStatus;
  /**
   * Seconds the dialed call lasted (`DialCallDuration`), when it was answered.
   * @default 30
   */
  readonly duration?: number;
}

export interface RecordOutcome {
  /**
   * Whether anything was recorded. With nothing recorded (`false`, or a `duration` of 0), Twilio
   * does not request `action` and goes on with the next verb.
   * @default true, unless `duration` is 0
   * @see https://www.twilio.com/docs/voice/twiml/record#action
   */
  readonly recorded?: boolean;
  /**
   * `RecordingDuration` in seconds (0 when nothing was recorded).
   * @default 5
   */
  readonly duration?: number;
  /**
   * The key that ended the recording, as sent in `Digits`, or `hangup`: the caller hung up, so
   * the call ends (`action` is still requested when something was recorded, but what it answers
   * does not run).
   * @default the first `finishOnKey` key (`#` by default), or `hangup` when there is none;
   * `timeout` (silence) when nothing was recorded
   */
  readonly finishedBy?: string;
}

export interface EnqueueOutcome {
  /**
   * `QueueResult`. `hangup` means the caller hung up: the call ends (`action` is still requested,
   * but what it answers does not run).
   * @default bridged (or what the wait document did: leave, hangup)
   */
  readonly result?: QueueResult;
  /**
   * Seconds spent in the queue (`QueueTime`).
   * @default 10
   */
  readonly queueTime?: number;
}

export interface PayOutcome {
  /**
   * `Result`. `too-many-failed-attempts`: the caller ran out of attempts, so Twilio goes on with
   * the next verb without requesting `action`; `caller-hung-up`: the call ends (`action` is
   * still requested, but what it answers does not run).
   * @default success
   * @see https://www.twilio.com/docs/voice/twiml/pay#maxattempts
   */
  readonly result?: PayResult;
  /** More parameters for the `action` request (e.g. `PaymentError`). */
  readonly params?: Readonly<Record<string, string>>;
}

export interface ConnectOutcome {
  /** Parameters for the `action` request when the connection ends. */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * A value, values used in turn (the last repeats), or a function of the verb's details that
 * returns the outcome or a promise of it.
 */
export type Scripted<Outcome, Details> =
  | Outcome
  | readonly Outcome[]
  | ((details: Details) => Outcome | PromiseLike<Outcome>);

/** What a `<Dial>` asked for: its targets as written (`+1555…`, `client:alice`, `conference:room`). */
export interface DialDetails {
  readonly to: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

export interface VerbDetails {
  readonly attributes: Readonly<Record<string, string>>;
}

export interface Outcomes {
  /** @default answered and talked for 30 seconds: `{ status: 'completed', duration: 30 }` */
  readonly dial?: Scripted<DialOutcome | DialStatus, DialDetails>;
  /** @default `{ duration: 5 }`, ended by the first finish key; `{ recorded: false }`: nothing recorded */
  readonly record?: Scripted<RecordOutcome, VerbDetails>;
  /** @default `{ result: 'bridged', queueTime: 10 }` */
  readonly enqueue?: Scripted<EnqueueOutcome | QueueResult, VerbDetails & { readonly queue: string }>;
  /** @default `{ result: 'success' }` */
  readonly pay?: Scripted<PayOutcome | PayResult, VerbDetails>;
  /** @default no extra parameters */
  readonly connect?: Scripted<ConnectOutcome, VerbDetails & { readonly to: readonly string[] }>;
}

/** Picks the outcome for the `n`-th use of a scripted value (awaiting a function's promise). */
export async function pick<Outcome, Details>(
  scripted: Scripted<Outcome, Details> | undefined,
  n: number,
  details: Details,
): Promise<Outcome | undefined> {
  if (scripted === undefined) return undefined;
  if (typeof scripted === 'function')
    return await (scripted as (d: Details) => Outcome | PromiseLike<Outcome>)(details);
  if (Array.isArray(scripted)) return scripted.length === 0 ? undefined : scripted[Math.min(n, scripted.length - 1)];
  return scripted as Outcome;
}
