/**
 * The dev phone runs calls and messages on the same engine as tests: `simulateCall` and
 * `simulateMessage` of `twiml-jsx/testing`, with live events (`onEvent`) and outcomes the page
 * chooses (async `outcomes`). This module is the one place that knows the simulator's API.
 */
import {
  type App,
  type DialOutcome,
  type RecordOutcome,
  type SimulatedRequest,
  simulateCall,
  simulateMessage,
  type TranscriptEntry,
  type Waiting,
} from '../testing/index.js';
import type { PhoneStatus } from './protocol.js';
import type { ReportedRequest } from './request-view.js';

/** What the simulator reports as a call or message runs, in order. */
export type SimulationEvent =
  | { readonly type: 'request'; readonly request: ReportedRequest }
  | { readonly type: 'transcript'; readonly entry: TranscriptEntry }
  | { readonly type: 'status'; readonly status: PhoneStatus; readonly reason?: string }
  | { readonly type: 'waiting'; readonly waiting: (Waiting & { readonly timeout?: number }) | undefined };

/** How the caller acts on a call that waits. */
export interface CallControls {
  press(keys: string): Promise<unknown>;
  speak(text: string, confidence?: number): Promise<unknown>;
  silence(): Promise<unknown>;
  hangUp(): unknown;
}

export interface DialAsk {
  readonly to: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
}

export interface RecordAsk {
  readonly attributes: Readonly<Record<string, string>>;
}

export interface CallOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly authToken?: string;
  readonly timeoutMs?: number;
  readonly onEvent: (event: SimulationEvent) => void;
  /** How a `<Dial>` ends: the page chooses. */
  readonly dial: (details: DialAsk) => Promise<DialOutcome>;
  /** How a `<Record>` ends: the page chooses. */
  readonly record: (details: RecordAsk) => Promise<RecordOutcome>;
}

/** The options of `simulateCall` this module uses (those of SIMULATOR-API.md). */
interface LiveCallOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly authToken?: string;
  readonly timeoutMs?: number;
  readonly onEvent: (event: SimulationEvent) => void;
  readonly outcomes: {
    readonly dial: (details: DialAsk) => Promise<DialOutcome>;
    readonly record: (details: RecordAsk) => Promise<RecordOutcome>;
  };
}

interface LiveMessageOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media?: readonly string[];
  readonly authToken?: string;
  readonly timeoutMs?: number;
  readonly onEvent: (event: SimulationEvent) => void;
}

const call = simulateCall as unknown as (app: App, options: LiveCallOptions) => Promise<CallControls>;
const message = simulateMessage as unknown as (
  app: App,
  options: LiveMessageOptions,
) => Promise<{ readonly replies: readonly { body: string; media: readonly string[]; to: string; from: string }[] }>;

/**
 * Places a call. Resolves with the caller's controls once the flow first waits or ends; rejects
 * with the simulator's `SimulationError` when an answer cannot be used.
 */
export function startCall(app: App, options: CallOptions): Promise<CallControls> {
  const { dial, record, ...rest } = options;
  return call(app, { ...rest, outcomes: { dial, record } });
}

export interface MessageOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly string[];
  readonly authToken?: string;
  readonly timeoutMs?: number;
  readonly onEvent: (event: SimulationEvent) => void;
}

/** Texts the app; resolves with its replies, or rejects with a `SimulationError`. */
export function sendMessage(app: App, options: MessageOptions) {
  return message(app, options);
}

/** The requests a failed simulation made (its `SimulationError`'s), or none. */
export function requestsOf(error: unknown): readonly SimulatedRequest[] {
  const requests = (error as { requests?: unknown }).requests;
  return Array.isArray(requests) ? (requests as SimulatedRequest[]) : [];
}
