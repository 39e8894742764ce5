/**
 * `twiml-jsx/testing`: test call and message flows like UIs.
 * - snapshots: `expect.addSnapshotSerializer(twimlSerializer)` prints TwiML as indented XML;
 * - matchers: `expect.extend(twimlMatchers)` adds `toRenderTwiML()` and `toBeValidTwiML()`;
 * - simulators: `simulateCall()` walks a voice flow through your handlers, `simulateMessage()`
 *   collects the replies to a text.
 */
// `SimulatedCall` is a type only: calls are made by `simulateCall()` (its constructor is internal),
// and nothing needs the class itself (`instanceof`, subclasses).
export {
  simulateCall,
  type SimulateCallOptions,
  type SimulatedCall,
  type SimulatedCallStatus,
  type Waiting,
  // Deprecated aliases, removed in 0.3.
  type Call,
  type CallStatus,
} from './simulated-call.js';
export { simulateMessage, type MessageResult, type Reply, type SimulateMessageOptions } from './message.js';
export type {
  ConnectOutcome,
  DialDetails,
  DialOutcome,
  DialStatus,
  EnqueueOutcome,
  Outcomes,
  PayOutcome,
  PayResult,
  QueueResult,
  RecordOutcome,
  Scripted,
  VerbDetails,
} from './outcomes.js';
export type { App } from './transport.js';
export type { RequestLabel, SimulatedRequest } from './fetch.js';
export type { MessageSimulationEvent, SimulationEvent } from './events.js';
export { SimulationError } from './simulation-error.js';
export { formatEntry, formatTranscript, type TranscriptEntry } from './transcript.js';
export { twimlMatchers, type MatcherContext, type MatcherResult, type TwiMLMatchers } from './matchers.js';
export { twimlSerializer } from './serializer.js';
export { canonical, canonicalXml, type TwiMLLike } from './canonical.js';
