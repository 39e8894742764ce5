/**
 * The dev phone runs calls and messages on the same engine as tests: `simulateCall` and
 * `simulateMessage` of `twiml-jsx/testing`, with their live events (`onEvent`) and outcomes the
 * page chooses (async `outcomes`). This module is the one place that calls the simulator.
 */
import {
  type App,
  type DialDetails,
  type DialOutcome,
  type MessageSimulationEvent,
  type RecordOutcome,
  type SimulatedCall,
  type SimulationEvent,
  simulateCall,
  simulateMessage,
  type VerbDetails,
} from '../testing/index.js';

export type { MessageSimulationEvent, SimulationEvent };

/** The origin of request URLs when the app is a Fetch handler called in process. */
export const FETCH_ORIGIN = 'https://example.com';

/** How the caller acts on a call that waits: the simulator's call handle. */
export type CallControls = Pick<SimulatedCall, 'press' | 'speak' | 'silence' | 'hangUp'>;

export interface CallOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly authToken?: string;
  readonly timeoutMs?: number;
  /** Aborting it hangs the call up, also before its first request is answered. */
  readonly signal: AbortSignal;
  readonly onEvent: (event: SimulationEvent) => void;
  /** How a `<Dial>` ends: the page chooses. */
  readonly dial: (details: DialDetails) => Promise<DialOutcome>;
  /** How a `<Record>` ends: the page chooses. */
  readonly record: (details: VerbDetails) => Promise<RecordOutcome>;
}

/**
 * Places a call. Resolves with the caller's controls once the flow first waits or ends; rejects
 * with the simulator's `SimulationError` when an answer cannot be used.
 */
export function startCall(app: App, { dial, record, ...options }: CallOptions): Promise<CallControls> {
  return simulateCall(app, { ...options, origin: FETCH_ORIGIN, outcomes: { dial, record } });
}

export interface MessageOptions {
  readonly url: string;
  readonly from: string;
  readonly to: string;
  readonly body: string;
  readonly media: readonly string[];
  readonly authToken?: string;
  readonly timeoutMs?: number;
  readonly onEvent: (event: MessageSimulationEvent) => void;
}

/** Texts the app; its requests and replies come as events. Rejects with a `SimulationError`. */
export async function sendMessage(app: App, options: MessageOptions): Promise<void> {
  await simulateMessage(app, { ...options, origin: FETCH_ORIGIN });
}
