/**
 * The call simulator: sends Twilio's webhook requests to your app, executes the TwiML it answers
 * the way Twilio does, and stops when the flow waits for the caller or the call ends.
 */
import type { CallDirection } from '../http/index.js';
import { deepText, ownText, specOf, type TwiMLElement } from '../core.js';
import { elements, fetchTwiML, type Session, type TwiMLRequest } from './fetch.js';
import {
  type DialOutcome,
  type EnqueueOutcome,
  type Outcomes,
  type PayOutcome,
  type RecordOutcome,
  pick,
} from './outcomes.js';
import { SIMULATED_ACCOUNT_SID, Sids, voiceParams } from './params.js';
import { formatTranscript, type TranscriptEntry } from './transcript.js';
import { type App, type SimulatedRequest, SimulationError, Transport } from './transport.js';

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
  readonly method?: 'GET' | 'POST';
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
}

export type CallStatus = 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed';

/** What the flow waits for. */
export interface Waiting {
  readonly verb: 'Gather';
  readonly input: readonly ('dtmf' | 'speech')[];
  readonly numDigits?: number;
  readonly finishOnKey: string;
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly actionOnEmptyResult: boolean;
}

/** Where execution stands: a document, the URL it came from, the next verb. */
interface Cursor {
  readonly verbs: readonly TwiMLElement[];
  readonly url: string;
  index: number;
}

type Step =
  | 'next'
  | 'wait'
  | 'end'
  | { readonly navigate: { method: 'GET' | 'POST'; url: string; params: Record<string, string> } };

const method = (value: string | undefined): 'GET' | 'POST' => (value?.toUpperCase() === 'GET' ? 'GET' : 'POST');
const integer = (value: string | undefined, fallback: number) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;

/** What a Dial noun dials, as a readable target. */
function target(noun: TwiMLElement): string {
  const text = ownText(noun).trim();
  switch (noun.type) {
    case 'Client':
      return `client:${text || deepText(elements(noun).find((c) => c.type === 'Identity') ?? noun).trim()}`;
    case 'Conference':
      return `conference:${text}`;
    case 'Queue':
      return `queue:${text}`;
    case 'Application':
      return `application:${text || deepText(noun).trim()}`;
    case 'WhatsApp':
      return `whatsapp:${text}`;
    case 'Sim':
      return `sim:${text}`;
    case 'Sip':
      return (
        text ||
        elements(noun)
          .filter((c) => c.type === 'Uri')
          .map((u) => ownText(u).trim())
          .join(' | ')
      );
    default:
      return text;
  }
}

/** A simulated phone call. Create one with `simulateCall()`. */
export class Call {
  /** Everything Twilio did and the caller did, in order. */
  readonly transcript: TranscriptEntry[] = [];
  /** Every request sent to the app, with what it answered. */
  readonly requests: SimulatedRequest[] = [];
  /** Validation warnings of the documents the app answered. */
  readonly warnings: string[] = [];
  readonly callSid: string;
  /** `CallStatus` as Twilio would report it now. */
  status: CallStatus = 'ringing';
  /** What the flow is waiting for, or `undefined` when it is not waiting (or ended). */
  waiting: Waiting | undefined;

  private readonly sids = new Sids();
  private readonly transport: Transport;
  private readonly session: Session;
  private readonly from: string;
  private readonly to: string;
  private readonly accountSid: string;
  private readonly direction: string;
  private readonly maxRequests: number;
  private readonly outcomes: Outcomes;
  private readonly uses = { dial: 0, record: 0, enqueue: 0, pay: 0, connect: 0 };
  private cursor: Cursor | undefined;
  private answered = false;

  /** @internal use `simulateCall()` */
  constructor(
    app: App,
    private readonly options: SimulateCallOptions = {},
  ) {
    this.transport = new Transport({ app, origin: options.origin, authToken: options.authToken });
    this.from = options.from ?? '+15555550100';
    this.to = options.to ?? '+15555550199';
    this.accountSid = options.accountSid ?? SIMULATED_ACCOUNT_SID;
    this.direction = options.direction ?? 'inbound';
    this.maxRequests = options.maxRequests ?? 50;
    this.outcomes = options.outcomes ?? {};
    this.callSid = this.sids.next('CA');
    this.session = {
      transport: this.transport,
      requests: this.requests,
      warnings: this.warnings,
      maxRequests: this.maxRequests,
      fail: (message) => this.fail(message),
    };
  }

  /** True once the call is over (hung up, rejected, or out of TwiML). */
  get ended(): boolean {
    return this.status !== 'ringing' && this.status !== 'in-progress';
  }

