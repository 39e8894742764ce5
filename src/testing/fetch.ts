/**
 * One request of a simulation, and the checks Twilio makes of the answer. Both simulators send
 * every request through `fetchTwiML()`, so they fail alike and with the same messages.
 */
import {
  COMMENT,
  formatProblems,
  FRAGMENT,
  MAX_PROBLEMS_IN_MESSAGE,
  validate,
  type HttpMethod,
  type Problem,
  type TwiMLElement,
} from '../core.js';
import { parse, XmlParseError } from '../xml/index.js';
import { excerpt } from './describe.js';
import { TransportError, type Answer, type Transport } from './transport.js';

/**
 * Why a request was made: the first request of a simulation (`webhook`), a verb's `action`, a
 * `<Redirect>`, or the queue's hold-music document (`waitUrl`).
 */
export type RequestLabel = 'webhook' | 'action' | 'redirect' | 'waitUrl';

/** One request the simulator made (one webhook exchange), and what the application answered. */
export interface SimulatedRequest {
  readonly method: HttpMethod;
  /** Absolute URL requested (with the parameters in the query string for GET), as signed. */
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  /** The HTTP status answered; 0 when no answer came (see `error`). */
  readonly status: number;
  /** `''` when no answer came. */
  readonly contentType: string;
  /** The body answered (the TwiML); `''` when no answer came. */
  readonly body: string;
  /** When the request was sent (`Date.now()`). */
  readonly startedAt: number;
  /** Milliseconds until the answer's body ended (or the request failed). */
  readonly durationMs: number;
  /**
   * The validation problems of the TwiML answered (errors and warnings, from the core's
   * `validate()`); `[]` for an answer that is not TwiML.
   */
  readonly problems: readonly Problem[];
  /**
   * Why the exchange failed the simulation (no answer, a timeout, an error status, a body that
   * is not TwiML, invalid TwiML): the `SimulationError`'s message. Absent when it did not.
   */
  readonly error?: string;
  /** Why the request was made. */
  readonly label: RequestLabel;
  /**
   * What triggered it, for a flow graph's edges: `Digits=1`, `speech "sales"`, `timeout`,
   * `DialCallStatus=busy`, `redirect`, `QueueResult=leave`, `RecordingDuration=5`…; absent for
   * the first request.
   */
  readonly cause?: string;
  /** The verb whose URL was requested (`Gather`, `Redirect`, `Enqueue`…); absent for the first request. */
  readonly verb?: string;
}

/** What a simulation keeps across its requests. */
export interface Session {
  readonly transport: Transport;
  /** Every request so far; `fetchTwiML()` adds each one, answered or not. */
  readonly requests: SimulatedRequest[];
  /** Validation warnings of the documents answered, as `METHOD url: code at path: message`. */
  readonly warnings: string[];
  /** Most requests in the simulation; one more fails it as a loop. */
  readonly maxRequests: number;
  /** Called with each request once its exchange is over (answered or failed), before a failure throws. */
  readonly onRequest?: (request: SimulatedRequest) => void;
  /** Throws the `SimulationError` with `message` (after marking the simulation failed). */
  fail(message: string): never;
}

export interface TwiMLRequest {
  readonly method: HttpMethod;
  /** Absolute URL. */
  readonly url: string;
  readonly params: Record<string, string>;
  /** Parameters sent again after an HTTP redirect (3xx). @default params */
  readonly redirectParams?: Record<string, string>;
  /** Why the request is made; `waitUrl` is said after `METHOD url` in messages. */
  readonly label: RequestLabel;
  readonly cause?: string;
  readonly verb?: string;
}

/** A TwiML document answered. */
export interface TwiMLDocument {
  readonly kind: 'twiml';
  /** `METHOD url` (and the label), as failure messages start. */
  readonly where: string;
  /** The URL the document came from (after HTTP redirects): relative URLs in it resolve against it. */
  readonly documentUrl: string;
  /** The verbs of the `<Response>`, without comments. */
  readonly verbs: readonly TwiMLElement[];
}

/** A `text/plain` answer, taken when `plainText` is set. */
export interface PlainTextAnswer {
  readonly kind: 'text';
  readonly where: string;
  readonly body: string;
}

export const elements = (element: TwiMLElement): TwiMLElement[] =>
  element.children.filter((c): c is TwiMLElement => typeof c !== 'string' && c.type !== COMMENT);

/**
 * Sends one request and checks the answer like Twilio: the request must get an answer (a network
 * error or too many HTTP redirects fails), with a 2xx status, a TwiML content type (or `text/plain`
 * when `plainText` is set, for messages), well-formed XML and no validation errors. Warnings go to
 * `session.warnings`. More requests than `session.maxRequests` fail as a loop, with the last ones.
 * Every exchange, answered or not, is added to `session.requests` (with its `error` when it
 * fails) and passed to `session.onRequest`.
 */
