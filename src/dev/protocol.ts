/**
 * What the dev server tells the page, and how the page's state follows from it. The server keeps
 * the same state with the same reducer, so a page that connects (or reconnects) gets one
 * `snapshot` and then the events: both sides always agree. Pure data and functions only: the
 * page's bundle includes this module.
 */
import type { Problem } from '../core.js';
import type { SimulatedCallStatus, TranscriptEntry } from '../testing/index.js';
import { addToGraph, emptyGraph, type FlowGraph } from './graph.js';

/** Most entries of each list the state keeps; older ones are dropped (and counted). */
export const LIMITS = { transcript: 1000, requests: 200, messages: 500 } as const;

/** A call's status as the phone shows it: the simulator's. */
export type PhoneStatus = SimulatedCallStatus;

/** Whether a call with this status is still going (ringing or answered). */
export const isLiveStatus = (status: PhoneStatus): boolean => status === 'ringing' || status === 'in-progress';

/** What the dev server was started with (never the auth token: only whether requests are signed). */
export interface DevConfig {
  /** The module (as given on the command line) or the URL of the running server. */
  readonly target: string;
  readonly mode: 'module' | 'url';
  /** Path (or URL) of the voice webhook. @default /voice */
  readonly voice: string;
  /** Path (or URL) of the messaging webhook. @default /sms */
  readonly sms: string;
  readonly from: string;
  readonly to: string;
  /** Requests carry `X-Twilio-Signature`. */
  readonly signed: boolean;
}

/** The module under test: loaded, reloaded, or failing to compile (the previous one keeps serving). */
export interface ModuleState {
  readonly status: 'loading' | 'loaded' | 'error' | 'url';
  /** Times it was loaded (1 after the first load). */
  readonly version: number;
  /** When it was last loaded (ms since the epoch). */
  readonly loadedAt?: number;
  /** Why the last (re)load failed. */
  readonly error?: string;
}

/** One line of a pretty-printed TwiML answer, with the path of the element it belongs to. */
export interface DocumentLine {
  readonly depth: number;
  readonly text: string;
  /** The element's path as problems name it (`Response > Gather > Dial`). */
  readonly path: string;
  /** A problem names this element, or an element written inside this line (SSML in a `<Say>`). */
  readonly marked?: true;
}

/** One webhook exchange, ready to show. */
export interface RequestView {
  /** Sequence number within the session. */
  readonly id: number;
  /** `call:1`, `message:3`: which conversation it belongs to. */
  readonly conversation: string;
  /** The first request of its conversation. */
  readonly first: boolean;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** The URL as the page shows it: the path alone on the app's own origin. */
  readonly display: string;
  /** `METHOD path` of the document: the flow graph's node. */
  readonly node: string;
  readonly params: Readonly<Record<string, string>>;
  /** HTTP status; 0 when no answer came (network error, timeout). */
  readonly status: number;
  readonly contentType: string;
  /** When it was sent (ms since the epoch) and how long the answer took (ms). */
  readonly startedAt: number;
  readonly durationMs?: number;
  /** Why the request was made: `action`, `redirect`, `waitUrl`… */
  readonly label?: string;
  /** What triggered it: `Digits=1`, `speech "sales"`, `timeout`, `DialCallStatus=busy`, `redirect`… */
  readonly cause?: string;
  /** Why the answer could not be used (non-2xx, content type, malformed XML, invalid TwiML, timeout). */
  readonly error?: string;
  readonly problems: readonly Problem[];
  /** The answer pretty-printed, when it is XML. */
  readonly document?: readonly DocumentLine[];
  /** The answer's beginning, when it is not XML (or shown raw). */
  readonly bodyStart?: string;
  /** Characters of the body not in `bodyStart`. */
  readonly bodyMore?: number;
}

/** What the flow is waiting for now: a `<Gather>`, with the keys pressed so far. */
export interface WaitingView {
  /** Changes with every new wait, so a late timeout or key is not taken for the next one. */
  readonly id: number;
  readonly input: readonly ('dtmf' | 'speech')[];
  readonly numDigits?: number;
  readonly finishOnKey: string;
  /** Seconds to wait for input (and between keys). @default 5 */
  readonly timeout: number;
  /** Keys pressed so far, not yet sent. */
  readonly keys: string;
}

/** A choice the page makes for the simulated world: how a `<Dial>` or a `<Record>` ends. */
export interface Ask {
  readonly id: number;
  readonly verb: 'Dial' | 'Record';
  /** For a Dial: whom it dials (`+1555…`, `client:alice`, `conference:room`). */
  readonly to?: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  readonly choices: readonly AskChoice[];
  /** When it was asked (ms since the epoch): a recording lasts until the caller acts. */
  readonly askedAt: number;
}

export interface AskChoice {
  readonly value: string;
  /** The button's text. */
  readonly label: string;
}

