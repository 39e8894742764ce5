/**
 * One request of a simulation, and the checks Twilio makes of the answer. Both simulators send
 * every request through `fetchTwiML()`, so they fail alike and with the same messages.
 */
import { COMMENT, formatProblems, FRAGMENT, validate, type HttpMethod, type TwiMLElement } from '../core.js';
import { parse, XmlParseError } from '../xml/index.js';
import type { Transport } from './transport.js';

/** One request the simulator made, and what the application answered. */
export interface SimulatedRequest {
  readonly method: HttpMethod;
  /** Absolute URL requested (with the parameters in the query string for GET), as signed. */
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
  readonly contentType: string;
  /** The body answered (the TwiML). */
  readonly body: string;
}

/** What a simulation keeps across its requests. */
export interface Session {
  readonly transport: Transport;
  /** Every request answered so far; `fetchTwiML()` adds each one. */
  readonly requests: SimulatedRequest[];
  /** Validation warnings of the documents answered, as `METHOD url: code at path: message`. */
  readonly warnings: string[];
  /** Most requests in the simulation; one more fails it as a loop. */
  readonly maxRequests: number;
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
  /** Said after `METHOD url` in messages, e.g. `(waitUrl)`. */
  readonly label?: string;
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
  const { method, url, params } = request;
  const where = `${method} ${url}${request.label ? ` ${request.label}` : ''}`;
  if (session.requests.length >= session.maxRequests) {
    session.fail(
      `more than ${session.maxRequests} requests: the flow seems to loop. Last requests:\n` +
        session.requests
          .slice(-5)
          .map((r) => `  ${r.method} ${r.url}`)
          .join('\n'),
    );
  }
  let answer;
  try {
    answer = await session.transport.send(method, url, params, request.redirectParams ?? params);
  } catch (error) {
    session.fail(`${where} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { documentUrl, ...result } = answer;
  session.requests.push({ method, params, ...result });
  if (answer.status < 200 || answer.status >= 300) {
    session.fail(`${where} answered ${answer.status}:\n${answer.body.slice(0, 2000)}`);
  }
  if (plainText && /^text\/plain\b/i.test(answer.contentType)) return { kind: 'text', where, body: answer.body };
  if (!/^(text|application)\/xml\b|^text\/html\b/i.test(answer.contentType)) {
    session.fail(`${where} answered Content-Type ${JSON.stringify(answer.contentType)}; TwiML is served as text/xml`);
  }
  let document: TwiMLElement;
  try {
    document = parse(answer.body);
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    session.fail(`${where} answered malformed XML: ${error.message}\n${answer.body}`);
  }
  const problems = validate(document);
  if (problems.some((p) => p.severity === 'error')) {
    session.fail(`${where} answered invalid TwiML:\n${formatProblems(problems)}\n${answer.body}`);
  }
  session.warnings.push(...problems.map((p) => `${where}: ${p.code} at ${p.path}: ${p.message}`));
  // Without errors, the document has one root, a <Response> (maybe after comments).
  const response = document.type === FRAGMENT ? elements(document).find((e) => e.type === 'Response')! : document;
  return { kind: 'twiml', where, documentUrl, verbs: elements(response) };
}