export async function fetchTwiML(session: Session, request: TwiMLRequest): Promise<TwiMLDocument>;
export async function fetchTwiML(
  session: Session,
  request: TwiMLRequest,
  options: { readonly plainText: true },
): Promise<TwiMLDocument | PlainTextAnswer>;
export async function fetchTwiML(
  session: Session,
  request: TwiMLRequest,
  { plainText = false }: { readonly plainText?: boolean } = {},
): Promise<TwiMLDocument | PlainTextAnswer> {
  const { method, url, params, label } = request;
  // The hold music is requested beside the flow: its URL alone does not say why.
  const where = `${method} ${url}${label === 'waitUrl' ? ' (waitUrl)' : ''}`;
  if (session.requests.length >= session.maxRequests) {
    session.fail(
      `more than ${session.maxRequests} requests: the flow seems to loop. Last requests:\n` +
        session.requests
          .slice(-5)
          .map((r) => `  ${r.method} ${r.url}`)
          .join('\n'),
    );
  }
  const startedAt = Date.now();
  const start = performance.now();
  let answer: Answer | undefined;
  let error: string | undefined;
  try {
    answer = await session.transport.send(method, url, params, request.redirectParams ?? params);
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    // What the app (or the network) threw is cut; the transport's own words are short.
    error = `${where} failed: ${thrown instanceof TransportError ? reason : excerpt(reason)}`;
  }
  const durationMs = performance.now() - start;
  const checked: Checked = answer === undefined ? { problems: [] } : check(answer, where, plainText);
  error ??= checked.error;
  const record: SimulatedRequest = {
    method,
    url: answer?.url ?? session.transport.requestUrl(method, url, params),
    params,
    status: answer?.status ?? 0,
    contentType: answer?.contentType ?? '',
    body: answer?.body ?? '',
    startedAt,
    durationMs,
    problems: checked.problems,
    ...(error !== undefined ? { error } : {}),
    label,
    ...(request.cause !== undefined ? { cause: request.cause } : {}),
    ...(request.verb !== undefined ? { verb: request.verb } : {}),
  };
  session.requests.push(record);
  session.onRequest?.(record);
  if (error !== undefined) session.fail(error);
  session.warnings.push(...checked.problems.map((p) => `${where}: ${p.code} at ${p.path}: ${p.message}`));
  return checked.result!;
}

/**
 * The problems as `formatProblems()` writes them, each line cut like a body: the first
 * `MAX_PROBLEMS_IN_MESSAGE` (as in a `TwiMLValidationError`), then how many more there are.
 */
function listProblems(problems: readonly Problem[]): string {
  const lines = formatProblems(problems.slice(0, MAX_PROBLEMS_IN_MESSAGE))
    .split('\n')
    .map((line) => excerpt(line));
  const more = problems.length - MAX_PROBLEMS_IN_MESSAGE;
  if (more > 0) lines.push(`… and ${more} more problems (the request's problems list them all)`);
  return lines.join('\n');
}

/** What the checks of one answer found: the result, or the failure; the problems either way. */
interface Checked {
  readonly result?: TwiMLDocument | PlainTextAnswer;
  readonly error?: string;
  readonly problems: readonly Problem[];
}

/** Checks an answer like Twilio: a 2xx status, a TwiML content type, well-formed and valid TwiML. */
function check(answer: Answer, where: string, plainText: boolean): Checked {
  if (answer.status < 200 || answer.status >= 300) {
    return { error: `${where} answered ${answer.status}:\n${excerpt(answer.body)}`, problems: [] };
  }
  if (plainText && /^text\/plain\b/i.test(answer.contentType)) {
    return { result: { kind: 'text', where, body: answer.body }, problems: [] };
  }
  if (!/^(text|application)\/xml\b|^text\/html\b/i.test(answer.contentType)) {
    return {
      error: `${where} answered Content-Type ${excerpt(JSON.stringify(answer.contentType))}; TwiML is served as text/xml`,
      problems: [],
    };
  }
  let document: TwiMLElement;
  try {
    document = parse(answer.body);
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    return {
      error: `${where} answered malformed XML: ${excerpt(error.message)}\n${excerpt(answer.body)}`,
      problems: [],
    };
  }
  const problems = validate(document);
  if (problems.some((p) => p.severity === 'error')) {
    return { error: `${where} answered invalid TwiML:\n${listProblems(problems)}\n${excerpt(answer.body)}`, problems };
  }
  // Without errors, the document has one root, a <Response> (maybe after comments).
  const response = document.type === FRAGMENT ? elements(document).find((e) => e.type === 'Response')! : document;
  return { result: { kind: 'twiml', where, documentUrl: answer.documentUrl, verbs: elements(response) }, problems };
}
