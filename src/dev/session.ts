/**
 * The dev session: one phone and one chat in front of the app. It runs calls and messages on the
 * simulator, turns what happens into page events (protocol.ts), keeps the state the page sees, and
 * takes the caller's actions (keys, speech, time-outs, hanging up) and the page's choices of how a
 * `<Dial>` or a `<Record>` ends.
 */
import type { App, DialOutcome, RecordOutcome } from '../testing/index.js';
import {
  type Ask,
  type AskChoice,
  type ChatEntry,
  type DevConfig,
  type ModuleState,
  type PageEvent,
  type PageState,
  initialState,
  isLiveStatus,
  reduce,
  type WaitingView,
} from './protocol.js';
import { viewOf } from './request-view.js';
import { type CallControls, FETCH_ORIGIN, type SimulationEvent, sendMessage, startCall } from './simulator.js';

/** An action the session cannot take now (409) or a malformed one (400); the message says why. */
export class SessionError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

export interface SessionOptions {
  readonly config: DevConfig;
  readonly module: ModuleState;
  /** The app the next call or message is sent to (it changes when the module reloads). */
  readonly app: () => App;
  /** Signs every request; never part of the state or of any event. */
  readonly authToken?: string;
  /** How long one webhook request may take, in ms (the simulator's default when unset). */
  readonly timeoutMs?: number;
}

/** The `Digits` a `<Gather>` takes at most before it submits by itself (a phone has no limit). */
const MAX_KEYS = 64;
/** Longest text accepted for From, To, speech and message bodies. */
const MAX_FIELD = { number: 64, text: 1600 } as const;

const DIAL_CHOICES: readonly AskChoice[] = [
  { value: 'answer', label: 'Answer' },
  { value: 'busy', label: 'Busy' },
  { value: 'no-answer', label: 'No answer' },
  { value: 'failed', label: 'Fail' },
];
/**
 * What the caller can do during a `<Record>`: speak and end it with its first finish key (`#` when
 * it is one, as by default), or speak until the timeout when it has none; stay silent; hang up.
 * @see https://www.twilio.com/docs/voice/twiml/record#finishonkey
 */
function recordChoices(attributes: Readonly<Record<string, string>>): readonly AskChoice[] {
  const keys = attributes.finishOnKey ?? '1234567890*#';
  const key = keys.includes('#') ? '#' : keys[0];
  return [
    { value: 'speak', label: key === undefined ? 'Speak until the timeout' : `Speak and press ${key}` },
    { value: 'silent', label: 'Stay silent' },
    { value: 'hangup', label: 'Caller hangs up' },
  ];
}

/** What the page chose, and when it was asked. */
interface Choice {
  readonly value: string;
  /** Seconds from the ask to the choice (at least 1): how long a recording lasted. */
  readonly seconds: number;
}

interface PendingAsk {
  readonly ask: Ask;
  resolve(choice: Choice): void;
}

interface ActiveCall {
  readonly id: number;
  /** The simulator's call handle, once the first request has been answered. */
  controls?: CallControls;
  /**
   * The simulator's steps, one after the other: the first request, then each caller action. A
   * wait is announced before the step that reached it ends, so actions queue here.
   */
  work: Promise<void>;
  /** Hangs the call up (the simulator's `signal`), even before its first request is answered. */
  readonly hangUp: AbortController;
  ended: boolean;
  first: boolean;
  origin: string;
  waiting?: WaitingView;
  pending?: PendingAsk;
}

/** The first line of an error's message, without a trailing colon. */
function headline(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Everything after the first line (a body, a list of problems) is shown with the request.
  return message.split('\n')[0].replace(/:$/, '');
}

/** The origin of the app's own URLs (shown as paths). */
const originOf = (app: App) => (typeof app === 'function' ? FETCH_ORIGIN : new URL(String(app)).origin);

function field(value: unknown, name: string, max: number, fallback?: string): string {
  if (value === undefined || value === null || value === '') {
    if (fallback !== undefined) return fallback;
    throw new SessionError(`${name} is empty`, 400);
  }
  if (typeof value !== 'string') throw new SessionError(`${name} must be text`, 400);
  const text = value.trim();
  if (text === '') {
    if (fallback !== undefined) return fallback;
    throw new SessionError(`${name} is empty`, 400);
  }
  if (text.length > max) throw new SessionError(`${name} is longer than ${max} characters`, 400);
  return text;
}

