/**
 * The voice interpreter: runs the verbs of the TwiML a voice app answers the way Twilio does,
 * asks the scripted world (`outcomes`) what dialing, recording, queueing and payments produce,
 * and decides what follows each verb from the core's control-flow table (see `nextStep()`). It
 * keeps the call's state (transcript, requests, status, what it waits for), which the caller's
 * handle, `SimulatedCall`, shows.
 */
import { deepText, methodOf, ownText, specOf, type CallStatus, type HttpMethod, type TwiMLElement } from '../core.js';
import type { SimulationEvent } from './events.js';
import {
  elements,
  fetchTwiML,
  type RequestLabel,
  type Session,
  type SimulatedRequest,
  type TwiMLRequest,
} from './fetch.js';
import { nextStep } from './next-step.js';
import {
  type DialOutcome,
  type EnqueueOutcome,
  type Outcomes,
  type PayOutcome,
  pick,
  type Scripted,
} from './outcomes.js';
import { SIMULATED_ACCOUNT_SID, Sids, voiceParams } from './params.js';
import { SimulationError } from './simulation-error.js';
import type { TranscriptEntry } from './transcript.js';
import { Transport, type App } from './transport.js';

/**
 * `CallStatus` of a simulated call: the statuses of the core's `CallStatus` a simulation can
 * reach (never `queued` or `canceled`).
 */
export type SimulatedCallStatus = Extract<
  CallStatus,
  'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'failed'
>;

/** What the flow waits for: a `<Gather>` listening. */
export interface Waiting {
  readonly verb: 'Gather';
  readonly input: readonly ('dtmf' | 'speech')[];
  readonly numDigits?: number;
  /** `''` when no key ends the input. */
  readonly finishOnKey: string;
  /** Absolute URL the input goes to. */
  readonly action: string;
  readonly method: HttpMethod;
  readonly actionOnEmptyResult: boolean;
  /**
   * Seconds the `<Gather>` waits for the caller to start (and between keys): its `timeout`.
   * @default 5
   * @see https://www.twilio.com/docs/voice/twiml/gather#timeout
   */
  readonly timeout: number;
}

/** What the interpreter needs from `simulateCall()`'s options. */
export interface InterpreterOptions {
  readonly app: App;
  readonly origin?: string;
  readonly authToken?: string;
  readonly from?: string;
  readonly to?: string;
  readonly accountSid?: string;
  readonly direction?: string;
  readonly outcomes?: Outcomes;
  readonly maxRequests?: number;
  readonly timeoutMs?: number;
  readonly onEvent?: (event: SimulationEvent) => void;
}

/** Where execution stands: a document, the URL it came from, the next verb. */
interface Cursor {
  readonly verbs: readonly TwiMLElement[];
  readonly url: string;
  index: number;
}

/** What a verb did, for {@link nextStep} to decide what follows. */
interface VerbDone {
  /** Parameters of the `action` request, made only if control goes there (SIDs are drawn then). */
  readonly params?: () => Record<string, string>;
  /** What caused the request, e.g. `DialCallStatus=busy`. */
  readonly cause?: string;
  /** The row's `fallsThroughWhen` happened (nothing recorded, attempts run out, no input). */
  readonly fellThrough?: boolean;
  /**
   * The call ended during the verb: `caller` when the caller hung up (the `action` is still
   * requested, as Twilio reports how the verb ended, but what it answers does not run);
   * `twiml` when the queue's wait document hung up (nothing more is requested).
   */
  readonly ended?: 'caller' | 'twiml';
  /** How the call ends when the verb ends it: `<Reject>` as the first verb leaves it unanswered. */
  readonly status?: SimulatedCallStatus;
}

const integer = (value: string | undefined, fallback: number) =>
  value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;

const isPrompt = (verb: TwiMLElement) => verb.type === 'Say' || verb.type === 'Play' || verb.type === 'Pause';

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

/** Runs one simulated call. Created by `simulateCall()`; shown to the caller by `SimulatedCall`. */
export class VoiceInterpreter {
  readonly transcript: TranscriptEntry[] = [];
  readonly requests: SimulatedRequest[] = [];
  readonly warnings: string[] = [];
  readonly callSid: string;
  status: SimulatedCallStatus = 'ringing';
  waiting: Waiting | undefined;

