/**
 * The caller's side of a simulated call: `simulateCall()` and the `SimulatedCall` it resolves
 * with, through which a test acts as the caller (press keys, speak, stay silent, hang up) and
 * reads what happened. The verbs themselves run in the voice interpreter.
 */
import type { CallDirection } from '../http/index.js';
import { methodOf, type HttpMethod } from '../core.js';
import type { SimulationEvent } from './events.js';
import type { SimulatedRequest } from './fetch.js';
import type { Outcomes } from './outcomes.js';
import { formatTranscript, type TranscriptEntry } from './transcript.js';
import { checkOptions, type App } from './transport.js';
import { type SimulatedCallStatus, VoiceInterpreter, type Waiting } from './voice-interpreter.js';

export type { SimulatedCallStatus, Waiting };

export interface SimulateCallOptions {
  /**
   * Path (or absolute URL) of the voice webhook.
   * @default /voice
   */
  readonly url?: string;
  /**
   * HTTP method of the first request.
   * @default POST
   */
  readonly method?: HttpMethod;
  /**
   * The caller (`From`).
   * @default +15555550100
   */
  readonly from?: string;
  /**
   * The number called (`To`).
   * @default +15555550199
   */
  readonly to?: string;
  /** Sign every request with this auth token (`X-Twilio-Signature`), so the app's verification runs. */
  readonly authToken?: string;
  /** Extra parameters of the first request (e.g. `FromCity`, `CallerName`). */
  readonly params?: Readonly<Record<string, string>>;
  /** @default a deterministic test SID */
  readonly accountSid?: string;
  /** @default inbound */
  readonly direction?: CallDirection;
  /** Origin of request URLs for a Fetch-handler app. @default https://example.com */
  readonly origin?: string;
  /** What dialing, recording, queueing and payments produce. */
  readonly outcomes?: Outcomes;
  /**
   * Most requests in one simulation; more means the flow loops (e.g. a Redirect to itself).
   * @default 50
   */
  readonly maxRequests?: number;
  /**
   * Most milliseconds one webhook request may take, from sending it to the end of its body. Past
   * it, the simulation fails with a `SimulationError` naming the request.
   * @default 15000 (Twilio gives up after 15 s)
   */
  readonly timeoutMs?: number;
  /**
   * Called synchronously, in order, as the call runs: each request, transcript entry, status
   * change and what the call waits for (see {@link SimulationEvent}).
   */
  readonly onEvent?: (event: SimulationEvent) => void;
  /**
   * Hangs up when aborted, as `call.hangUp()` does, at any time: also before `simulateCall()`
   * has resolved (while the first document runs, or an outcome is awaited). The simulation then
   * resolves with the ended call.
   */
  readonly signal?: AbortSignal;
}

/**
 * A simulated phone call, as the caller holds it. `simulateCall()` creates it (its constructor is
 * internal); `twiml-jsx/testing` exports it as a type, for helpers' signatures.
 *
 * @example
 * const call = await simulateCall(app.fetch);
 * await call.press('1');
 * String(call); // 'Say: For sales, press 1.\nGather: waiting for dtmf\nCaller presses 1\n…'
 */
export class SimulatedCall {
  /** Everything Twilio did and the caller did, in order. */
  readonly transcript: TranscriptEntry[];
  /** Every request sent to the app, with what it answered. */
  readonly requests: SimulatedRequest[];
  /** Validation warnings of the documents the app answered, as `METHOD url: code at path: message`. */
  readonly warnings: string[];
  /** The `CallSid` sent with every request. */
  readonly callSid: string;
  readonly #call: VoiceInterpreter;

  /** @internal use `simulateCall()` */
  constructor(call: VoiceInterpreter) {
    this.#call = call;
    this.transcript = call.transcript;
    this.requests = call.requests;
    this.warnings = call.warnings;
    this.callSid = call.callSid;
  }

  /** `CallStatus` as Twilio would report it now. */
  get status(): SimulatedCallStatus {
    return this.#call.status;
  }

  /** What the flow is waiting for, or `undefined` when it is not waiting (or ended). */
  get waiting(): Waiting | undefined {
    return this.#call.waiting;
  }