export interface TranscriptItem {
  readonly seq: number;
  readonly at: number;
  readonly entry: TranscriptEntry;
}

export interface CallState {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly status: PhoneStatus;
  /** Why it ended (or failed), in words. */
  readonly reason?: string;
  readonly transcript: readonly TranscriptItem[];
  /** Entries dropped from the front of the transcript (over {@link LIMITS}). */
  readonly dropped: number;
  readonly waiting?: WaitingView;
  readonly ask?: Ask;
}

/** One bubble of the chat. */
export interface ChatEntry {
  readonly seq: number;
  readonly at: number;
  /** The user's message, a reply of the app, a note (no reply), or why the exchange failed. */
  readonly kind: 'sent' | 'reply' | 'note' | 'error';
  readonly body: string;
  readonly media: readonly string[];
  readonly from?: string;
  readonly to?: string;
}

export interface PageState {
  readonly config: DevConfig;
  readonly module: ModuleState;
  readonly call?: CallState;
  readonly requests: readonly RequestView[];
  /** Requests dropped from the front (over {@link LIMITS}). */
  readonly droppedRequests: number;
  readonly graph: FlowGraph;
  readonly messages: readonly ChatEntry[];
}

/** What the server sends the page, one Server-Sent Event each. */
export type PageEvent =
  | { readonly type: 'snapshot'; readonly state: PageState }
  | { readonly type: 'module'; readonly module: ModuleState }
  | { readonly type: 'call'; readonly id: number; readonly from: string; readonly to: string }
  | { readonly type: 'status'; readonly call: number; readonly status: PhoneStatus; readonly reason?: string }
  | { readonly type: 'transcript'; readonly call: number; readonly item: TranscriptItem }
  | { readonly type: 'waiting'; readonly call: number; readonly waiting?: WaitingView }
  | { readonly type: 'keys'; readonly call: number; readonly waiting: number; readonly keys: string }
  | { readonly type: 'ask'; readonly call: number; readonly ask?: Ask }
  | { readonly type: 'request'; readonly request: RequestView }
  | { readonly type: 'message'; readonly entry: ChatEntry };

/** The state before anything happened. */
export function initialState(config: DevConfig, module: ModuleState): PageState {
  return { config, module, requests: [], droppedRequests: 0, graph: emptyGraph(), messages: [] };
}

/** Keeps the last `limit` items of `list`, counting what was dropped. */
function bounded<T>(list: readonly T[], item: T, limit: number): { list: readonly T[]; dropped: number } {
  const next = [...list, item];
  const over = next.length - limit;
  return over > 0 ? { list: next.slice(over), dropped: over } : { list: next, dropped: 0 };
}

/** The call `id`, updated by `change`; events of an older call change nothing. */
function onCall(state: PageState, id: number, change: (call: CallState) => CallState): PageState {
  return state.call?.id === id ? { ...state, call: change(state.call) } : state;
}

/** The state after `event`. Never mutates `state`. */
export function reduce(state: PageState, event: PageEvent): PageState {
  switch (event.type) {
    case 'snapshot':
      return event.state;
    case 'module':
      return { ...state, module: event.module };
    case 'call':
      return {
        ...state,
        call: { id: event.id, from: event.from, to: event.to, status: 'ringing', transcript: [], dropped: 0 },
      };
    case 'status':
      return onCall(state, event.call, (call) => {
        const { reason: _previous, ...rest } = call;
        return { ...rest, status: event.status, ...(event.reason !== undefined ? { reason: event.reason } : {}) };
      });
    case 'transcript':
      return onCall(state, event.call, (call) => {
        const { list, dropped } = bounded(call.transcript, event.item, LIMITS.transcript);
        return { ...call, transcript: list, dropped: call.dropped + dropped };
      });
    case 'waiting':
      return onCall(state, event.call, (call) => {
        const { waiting: _previous, ...rest } = call;
        return event.waiting ? { ...rest, waiting: event.waiting } : rest;
      });
    case 'keys':
      return onCall(state, event.call, (call) =>
        call.waiting?.id === event.waiting ? { ...call, waiting: { ...call.waiting, keys: event.keys } } : call,
      );
    case 'ask':
      return onCall(state, event.call, (call) => {
        const { ask: _previous, ...rest } = call;
        return event.ask ? { ...rest, ask: event.ask } : rest;
      });
    case 'request': {
      const { list, dropped } = bounded(state.requests, event.request, LIMITS.requests);
      return {
        ...state,
        requests: list,
        droppedRequests: state.droppedRequests + dropped,
        graph: addToGraph(state.graph, event.request),
      };
    }
    case 'message': {
      const { list } = bounded(state.messages, event.entry, LIMITS.messages);
      return { ...state, messages: list };
    }
  }
}