  private readonly sids = new Sids();
  private readonly transport: Transport;
  private readonly session: Session;
  private readonly from: string;
  private readonly to: string;
  private readonly accountSid: string;
  private readonly direction: string;
  private readonly outcomes: Outcomes;
  private readonly uses = { dial: 0, record: 0, enqueue: 0, pay: 0, connect: 0 };
  private cursor: Cursor | undefined;
  /** The `<Gather>` waiting, and where its document stands. */
  private gathering: { readonly verb: TwiMLElement; readonly cursor: Cursor } | undefined;
  private answered = false;
  private readonly emit: (event: SimulationEvent) => void;
  /** Settles when the caller hangs up, so that no outcome is awaited after the end. */
  private readonly hungUp: Promise<undefined>;
  private hangUpNow: () => void = () => {};

  constructor(options: InterpreterOptions) {
    this.transport = new Transport({
      app: options.app,
      origin: options.origin,
      authToken: options.authToken,
      timeoutMs: options.timeoutMs,
    });
    this.emit = options.onEvent ?? (() => {});
    this.hungUp = new Promise((resolve) => (this.hangUpNow = () => resolve(undefined)));
    this.from = options.from ?? '+15555550100';
    this.to = options.to ?? '+15555550199';
    this.accountSid = options.accountSid ?? SIMULATED_ACCOUNT_SID;
    this.direction = options.direction ?? 'inbound';
    this.outcomes = options.outcomes ?? {};
    this.callSid = this.sids.next('CA');
    this.session = {
      transport: this.transport,
      requests: this.requests,
      warnings: this.warnings,
      maxRequests: options.maxRequests ?? 50,
      onRequest: (request) => this.emit({ type: 'request', request }),
      fail: (message) => this.fail(message),
    };
  }

  /** True once the call is over (hung up, rejected, out of TwiML, or failed). */
  get ended(): boolean {
    return this.status !== 'ringing' && this.status !== 'in-progress';
  }

  /** Places the first request (`url` relative to the app's origin) and runs what it answers. */
  async start(method: HttpMethod, url: string, params: Record<string, string>): Promise<void> {
    if (this.ended) return;
    await this.navigate({ method, url: this.transport.resolve(url), label: 'webhook' }, params);
  }

  /**
   * The caller presses `keys` while the `<Gather>` listens: `numDigits` and `finishOnKey` end the
   * input as on a phone (later keys are ignored, the finish key is not sent).
   */
  async press(keys: string): Promise<void> {
    const waiting = this.waiting!;
    this.push({ verb: 'Caller', pressed: keys });
    let digits = '';
    for (const key of keys) {
      if (waiting.finishOnKey !== '' && key === waiting.finishOnKey) break;
      digits += key;
      if (waiting.numDigits !== undefined && digits.length >= waiting.numDigits) break;
    }
    if (digits === '') return this.resume(this.emptyInput(waiting));
    return this.resume({ params: () => ({ Digits: digits }), cause: `Digits=${digits}` });
  }

  /** The caller says `text` while the `<Gather>` listens for speech. */
  async speak(text: string, confidence: number): Promise<void> {
    this.push({ verb: 'Caller', said: text });
    return this.resume({
      params: () => ({ SpeechResult: text, Confidence: String(confidence) }),
      cause: `speech ${JSON.stringify(text)}`,
    });
  }

  /** The `<Gather>` times out without input. */
  async silence(): Promise<void> {
    const waiting = this.waiting!;
    this.push({ verb: 'Caller', silent: true });
    return this.resume(this.emptyInput(waiting));
  }

  /** The caller hangs up; after the end, nothing happens. */
  hangUp(): void {
    if (this.ended) return;
    this.push({ verb: 'Caller', hungUp: true });
    this.end('the caller hung up');
    this.hangUpNow();
  }

  /**
   * The scripted outcome of a verb (awaited when it is a promise); `undefined` as soon as the
   * caller hangs up, whatever the promise does.
   */
  private outcome<Outcome, Details>(
    scripted: Scripted<Outcome, Details> | undefined,
    n: number,
    details: Details,
  ): Promise<Outcome | undefined> {
    return Promise.race([pick(scripted, n, details), this.hungUp]);
  }

