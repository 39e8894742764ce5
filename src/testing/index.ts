/**
 * `twiml-jsx/testing`: test call and message flows like UIs.
 * - snapshots: `expect.addSnapshotSerializer(twimlSerializer)` prints TwiML as indented XML;
 * - matchers: `expect.extend(twimlMatchers)` adds `toRenderTwiML()` and `toBeValidTwiML()`;
 * - simulators: `simulateCall()` walks a voice flow through your handlers, `simulateMessage()`
 *   collects the replies to a text.
 */
// `Call` is a type only: calls are made by `simulateCall()` (its constructor is internal), and
// nothing needs the class itself (`instanceof`, subclasses).
export { simulateCall, type Call, type CallStatus, type SimulateCallOptions, type Waiting } from './call.js';
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
export { type App, type SimulatedRequest, SimulationError } from './transport.js';
export { formatEntry, formatTranscript, type TranscriptEntry } from './transcript.js';
export { twimlMatchers, type MatcherContext, type MatcherResult, type TwiMLMatchers } from './matchers.js';
export { twimlSerializer } from './serializer.js';
export { canonical, canonicalXml, type TwiMLLike } from './canonical.js';