  /** Every `<Say>` text so far. */
  get said(): string[] {
    return this.transcript.flatMap((e) => (e.verb === 'Say' ? [e.text] : []));
  }

  /** The transcript, one line per entry. */
  toString(): string {
    return formatTranscript(this.transcript);
  }

  /** @internal Places the first request. */
  async start(): Promise<this> {
    const url = this.transport.resolve(this.options.url ?? '/voice');
    await this.request(method(this.options.method), url, { ...this.options.params });
    return this;
  }

  /**
   * The caller presses keys while a `<Gather>` listens for DTMF. `numDigits` and `finishOnKey`
   * apply as on a phone: keys after the end are ignored; without either, the keys are sent when
   * the timeout passes.
   * @example await call.press('1')
   */
  async press(keys: string): Promise<this> {
    const waiting = this.expectWaiting('press keys');
    if (!waiting.input.includes('dtmf'))
      throw new Error(`the <Gather> listens for ${waiting.input.join(' and ')} only; use call.speak()`);
    if (!/^[0-9*#]+$/.test(keys)) throw new Error(`call.press() takes keys 0-9, * and #; got ${JSON.stringify(keys)}`);
    this.transcript.push({ verb: 'Caller', pressed: keys });
    let digits = '';
    for (const key of keys) {
      if (waiting.finishOnKey !== '' && key === waiting.finishOnKey) break;
      digits += key;
      if (waiting.numDigits !== undefined && digits.length >= waiting.numDigits) break;
    }
    if (digits === '') return this.afterEmptyGather(waiting);
    return this.submitGather(waiting, { Digits: digits });
  }

  /**
   * The caller speaks while a `<Gather>` listens for speech.
   * @example await call.speak('sales please')
   */
  async speak(text: string, confidence = 0.9): Promise<this> {
    const waiting = this.expectWaiting('speak');
    if (!waiting.input.includes('speech')) throw new Error('the <Gather> listens for dtmf only; use call.press()');
    this.transcript.push({ verb: 'Caller', said: text });
    return this.submitGather(waiting, { SpeechResult: text, Confidence: String(confidence) });
  }

  /** The caller does nothing until the `<Gather>` times out. */
  async silence(): Promise<this> {
    const waiting = this.expectWaiting('stay silent');
    this.transcript.push({ verb: 'Caller', silent: true });
    return this.afterEmptyGather(waiting);
  }

  /** The caller hangs up (`Caller hangs up` in the transcript); after the end, nothing happens. */
  hangUp(): this {
    if (!this.ended) {
      this.transcript.push({ verb: 'Caller', hungUp: true });
      this.waiting = undefined;
      this.status = 'completed';
    }
    return this;
  }

  private expectWaiting(action: string): Waiting {
    if (this.ended) throw new Error(`the call has ended (${this.status}); the caller cannot ${action}`);
    if (!this.waiting) throw new Error(`nothing is listening: the caller cannot ${action} now`);
    return this.waiting;
  }

  private async submitGather(waiting: Waiting, input: Record<string, string>): Promise<this> {
    this.waiting = undefined;
    await this.request(waiting.method, waiting.action, input);
    return this;
  }

  private async afterEmptyGather(waiting: Waiting): Promise<this> {
    this.waiting = undefined;
    if (waiting.actionOnEmptyResult) {
      await this.request(waiting.method, waiting.action, waiting.input.includes('dtmf') ? { Digits: '' } : {});
    } else {
      await this.run();
    }
    return this;
  }

  private params(extra: Record<string, string>): Record<string, string> {
    const status = this.requests.length === 0 && this.direction === 'inbound' ? 'ringing' : 'in-progress';
    return {
      ...voiceParams({
        callSid: this.callSid,
        accountSid: this.accountSid,
        from: this.from,
        to: this.to,
        status,
        direction: this.direction,
      }),
      ...extra,
    };
  }

  private fail(message: string): never {
    this.status = 'failed';
    this.waiting = undefined;
    throw new SimulationError(message, this.requests);
  }

  /** Fetches a voice document: checked by `fetchTwiML()`, and without messaging verbs. */
  private async fetchVoice(request: TwiMLRequest): Promise<{ verbs: readonly TwiMLElement[]; documentUrl: string }> {
    const answer = await fetchTwiML(this.session, request);
    if (answer.verbs.some((verb) => specOf(verb.type)?.family === 'messaging')) {
      this.fail(`${answer.where} answered messaging TwiML to a voice request`);
    }
    return answer;
  }

  /** Fetches the TwiML at `url` and runs it. */
  private async request(requestMethod: 'GET' | 'POST', url: string, extra: Record<string, string>): Promise<void> {
    const params = this.params(extra);
    const { verbs, documentUrl } = await this.fetchVoice({
      method: requestMethod,
      url,
      params,
      redirectParams: this.params({}),
    });
    this.cursor = { verbs, url: documentUrl, index: 0 };
    await this.run();
  }

  /** Runs verbs from the cursor until the flow waits, navigates or ends. */
  private async run(): Promise<void> {
    const cursor = this.cursor;
    if (!cursor) return;
    while (cursor.index < cursor.verbs.length) {
      const verb = cursor.verbs[cursor.index++];
      const step = await this.execute(verb, cursor);
      if (step === 'next') continue;
      if (step === 'wait') return;
      if (step === 'end') {
        this.waiting = undefined;
        return;
      }
      return this.request(step.navigate.method, step.navigate.url, step.navigate.params);
    }
    // Out of TwiML: Twilio hangs up.
    this.status = 'completed';
  }

  private speak_(say: TwiMLElement): void {
    const a = say.attributes;
    this.transcript.push({
      verb: 'Say',
      text: deepText(say).replace(/\s+/g, ' ').trim(),
      ...(a.voice !== undefined ? { voice: a.voice } : {}),
      ...(a.language !== undefined ? { language: a.language } : {}),
      ...(a.loop !== undefined ? { loop: integer(a.loop, 1) } : {}),
    });
  }

  /** Say, Play and Pause: what Gather and Prompt may hold. */
  private prompt(verb: TwiMLElement): void {
    const a = verb.attributes;
    if (verb.type === 'Say') this.speak_(verb);
    else if (verb.type === 'Play') {
      const url = ownText(verb).trim();
      this.transcript.push({
        verb: 'Play',
        ...(url ? { url } : {}),
        ...(a.digits !== undefined ? { digits: a.digits } : {}),
        ...(a.loop !== undefined ? { loop: integer(a.loop, 1) } : {}),
      });
    } else if (verb.type === 'Pause') this.transcript.push({ verb: 'Pause', seconds: integer(a.length, 1) });
  }

  /** A URL as the transcript shows it: the path alone when it is on the app's own origin. */
  private display(url: string): string {
    const parsed = new URL(url);
    return parsed.origin === new URL(this.transport.base).origin ? parsed.pathname + parsed.search : url;
  }

  private resolve(url: string | undefined, cursor: Cursor): string {
    return this.transport.resolve(url === undefined || url === '' ? cursor.url : url, cursor.url);
  }

  private async execute(verb: TwiMLElement, cursor: Cursor): Promise<Step> {
    const a = verb.attributes;
    const first = !this.answered;
    if (verb.type !== 'Reject') {
      this.answered = true;
      this.status = 'in-progress';
    }
    switch (verb.type) {
      case 'Say':
      case 'Play':
      case 'Pause':
        this.prompt(verb);
        return 'next';
      case 'Gather': {
        for (const nested of elements(verb)) this.prompt(nested);
        const input = (a.input ?? 'dtmf')
          .split(' ')
          .filter((i): i is 'dtmf' | 'speech' => i === 'dtmf' || i === 'speech');
        this.transcript.push({ verb: 'Gather', input });
        this.waiting = {
          verb: 'Gather',
          input,
          numDigits: a.numDigits !== undefined ? integer(a.numDigits, 1) : undefined,
          finishOnKey: a.finishOnKey ?? '#',
          action: this.resolve(a.action, cursor),
          method: method(a.method),
          actionOnEmptyResult: a.actionOnEmptyResult === 'true',
        };
        return 'wait';
      }
      case 'Redirect': {
        const url = this.resolve(ownText(verb).trim(), cursor);
        this.transcript.push({ verb: 'Redirect', method: method(a.method), url: this.display(url) });
        return { navigate: { method: method(a.method), url, params: {} } };
      }
      case 'Hangup':
        this.transcript.push({ verb: 'Hangup' });
        this.status = 'completed';
        return 'end';
      case 'Reject': {
        const reason = a.reason ?? 'rejected';
        this.transcript.push({ verb: 'Reject', reason });
        this.status = first ? (reason === 'busy' ? 'busy' : 'no-answer') : 'completed';
        return 'end';
      }
      case 'Dial':
        return this.dial(verb, cursor);
      case 'Record':
        return this.record(verb, cursor);
      case 'Enqueue':
        return this.enqueue(verb, cursor);
      case 'Pay':
        return this.pay(verb, cursor);
      case 'Connect': {
        const to = elements(verb).map(
          (noun) =>
            `${noun.type}${noun.attributes.url ? ` ${noun.attributes.url}` : ownText(noun).trim() ? ` ${ownText(noun).trim()}` : ''}`,
        );
        this.transcript.push({ verb: 'Connect', to });
        const outcome = pick(this.outcomes.connect, this.uses.connect++, { attributes: a, to });
        if (a.action === undefined) return 'next';
        return {
          navigate: { method: method(a.method), url: this.resolve(a.action, cursor), params: { ...outcome?.params } },
        };
      }
      case 'Start':
      case 'Stop':
        this.transcript.push({
          verb: verb.type,
          to: elements(verb).map((noun) => `${noun.type}${noun.attributes.name ? ` ${noun.attributes.name}` : ''}`),
        });
        return 'next';
      case 'Sms': {
        this.transcript.push({ verb: 'Sms', ...(a.to !== undefined ? { to: a.to } : {}), body: ownText(verb) });
        if (a.action === undefined) return 'next';
        return {
          navigate: {
            method: method(a.method),
            url: this.resolve(a.action, cursor),
            params: { SmsSid: this.sids.next('SM'), SmsStatus: 'sent' },
          },
        };
      }
      case 'Refer': {
        const to = elements(verb)
          .map((sip) => ownText(sip).trim())
          .join(', ');
        this.transcript.push({ verb: 'Refer', to });
        if (a.action === undefined) return 'next';
        return {
          navigate: {
            method: method(a.method),
            url: this.resolve(a.action, cursor),
            params: { ReferCallStatus: 'completed', ReferSipResponseCode: '202' },
          },
        };
      }
      case 'Leave':
        this.transcript.push({ verb: 'Leave' });
        return 'next';
      case 'Echo':
        this.transcript.push({ verb: 'Echo' });
        return 'next';
      default:
        this.fail(`the simulator does not know how to run <${verb.type}>`);
    }
  }

  private dial(dial: TwiMLElement, cursor: Cursor): Step {
    const a = dial.attributes;
    const text = ownText(dial).trim();
    const to = text ? [text] : elements(dial).map(target);
    const scripted = pick(this.outcomes.dial, this.uses.dial++, { to, attributes: a });
    const outcome: DialOutcome =
      typeof scripted === 'string' ? { status: scripted } : (scripted ?? { status: 'completed' });
    const talked = outcome.status === 'completed' || outcome.status === 'answered';
    const duration = talked ? (outcome.duration ?? 30) : undefined;
    this.transcript.push({ verb: 'Dial', to, status: outcome.status, ...(duration !== undefined ? { duration } : {}) });
    if (a.action === undefined) return 'next';
    const conference = to.every((t) => t.startsWith('conference:'));
    const params: Record<string, string> = { DialCallStatus: outcome.status, DialBridged: String(talked) };
    if (!conference) {
      params.DialCallSid = this.sids.next('CA');
      if (duration !== undefined) params.DialCallDuration = String(duration);
    }
    if (talked && a.record !== undefined && a.record !== 'do-not-record' && a.record !== 'false') {
      params.RecordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Recordings/${this.sids.next('RE')}`;
    }
    return { navigate: { method: method(a.method), url: this.resolve(a.action, cursor), params } };
  }

  private record(record: TwiMLElement, cursor: Cursor): Step {
    const a = record.attributes;
    const scripted: RecordOutcome = pick(this.outcomes.record, this.uses.record++, { attributes: a }) ?? {};
    const keys = a.finishOnKey ?? '1234567890*#';
    const finishedBy = scripted.finishedBy ?? (keys.includes('#') ? '#' : (keys[0] ?? 'hangup'));
    const duration = scripted.duration ?? 5;
    if (a.playBeep !== 'false') this.transcript.push({ verb: 'Play', url: 'beep' });
    this.transcript.push({ verb: 'Record', duration, finishedBy });
    return {
      navigate: {
        method: method(a.method),
        url: this.resolve(a.action, cursor),
        params: {
          RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Recordings/${this.sids.next('RE')}`,
          RecordingDuration: String(duration),
          Digits: finishedBy,
        },
      },
    };
  }