  /** A `<Gather>` that got nothing: `Digits` is empty when it listened for keys. */
  private emptyInput(waiting: Waiting): VerbDone {
    const params: Record<string, string> = waiting.input.includes('dtmf') ? { Digits: '' } : {};
    return { fellThrough: true, params: () => params, cause: 'timeout' };
  }

  /** Goes on after the `<Gather>`'s input. */
  private async resume(done: VerbDone): Promise<void> {
    const { verb, cursor } = this.gathering!;
    this.gathering = undefined;
    this.setWaiting(undefined);
    if ((await this.follow(verb, cursor, done)) === 'next') await this.run();
  }

  /** Adds to the transcript, until the call has ended: nothing happens on the line after that. */
  private push(entry: TranscriptEntry): void {
    if (this.ended) return;
    this.transcript.push(entry);
    this.emit({ type: 'transcript', entry });
  }

  private setStatus(status: SimulatedCallStatus, reason: string): void {
    if (status === this.status) return;
    this.status = status;
    this.emit({ type: 'status', status, reason });
  }

  private setWaiting(waiting: Waiting | undefined): void {
    if (waiting === this.waiting) return;
    this.waiting = waiting;
    this.emit({ type: 'waiting', waiting });
  }

  /** The call ends (unless it already has), with `status`: nothing listens any more. */
  private end(reason: string, status: SimulatedCallStatus = 'completed'): void {
    this.gathering = undefined;
    this.setWaiting(undefined);
    if (!this.ended) this.setStatus(status, reason);
  }

  private fail(message: string): never {
    this.gathering = undefined;
    this.setWaiting(undefined);
    this.setStatus('failed', message);
    throw new SimulationError(message, this.requests);
  }

  private params(extra: Record<string, string>, status?: string): Record<string, string> {
    return {
      ...voiceParams({
        callSid: this.callSid,
        accountSid: this.accountSid,
        from: this.from,
        to: this.to,
        status: status ?? (this.requests.length === 0 && this.direction === 'inbound' ? 'ringing' : 'in-progress'),
        direction: this.direction,
      }),
      ...extra,
    };
  }

  /** Fetches a voice document: checked by `fetchTwiML()`, and without messaging verbs. */
  private async fetchVoice(request: TwiMLRequest): Promise<{ verbs: readonly TwiMLElement[]; documentUrl: string }> {
    const answer = await fetchTwiML(this.session, request);
    if (answer.verbs.some((verb) => specOf(verb.type)?.family === 'messaging')) {
      this.fail(`${answer.where} answered messaging TwiML to a voice request`);
    }
    return answer;
  }

  /**
   * Requests the TwiML at `to.url` and runs it; once the call has ended (the caller hung up during
   * the verb), Twilio still reports to the URL, but nothing it answers runs.
   */
  private async navigate(
    to: { method: HttpMethod; url: string; label: RequestLabel; cause?: string; verb?: string },
    extra: Record<string, string>,
  ): Promise<void> {
    const ended = this.ended;
    const { verbs, documentUrl } = await this.fetchVoice({
      ...to,
      params: this.params(extra, ended ? 'completed' : undefined),
      redirectParams: this.params({}, ended ? 'completed' : undefined),
    });
    if (ended) return;
    this.cursor = { verbs, url: documentUrl, index: 0 };
    await this.run();
  }

  /** Runs verbs from the cursor until the flow waits, navigates or ends. */
  private async run(): Promise<void> {
    const cursor = this.cursor;
    if (!cursor) return;
    while (cursor.index < cursor.verbs.length) {
      if (this.ended) return;
      const verb = cursor.verbs[cursor.index++];
      const done = await this.execute(verb, cursor);
      if (this.ended) return; // the caller hung up while the verb ran (an outcome was awaited)
      if (done === 'wait') {
        this.gathering = { verb, cursor };
        return;
      }
      if ((await this.follow(verb, cursor, done)) === 'stop') return;
    }
    this.end('the document ran out of verbs');
  }

