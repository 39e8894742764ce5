/**
 * twiml-jsx: write Twilio call and message flows as JSX, render them to TwiML.
 *
 * Every name here comes from `./core.js` (published as `twiml-jsx/core`), so that all entries
 * share one copy of the core.
 *
 * @example
 * import { render, Response, Say, Hangup } from 'twiml-jsx';
 * render(<Response><Say>Goodbye</Say><Hangup /></Response>);
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye</Say><Hangup/></Response>'
 */
export {
  // Rendering and validation
  render,
  validate,
  seenWarnings,
  resetSeenWarnings,
  type SeenWarning,
  formatProblems,
  TwiMLValidationError,
  PROBLEM_CODES,
  XML_DECLARATION,
  type RenderOptions,
  type Problem,
  type ProblemCode,
  type CodeInfo,
  // The element tree and JSX
  COMMENT,
  ELEMENT,
  FRAGMENT,
  isElement,
  Comment,
  Fragment,
  createElement,
  type Component,
  type JSX,
  type Key,
  type TwiMLChild,
  type TwiMLElement,
  type TwiMLNode,
  type TwiMLComponent,
  type PropsOf,
  type TextChild,
  type ElementChild,
  // The vocabulary
  vocabulary,
  specOf,
  componentNameOf,
  type ComponentName,
  type AttributeSpec,
  type ElementSpec,
  type TextSpec,
  // Components: the document
  Response,
  TwiMLResponse,
  // Voice verbs
  Say,
  Play,
  Pause,
  Gather,
  Record,
  Redirect,
  Reject,
  Hangup,
  Leave,
  Echo,
  Sms,
  Refer,
  Enqueue,
  Task,
  Dial,
  // Dial nouns
  Number,
  DialNumber,
  Client,
  Identity,
  Conference,
  Queue,
  Sip,
  Uri,
  Headers,
  Header,
  Sim,
  Application,
  ApplicationSid,
  WhatsApp,
  // Pay
  Pay,
  Prompt,
  // Connect
  Connect,
  Room,
  Conversation,
  VirtualAgent,
  ConversationRelay,
  ConversationRelaySession,
  AiSession,
  Assistant,
  Language,
  Autopilot,
  // Start, Stop and their nouns
  Start,
  Stop,
  Stream,
  Siprec,
  Transcription,
  Recording,
  MediaFilter,
  Parameter,
  Config,
  // SSML inside <Say>
  Break,
  Emphasis,
  Lang,
  P,
  Phoneme,
  Prosody,
  S,
  SayAs,
  Sub,
  W,
  // Messaging and fax
  Message,
  Body,
  Media,
  Receive,
} from './core.js';
export type * from './vocabulary/voices.js';
