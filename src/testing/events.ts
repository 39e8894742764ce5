/**
 * What a simulation reports as it runs (`onEvent`), for a live view of it (the dev phone of
 * `twiml-jsx dev`, a log): each request, transcript entry, status change and what the call waits
 * for, in order, as it happens.
 */
import type { SimulatedRequest } from './fetch.js';
import type { Reply } from './message.js';
import type { TranscriptEntry } from './transcript.js';
import type { SimulatedCallStatus, Waiting } from './voice-interpreter.js';

/**
 * One event of `simulateCall()`, passed to its `onEvent` option synchronously, in order.
 *
 * @example
 * await simulateCall(app.fetch, { onEvent: (event) => console.log(event.type) });
 * // request, status, transcript, transcript, waiting
 */
export type SimulationEvent =
  /** A webhook exchange is over, answered or failed (then with its `error`). */
  | { readonly type: 'request'; readonly request: SimulatedRequest }
  /** An entry was added to the transcript. */
  | { readonly type: 'transcript'; readonly entry: TranscriptEntry }
  /** The call's status changed (`ringing` → `in-progress` → `completed`…), and why. */
  | { readonly type: 'status'; readonly status: SimulatedCallStatus; readonly reason?: string }
  /** A `<Gather>` starts listening (`waiting`), or stops (`undefined`). */
  | { readonly type: 'waiting'; readonly waiting: Waiting | undefined };

/** One event of `simulateMessage()`, passed to its `onEvent` option synchronously, in order. */
export type MessageSimulationEvent =
  /** A webhook exchange is over, answered or failed (then with its `error`). */
  | { readonly type: 'request'; readonly request: SimulatedRequest }
  /** The flow sent a reply. */
  | { readonly type: 'reply'; readonly reply: Reply };