  /** Decides from the control-flow table what follows `verb`, and goes there. */
  private async follow(verb: TwiMLElement, cursor: Cursor, done: VerbDone): Promise<'next' | 'stop'> {
    if (done.ended === 'twiml') {
      this.end(`<${verb.type}>'s wait document hung up`);
      return 'stop';
    }
    if (done.ended === 'caller') {
      this.push({ verb: 'Caller', hungUp: true });
      this.end('the caller hung up');
    }
    const step = nextStep(verb, done.fellThrough);
    switch (step.kind) {
      case 'next':
        return this.ended ? 'stop' : 'next';
      case 'end':
        this.end(
          verb.type === 'Reject' ? `<Reject reason="${verb.attributes.reason ?? 'rejected'}">` : `<${verb.type}>`,
          done.status,
        );
        return 'stop';
      case 'request':
        await this.navigate(
          {
            method: step.method,
            url: this.resolve(step.url, cursor),
            label: step.label,
            cause: done.cause ?? step.label,
            verb: verb.type,
          },
          done.params?.() ?? {},
        );
        return 'stop';
    }
  }

  /** Say, Play and Pause: what Gather and Prompt may hold. */
  private prompt(verb: TwiMLElement): void {
    const a = verb.attributes;
    if (verb.type === 'Say') {
      this.push({
        verb: 'Say',
        text: deepText(verb).replace(/\s+/g, ' ').trim(),
        ...(a.voice !== undefined ? { voice: a.voice } : {}),
        ...(a.language !== undefined ? { language: a.language } : {}),
        ...(a.loop !== undefined ? { loop: integer(a.loop, 1) } : {}),
      });
    } else if (verb.type === 'Play') {
      const url = ownText(verb).trim();
      this.push({
        verb: 'Play',
        ...(url ? { url } : {}),
        ...(a.digits !== undefined ? { digits: a.digits } : {}),
        ...(a.loop !== undefined ? { loop: integer(a.loop, 1) } : {}),
      });
    } else if (verb.type === 'Pause') this.push({ verb: 'Pause', seconds: integer(a.length, 1) });
  }

  /** A URL as the transcript shows it: the path alone when it is on the app's own origin. */
  private display(url: string): string {
    const parsed = new URL(url);
    return parsed.origin === new URL(this.transport.base).origin ? parsed.pathname + parsed.search : url;
  }

  /** Resolves a URL written in the document (`''`: the document itself) against it. */
  private resolve(url: string | undefined, cursor: Cursor): string {
    return this.transport.resolve(url === undefined || url === '' ? cursor.url : url, cursor.url);
  }

  /** Runs one verb: what it does, and what it reports for what follows. */
  private async execute(verb: TwiMLElement, cursor: Cursor): Promise<VerbDone | 'wait'> {
    const a = verb.attributes;
    const first = !this.answered;
    if (verb.type !== 'Reject') {
      this.answered = true;
      if (this.status === 'ringing') this.setStatus('in-progress', 'answered');
    }
    switch (verb.type) {
      case 'Say':
      case 'Play':
      case 'Pause':
        this.prompt(verb);
        return {};
      case 'Gather': {
        for (const nested of elements(verb)) this.prompt(nested);
        const input = (a.input ?? 'dtmf')
          .split(' ')
          .filter((i): i is 'dtmf' | 'speech' => i === 'dtmf' || i === 'speech');
        this.push({ verb: 'Gather', input });
        this.setWaiting({
          verb: 'Gather',
          input,
          numDigits: a.numDigits !== undefined ? integer(a.numDigits, 1) : undefined,
          finishOnKey: a.finishOnKey ?? '#',
          action: this.resolve(a.action, cursor),
          method: methodOf(a.method),
          actionOnEmptyResult: a.actionOnEmptyResult === 'true',
          timeout: integer(a.timeout, 5),
        });
        return 'wait';
      }
      case 'Redirect': {
        const step = nextStep(verb);
        const url = step.kind === 'request' ? this.resolve(step.url, cursor) : cursor.url;
        this.push({ verb: 'Redirect', method: methodOf(a.method), url: this.display(url) });
        return { cause: 'redirect' };
      }
      case 'Hangup':
        this.push({ verb: 'Hangup' });
        return {};
      case 'Reject': {
        const reason = a.reason ?? 'rejected';
        this.push({ verb: 'Reject', reason });
        return first ? { status: reason === 'busy' ? 'busy' : 'no-answer' } : {};
      }
      case 'Dial':
        return this.dial(verb);
      case 'Record':
        return this.record(verb);
      case 'Enqueue':
        return this.enqueue(verb, cursor);
      case 'Pay':
        return this.pay(verb);
      case 'Connect':
        return this.connect(verb);
      case 'Start':
      case 'Stop':
        this.push({
          verb: verb.type,
          to: elements(verb).map((noun) => `${noun.type}${noun.attributes.name ? ` ${noun.attributes.name}` : ''}`),
        });
        return {};
      case 'Sms':
        this.push({ verb: 'Sms', ...(a.to !== undefined ? { to: a.to } : {}), body: ownText(verb) });
        return { params: () => ({ SmsSid: this.sids.next('SM'), SmsStatus: 'sent' }), cause: 'SmsStatus=sent' };
      case 'Refer': {
        const to = elements(verb)
          .map((sip) => ownText(sip).trim())
          .join(', ');
        this.push({ verb: 'Refer', to });
        return {
          params: () => ({ ReferCallStatus: 'completed', ReferSipResponseCode: '202' }),
          cause: 'ReferCallStatus=completed',
        };
      }
      case 'Leave':
        this.push({ verb: 'Leave' });
        return {};
      case 'Echo':
        this.push({ verb: 'Echo' });
        return {};
      default:
        this.fail(`the simulator does not know how to run <${verb.type}>`);
    }
  }