export class DevSession {
  private state: PageState;
  private readonly listeners = new Set<(event: PageEvent) => void>();
  private readonly counters = { call: 0, message: 0, request: 0, waiting: 0, ask: 0, seq: 0 };
  private active: ActiveCall | undefined;

  constructor(private readonly options: SessionOptions) {
    this.state = initialState(options.config, options.module);
  }

  /** What the page shows now. */
  snapshot(): PageState {
    return this.state;
  }

  /** Calls `listener` with every event from now on; returns the function that stops it. */
  subscribe(listener: (event: PageEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: PageEvent): void {
    this.state = reduce(this.state, event);
    for (const listener of this.listeners) listener(event);
  }

  /** The module was (re)loaded, or failed to. */
  setModule(module: ModuleState): void {
    this.emit({ type: 'module', module });
  }

  // ── Calls ──

  /** Places a call from `from` to `to` (defaults: the configured numbers); ends the current one. */
  call(input: { from?: unknown; to?: unknown } = {}): number {
    const from = field(input.from, 'From', MAX_FIELD.number, this.options.config.from);
    const to = field(input.to, 'To', MAX_FIELD.number, this.options.config.to);
    if (this.active && !this.active.ended) this.hangUp();
    const app = this.options.app();
    const id = ++this.counters.call;
    const active: ActiveCall = {
      id,
      work: Promise.resolve(),
      hangUp: new AbortController(),
      ended: false,
      first: true,
      origin: originOf(app),
    };
    this.active = active;
    this.emit({ type: 'call', id, from, to });
    const started = startCall(app, {
      url: this.options.config.voice,
      from,
      to,
      authToken: this.options.authToken,
      timeoutMs: this.options.timeoutMs,
      signal: active.hangUp.signal,
      onEvent: (event) => this.onCallEvent(active, event),
      dial: (details) =>
        this.ask(active, { verb: 'Dial', to: details.to, attributes: details.attributes, choices: DIAL_CHOICES }).then(
          ({ value }): DialOutcome =>
            value === 'answer' ? { status: 'completed' } : { status: value as DialOutcome['status'] },
        ),
      record: (details) =>
        this.ask(active, {
          verb: 'Record',
          attributes: details.attributes,
          choices: recordChoices(details.attributes),
        }).then(({ value, seconds }): RecordOutcome => {
          if (value === 'silent') return { recorded: false };
          if (value === 'hangup') return { duration: seconds, finishedBy: 'hangup' };
          // How it ends (# when it is a finish key, as the button says) is the simulator's default.
          return { duration: seconds };
        }),
    });
    this.step(active, () =>
      started.then((controls) => {
        active.controls = controls;
      }),
    );
    return id;
  }

  private ask(active: ActiveCall, what: Omit<Ask, 'id' | 'askedAt'>): Promise<Choice> {
    if (active.ended || this.active !== active) return Promise.reject(new Error('the call has ended'));
    return new Promise<Choice>((resolve) => {
      const ask: Ask = { ...what, id: ++this.counters.ask, askedAt: Date.now() };
      active.pending = { ask, resolve };
      this.emit({ type: 'ask', call: active.id, ask });
    });
  }

  /** The page chose how the pending `<Dial>` or `<Record>` ends. */
  answer(askId: unknown, value: unknown): void {
    const active = this.active;
    const pending = active?.pending;
    if (!active || !pending || pending.ask.id !== askId) {
      throw new SessionError('nothing is waiting for that choice (the call moved on)', 409);
    }
    if (!pending.ask.choices.some((c) => c.value === value)) {
      throw new SessionError(
        `${JSON.stringify(value)} is not a choice for <${pending.ask.verb}>; choose ${pending.ask.choices.map((c) => c.value).join(', ')}`,
        400,
      );
    }
    active.pending = undefined;
    this.emit({ type: 'ask', call: active.id });
    pending.resolve({
      value: value as string,
      seconds: Math.max(1, Math.round((Date.now() - pending.ask.askedAt) / 1000)),
    });
  }

  private onCallEvent(active: ActiveCall, event: SimulationEvent): void {
    if (this.active !== active) return;
    switch (event.type) {
      case 'request':
        this.emit({
          type: 'request',
          request: viewOf(event.request, {
            id: ++this.counters.request,
            conversation: `call:${active.id}`,
            first: active.first,
            origin: active.origin,
          }),
        });
        active.first = false;
        return;
      case 'transcript':
        this.emit({
          type: 'transcript',
          call: active.id,
          item: { seq: ++this.counters.seq, at: Date.now(), entry: event.entry },
        });
        return;
      case 'status':
        if (!isLiveStatus(event.status)) {
          active.ended = true;
          this.setWaiting(active, undefined);
        }
        this.emit({
          type: 'status',
          call: active.id,
          status: event.status,
          // One line on the phone; the Requests panel shows the rest.
          ...(event.reason !== undefined ? { reason: headline(event.reason) } : {}),
        });
        return;
      case 'waiting': {
        const w = event.waiting;
        this.setWaiting(
          active,
          w && {
            id: ++this.counters.waiting,
            input: w.input,
            ...(w.numDigits !== undefined ? { numDigits: w.numDigits } : {}),
            finishOnKey: w.finishOnKey,
            timeout: w.timeout,
            keys: '',
          },
        );
        return;
      }
    }
  }

  private setWaiting(active: ActiveCall, waiting: WaitingView | undefined): void {
    if (active.waiting === undefined && waiting === undefined) return;
    active.waiting = waiting;
    this.emit({ type: 'waiting', call: active.id, ...(waiting ? { waiting } : {}) });
  }

  /**
   * Runs a simulator step of the call after the ones before it; a failure ends the call as failed,
   * with the reason. Steps queued after the call ended (the caller hung up) do not run.
   */
  private step(active: ActiveCall, run: (controls: CallControls) => Promise<unknown>): void {
    active.work = active.work
      .then(() => (active.ended ? undefined : run(active.controls!)))
      .then(undefined, (error: unknown) => {
        // The simulator has said why (a status event), unless the error is of another kind.
        if (this.active !== active || active.ended) return;
        active.ended = true;
        this.clearAsk(active);
        this.setWaiting(active, undefined);
        this.emit({ type: 'status', call: active.id, status: 'failed', reason: headline(error) });
      });
  }

  private clearAsk(active: ActiveCall): void {
    if (active.pending === undefined) return;
    active.pending = undefined;
    this.emit({ type: 'ask', call: active.id });
  }

  /** The call that listens for the caller now, and what it listens with. */
  private listening(action: string): { active: ActiveCall; waiting: WaitingView } {
    const active = this.active;
    if (!active || active.ended) throw new SessionError(`no call: the caller cannot ${action}`, 409);
    if (!active.waiting) throw new SessionError(`nothing is listening: the caller cannot ${action} now`, 409);
    return { active, waiting: active.waiting };
  }

  /** Sends the caller's input: the wait is over at once (no second input for it). */
  private submit(active: ActiveCall, run: (controls: CallControls) => Promise<unknown>): void {
    this.setWaiting(active, undefined);
    this.step(active, run);
  }

  /** The caller presses one key. The keys are sent when the `<Gather>` has them all. */
  press(key: unknown): void {
    if (typeof key !== 'string' || !/^[0-9*#]$/.test(key)) {
      throw new SessionError(`a key is one of 0-9, * and #; got ${JSON.stringify(key)}`, 400);
    }
    const { active, waiting } = this.listening('press keys');
    if (!waiting.input.includes('dtmf')) {
      throw new SessionError('the <Gather> listens for speech only: say something', 409);
    }
    const keys = waiting.keys + key;
    const finished = waiting.finishOnKey !== '' && key === waiting.finishOnKey;
    const complete = waiting.numDigits !== undefined && keys.length >= waiting.numDigits;
    if (finished || complete || keys.length >= MAX_KEYS) {
      this.submit(active, (controls) => controls.press(keys));
      return;
    }
    active.waiting = { ...waiting, keys };
    this.emit({ type: 'keys', call: active.id, waiting: waiting.id, keys });
  }

  /** The caller speaks (`SpeechResult`, `Confidence` from 0 to 1). */
  speak(text: unknown, confidence: unknown = 0.9): void {
    const said = field(text, 'Speech', MAX_FIELD.text);
    const level = typeof confidence === 'string' && confidence !== '' ? Number(confidence) : confidence;
    if (typeof level !== 'number' || !(level >= 0 && level <= 1)) {
      throw new SessionError(`Confidence is a number from 0 to 1; got ${JSON.stringify(confidence)}`, 400);
    }
    const { active, waiting } = this.listening('speak');
    if (!waiting.input.includes('speech')) {
      throw new SessionError('the <Gather> listens for keys only: press a key', 409);
    }
    this.submit(active, (controls) => controls.speak(said, level));
  }

  /**
   * The `<Gather>`'s timeout passed (the page counts it down): the keys pressed so far are sent,
   * or, with none, the caller was silent. A late time-out of an earlier wait is ignored.
   */
  timeout(waitingId: unknown): void {
    const active = this.active;
    if (!active || active.ended || active.waiting === undefined || active.waiting.id !== waitingId) return;
    const { keys } = active.waiting;
    this.submit(active, (controls) => (keys !== '' ? controls.press(keys) : controls.silence()));
  }

  /**
   * The caller hangs up, whatever the call is doing (a request, a `<Dial>` ringing): the
   * simulator ends it and says so (the transcript's last entry, the status).
   */
  hangUp(): void {
    const active = this.active;
    if (!active || active.ended) return;
    this.clearAsk(active);
    active.hangUp.abort();
    active.ended = true;
  }

  // ── Messages ──

  /** Texts the app; the replies come as chat events. */
  message(input: { from?: unknown; to?: unknown; body?: unknown; mediaUrl?: unknown }): number {
    const from = field(input.from, 'From', MAX_FIELD.number, this.options.config.from);
    const to = field(input.to, 'To', MAX_FIELD.number, this.options.config.to);
    const body = field(input.body, 'Message', MAX_FIELD.text, '');
    const mediaUrl = field(input.mediaUrl, 'Media URL', MAX_FIELD.text, '');
    if (mediaUrl !== '' && !/^https?:\/\/[^\s]+$/i.test(mediaUrl)) {
      throw new SessionError(`Media URL must be an http(s) URL; got ${JSON.stringify(mediaUrl)}`, 400);
    }
    if (body === '' && mediaUrl === '') throw new SessionError('Message is empty', 400);
    const media = mediaUrl === '' ? [] : [mediaUrl];
    const id = ++this.counters.message;
    const app = this.options.app();
    const origin = originOf(app);
    let first = true;
    let replies = 0;
    this.chat({ kind: 'sent', body, media, from, to });
    sendMessage(app, {
      url: this.options.config.sms,
      from,
      to,
      body,
      media,
      authToken: this.options.authToken,
      timeoutMs: this.options.timeoutMs,
      onEvent: (event) => {
        if (event.type === 'reply') {
          replies++;
          const { reply } = event;
          this.chat({ kind: 'reply', body: reply.body, media: reply.media, from: reply.from, to: reply.to });
          return;
        }
        this.emit({
          type: 'request',
          request: viewOf(event.request, { id: ++this.counters.request, conversation: `message:${id}`, first, origin }),
        });
        first = false;
      },
    }).then(
      () => {
        if (replies === 0) this.chat({ kind: 'note', body: 'No reply', media: [] });
      },
      (error: unknown) => this.chat({ kind: 'error', body: headline(error), media: [] }),
    );
    return id;
  }

  private chat(entry: Omit<ChatEntry, 'seq' | 'at'>): void {
    this.emit({ type: 'message', entry: { ...entry, seq: ++this.counters.seq, at: Date.now() } });
  }

  /** Ends the current call (the server is closing). */
  close(): void {
    this.hangUp();
    this.listeners.clear();
  }
}