  /** True once the call is over (hung up, rejected, out of TwiML, or failed). */
  get ended(): boolean {
    return this.#call.ended;
  }

  /** Every `<Say>` text so far. */
  get said(): string[] {
    return this.transcript.flatMap((e) => (e.verb === 'Say' ? [e.text] : []));
  }

  /** The transcript, one line per entry. */
  toString(): string {
    return formatTranscript(this.transcript);
  }

  /**
   * The caller presses keys while a `<Gather>` listens for DTMF. `numDigits` and `finishOnKey`
   * apply as on a phone: keys after the end are ignored; without either, the keys are sent when
   * the timeout passes. Resolves once the flow waits again or ends.
   * @throws Error when nothing listens, the call is over, the `<Gather>` listens for speech only,
   * or `keys` holds anything but 0-9, `*` and `#`
   * @example await call.press('1')
   */
  async press(keys: string): Promise<this> {
    const waiting = this.expectWaiting('press keys');
    if (!waiting.input.includes('dtmf'))
      throw new Error(`the <Gather> listens for ${waiting.input.join(' and ')} only; use call.speak()`);
    if (!/^[0-9*#]+$/.test(keys)) throw new Error(`call.press() takes keys 0-9, * and #; got ${JSON.stringify(keys)}`);
    await this.#call.press(keys);
    return this;
  }

  /**
   * The caller speaks while a `<Gather>` listens for speech (sent as `SpeechResult` and
   * `Confidence`). Resolves once the flow waits again or ends.
   * @throws Error when nothing listens, the call is over, or the `<Gather>` listens for keys only
   * @example await call.speak('sales please')
   */
  async speak(text: string, confidence = 0.9): Promise<this> {
    const waiting = this.expectWaiting('speak');
    if (!waiting.input.includes('speech')) throw new Error('the <Gather> listens for dtmf only; use call.press()');
    await this.#call.speak(text, confidence);
    return this;
  }

  /**
   * The caller does nothing until the `<Gather>` times out.
   * @throws Error when nothing listens or the call is over
   */
  async silence(): Promise<this> {
    this.expectWaiting('stay silent');
    await this.#call.silence();
    return this;
  }

  /** The caller hangs up (`Caller hangs up` in the transcript); after the end, nothing happens. */
  hangUp(): this {
    this.#call.hangUp();
    return this;
  }

  private expectWaiting(action: string): Waiting {
    if (this.ended) throw new Error(`the call has ended (${this.status}); the caller cannot ${action}`);
    if (!this.waiting) throw new Error(`nothing is listening: the caller cannot ${action} now`);
    return this.waiting;
  }
}

/**
 * The simulator's call handle.
 * @deprecated since 0.2: renamed {@link SimulatedCall} (`Call` is also the REST resource); removed in 0.3.
 */
export type Call = SimulatedCall;

/**
 * The simulator's call status.
 * @deprecated since 0.2: renamed {@link SimulatedCallStatus} (`CallStatus` is the core's full list); removed in 0.3.
 */
export type CallStatus = SimulatedCallStatus;

/**
 * Calls your app like Twilio does and runs the call until it waits for the caller or ends.
 *
 * @param app a Fetch handler (`app.fetch` of Hono, a Next.js route handler) or the base URL of a
 * running server (`http://127.0.0.1:3000`).
 * @throws SimulationError when the app answers something Twilio could not use
 * @example
 * const call = await simulateCall(app.fetch, { url: '/voice' });
 * expect(call.said).toContain('For sales, press 1.');
 * await call.press('1');
 * expect(call.transcript.at(-1)).toMatchObject({ verb: 'Dial', status: 'completed' });
 */
export async function simulateCall(app: App, options: SimulateCallOptions = {}): Promise<SimulatedCall> {
  checkOptions(options);
  const call = new VoiceInterpreter({ ...options, app });
  const handle = new SimulatedCall(call);
  if (options.signal?.aborted) call.hangUp();
  options.signal?.addEventListener('abort', () => call.hangUp(), { once: true });
  await call.start(methodOf(options.method), options.url ?? '/voice', { ...options.params });
  return handle;
}