  private async enqueue(enqueue: TwiMLElement, cursor: Cursor): Promise<Step> {
    const a = enqueue.attributes;
    const queue = ownText(enqueue).trim() || `workflow:${a.workflowSid ?? ''}`;
    const queueSid = this.sids.next('QU');
    const waited = await this.waitInQueue(a, cursor, queueSid);
    if (waited === 'hangup') {
      this.transcript.push({ verb: 'Enqueue', queue, result: 'hangup' });
      this.status = 'completed';
      return 'end';
    }
    const scripted = pick(this.outcomes.enqueue, this.uses.enqueue++, { attributes: a, queue });
    const outcome: EnqueueOutcome = typeof scripted === 'string' ? { result: scripted } : (scripted ?? {});
    const result = waited === 'leave' ? 'leave' : (outcome.result ?? 'bridged');
    this.transcript.push({ verb: 'Enqueue', queue, result });
    if (a.action === undefined) return 'next';
    return {
      navigate: {
        method: method(a.method),
        url: this.resolve(a.action, cursor),
        params: { QueueResult: result, QueueSid: queueSid, QueueTime: String(outcome.queueTime ?? 10) },
      },
    };
  }

  /**
   * Plays the `waitUrl` document once, as the caller waits: its Say/Play/Pause go to the
   * transcript; `<Leave>` and `<Hangup>` end the wait. Audio files are not fetched.
   */
  private async waitInQueue(
    a: Readonly<Record<string, string>>,
    cursor: Cursor,
    queueSid: string,
  ): Promise<'leave' | 'hangup' | undefined> {
    if (!a.waitUrl || /\.(mp3|wav|aiff?|gsm|ulaw)(\?|$)/i.test(a.waitUrl)) return undefined;
    let url = this.resolve(a.waitUrl, cursor);
    let requestMethod = method(a.waitUrlMethod);
    for (let hops = 0; hops < 5; hops++) {
      const params = this.params({
        QueuePosition: '1',
        QueueSid: queueSid,
        QueueTime: '0',
        AvgQueueTime: '0',
        CurrentQueueSize: '1',
        MaxQueueSize: '100',
      });
      const { verbs, documentUrl } = await this.fetchVoice({ method: requestMethod, url, params, label: '(waitUrl)' });
      let next: string | undefined;
      for (const verb of verbs) {
        if (['Say', 'Play', 'Pause'].includes(verb.type)) this.prompt(verb);
        else if (verb.type === 'Gather') elements(verb).forEach((nested) => this.prompt(nested));
        else if (verb.type === 'Leave') {
          this.transcript.push({ verb: 'Leave' });
          return 'leave';
        } else if (verb.type === 'Hangup') {
          this.transcript.push({ verb: 'Hangup' });
          return 'hangup';
        } else if (verb.type === 'Redirect') {
          next = this.transport.resolve(ownText(verb).trim() || documentUrl, documentUrl);
          requestMethod = method(verb.attributes.method);
          break;
        }
      }
      if (next === undefined) break;
      url = next;
    }
    return undefined;
  }