  private async dial(dial: TwiMLElement): Promise<VerbDone> {
    const a = dial.attributes;
    const text = ownText(dial).trim();
    const to = text ? [text] : elements(dial).map(target);
    const scripted = await this.outcome(this.outcomes.dial, this.uses.dial++, { to, attributes: a });
    const outcome: DialOutcome =
      typeof scripted === 'string' ? { status: scripted } : (scripted ?? { status: 'completed' });
    const talked = outcome.status === 'completed' || outcome.status === 'answered';
    const duration = talked ? (outcome.duration ?? 30) : undefined;
    this.push({ verb: 'Dial', to, status: outcome.status, ...(duration !== undefined ? { duration } : {}) });
    const params = () => {
      const conference = to.every((t) => t.startsWith('conference:'));
      const params: Record<string, string> = { DialCallStatus: outcome.status, DialBridged: String(talked) };
      if (!conference) {
        params.DialCallSid = this.sids.next('CA');
        if (duration !== undefined) params.DialCallDuration = String(duration);
      }
      if (talked && a.record !== undefined && a.record !== 'do-not-record' && a.record !== 'false') {
        params.RecordingUrl = this.recordingUrl();
      }
      return params;
    };
    return { params, cause: `DialCallStatus=${outcome.status}` };
  }

  private recordingUrl(): string {
    return `https://api.twilio.com/2010-04-01/Accounts/${this.accountSid}/Recordings/${this.sids.next('RE')}`;
  }

  private async record(record: TwiMLElement): Promise<VerbDone> {
    const a = record.attributes;
    if (a.playBeep !== 'false') this.push({ verb: 'Play', url: 'beep' });
    const scripted = (await this.outcome(this.outcomes.record, this.uses.record++, { attributes: a })) ?? {};
    const recorded = scripted.recorded ?? scripted.duration !== 0;
    const keys = a.finishOnKey ?? '1234567890*#';
    const finishedBy =
      scripted.finishedBy ?? (recorded ? (keys.includes('#') ? '#' : (keys[0] ?? 'hangup')) : 'timeout');
    const duration = recorded ? (scripted.duration ?? 5) : 0;
    this.push({ verb: 'Record', duration, finishedBy });
    const ended = finishedBy === 'hangup' ? 'caller' : undefined;
    // An empty recording: Twilio requests nothing and goes on with the next verb.
    if (!recorded) return { fellThrough: true, ended };
    return {
      params: () => ({ RecordingUrl: this.recordingUrl(), RecordingDuration: String(duration), Digits: finishedBy }),
      cause: `RecordingDuration=${duration}`,
      ended,
    };
  }

  private async enqueue(enqueue: TwiMLElement, cursor: Cursor): Promise<VerbDone> {
    const a = enqueue.attributes;
    const queue = ownText(enqueue).trim() || `workflow:${a.workflowSid ?? ''}`;
    const queueSid = this.sids.next('QU');
    const waited = await this.waitInQueue(a, cursor, queueSid, queue);
    if (waited === 'hangup') {
      this.push({ verb: 'Enqueue', queue, result: 'hangup' });
      return { ended: 'twiml' };
    }
    const scripted = await this.outcome(this.outcomes.enqueue, this.uses.enqueue++, { attributes: a, queue });
    const outcome: EnqueueOutcome = typeof scripted === 'string' ? { result: scripted } : (scripted ?? {});
    const result = waited === 'leave' ? 'leave' : (outcome.result ?? 'bridged');
    this.push({ verb: 'Enqueue', queue, result });
    return {
      params: () => ({ QueueResult: result, QueueSid: queueSid, QueueTime: String(outcome.queueTime ?? 10) }),
      cause: `QueueResult=${result}`,
      ended: result === 'hangup' ? 'caller' : undefined,
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
    queue: string,
  ): Promise<'leave' | 'hangup' | undefined> {
    if (!a.waitUrl || /\.(mp3|wav|aiff?|gsm|ulaw)(\?|$)/i.test(a.waitUrl)) return undefined;
    let url = this.resolve(a.waitUrl, cursor);
    let method = methodOf(a.waitUrlMethod);
    let cause = `queue ${JSON.stringify(queue)}`;
    let via = 'Enqueue';
    for (let hops = 0; hops < 5; hops++) {
      const params = this.params({
        QueuePosition: '1',
        QueueSid: queueSid,
        QueueTime: '0',
        AvgQueueTime: '0',
        CurrentQueueSize: '1',
        MaxQueueSize: '100',
      });
      const { verbs, documentUrl } = await this.fetchVoice({
        method,
        url,
        params,
        label: 'waitUrl',
        cause,
        verb: via,
      });
      let next: string | undefined;
      for (const verb of verbs) {
        if (isPrompt(verb)) this.prompt(verb);
        else if (verb.type === 'Gather') elements(verb).forEach((nested) => this.prompt(nested));
        else if (verb.type === 'Leave') {
          this.push({ verb: 'Leave' });
          return 'leave';
        } else if (verb.type === 'Hangup') {
          this.push({ verb: 'Hangup' });
          return 'hangup';
        } else if (verb.type === 'Redirect') {
          const step = nextStep(verb);
          if (step.kind !== 'request') break;
          next = this.transport.resolve(step.url || documentUrl, documentUrl);
          method = step.method;
          cause = 'redirect';
          via = 'Redirect';
          break;
        }
      }
      if (next === undefined) break;
      url = next;
    }
    return undefined;
  }

  private async pay(pay: TwiMLElement): Promise<VerbDone> {
    const a = pay.attributes;
    for (const prompt of elements(pay).filter((p) => p.type === 'Prompt'))
      elements(prompt).forEach((v) => this.prompt(v));
    const scripted = await this.outcome(this.outcomes.pay, this.uses.pay++, { attributes: a });
    const outcome: PayOutcome = typeof scripted === 'string' ? { result: scripted } : (scripted ?? {});
    const result = outcome.result ?? 'success';
    this.push({ verb: 'Pay', result });
    // Out of attempts, <Pay> ends and Twilio goes on with the next verb.
    if (result === 'too-many-failed-attempts') return { fellThrough: true };
    const params = () => {
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
      return { ...params, ...outcome.params };
    };
    return {
      params,
      cause: `Result=${result}`,
      ended: result === 'caller-hung-up' ? 'caller' : undefined,
    };
  }

  private async connect(connect: TwiMLElement): Promise<VerbDone> {
    const a = connect.attributes;
    const to = elements(connect).map((noun) => {
      const detail = noun.attributes.url || ownText(noun).trim();
      return detail ? `${noun.type} ${detail}` : noun.type;
    });
    this.push({ verb: 'Connect', to });
    const outcome = await this.outcome(this.outcomes.connect, this.uses.connect++, { attributes: a, to });
    return { params: () => ({ ...outcome?.params }), cause: 'connection ended' };
  }
}