  private pay(pay: TwiMLElement, cursor: Cursor): Step {
    const a = pay.attributes;
    const scripted = pick(this.outcomes.pay, this.uses.pay++, { attributes: a });
    const outcome: PayOutcome = typeof scripted === 'string' ? { result: scripted } : (scripted ?? {});
    const result = outcome.result ?? 'success';
    for (const prompt of elements(pay).filter((p) => p.type === 'Prompt'))
      elements(prompt).forEach((v) => this.prompt(v));
    this.transcript.push({ verb: 'Pay', result });
    const params: Record<string, string> = { Result: result, PaymentMethod: a.paymentMethod ?? 'credit-card' };
    if (result === 'success') {
      const charge = a.chargeAmount !== undefined && Number(a.chargeAmount) > 0;
      Object.assign(params, {
        PaymentCardNumber: 'xxxxxxxxxxxx1111',
        PaymentCardType: 'visa',
        ExpirationDate: '1230',
        PaymentCardPostalCode: '94105',
        SecurityCode: 'xxx',
        ...(charge ? { PaymentConfirmationCode: this.sids.next('ch_') } : { PaymentToken: this.sids.next('tok_') }),
      });
    }
    return {
      navigate: { method: 'POST', url: this.resolve(a.action, cursor), params: { ...params, ...outcome.params } },
    };
  }
}

/**
 * Calls your app like Twilio does and runs the call until it waits for the caller or ends.
 *
 * @param app a Fetch handler (`app.fetch` of Hono, a Next.js route handler) or the base URL of a
 * running server (`http://127.0.0.1:3000`).
 * @example
 * const call = await simulateCall(app.fetch, { url: '/voice' });
 * expect(call.said).toContain('For sales, press 1.');
 * await call.press('1');
 * expect(call.transcript.at(-1)).toMatchObject({ verb: 'Dial', status: 'completed' });
 */
export async function simulateCall(app: App, options?: SimulateCallOptions): Promise<Call> {
  return new Call(app, options).start();
}
