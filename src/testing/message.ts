/**
 * The message simulator: sends an incoming-message webhook to your app and collects the
 * replies its TwiML sends, following `<Redirect>`s and `<Message action>`s.
 */
import { deepText, ownText } from '../core.js';
import {
  elements,
  fetchTwiML,
  type PlainTextAnswer,
  type Session,
  type TwiMLRequest,
  type SimulatedRequest,
  type TwiMLDocument,
} from './fetch.js';
import type { MessageSimulationEvent } from './events.js';
import { nextStep } from './next-step.js';
import { contentTypeOf, SIMULATED_ACCOUNT_SID, Sids, messageParams } from './params.js';
import { SimulationError } from './simulation-error.js';
import { checkOptions, type App, Transport } from './transport.js';

export interface SimulateMessageOptions {
  /**
   * Path (or absolute URL) of the messaging webhook.
   * @default /sms
   */
  readonly url?: string;
  /** @default +15555550100 */
  readonly from?: string;
  /** @default +15555550199 */
  readonly to?: string;
  /** The text of the incoming message. */
  readonly body?: string;
  /** Media attached to the incoming message: URLs, or URLs with their content type. */
  readonly media?: readonly (string | { readonly url: string; readonly contentType: string })[];
  /** Sign requests with this auth token (`X-Twilio-Signature`). */
  readonly authToken?: string;
  /** Extra parameters (e.g. `ProfileName`, `WaId` for WhatsApp). */
  readonly params?: Readonly<Record<string, string>>;
  /** @default a deterministic test SID */
  readonly accountSid?: string;
  /** @default https://example.com */
  readonly origin?: string;
  /** @default 20 */
  readonly maxRequests?: number;
  /**
   * Most milliseconds one webhook request may take, body included; past it the simulation fails.
   * @default 15000 (Twilio gives up after 15 s)
   */
  readonly timeoutMs?: number;
  /** Called synchronously, in order, with each request and each reply (see {@link MessageSimulationEvent}). */
  readonly onEvent?: (event: MessageSimulationEvent) => void;
}

/** A message the flow sends back. */
export interface Reply {
  readonly body: string;
  readonly media: readonly string[];
  /** The recipient: the `to` attribute, or the sender of the incoming message. */
  readonly to: string;
  /** The sender: the `from` attribute, or the number that received the message. */
  readonly from: string;
}

export interface MessageResult {
  readonly replies: readonly Reply[];
  readonly requests: readonly SimulatedRequest[];
  /** Validation warnings of the documents answered, as `METHOD url: code at path: message`. */
  readonly warnings: readonly string[];
}

/**
 * Texts your app like Twilio does and returns the replies its TwiML sends.
 * @example
 * const { replies } = await simulateMessage(app.fetch, { body: 'HOURS' });
 * expect(replies[0].body).toMatch(/open 9am/);
 */
export async function simulateMessage(app: App, options: SimulateMessageOptions = {}): Promise<MessageResult> {
  checkOptions(options);
  const transport = new Transport({
    app,
    origin: options.origin,
    authToken: options.authToken,
    timeoutMs: options.timeoutMs,
  });
  const emit = options.onEvent ?? (() => {});
  const sids = new Sids();
  const from = options.from ?? '+15555550100';
  const to = options.to ?? '+15555550199';
  const base = messageParams({
    messageSid: sids.next('SM'),
    accountSid: options.accountSid ?? SIMULATED_ACCOUNT_SID,
    from,
    to,
    body: options.body ?? '',
    media: (options.media ?? []).map((m) => (typeof m === 'string' ? { url: m, contentType: contentTypeOf(m) } : m)),
  });
  const replies: Reply[] = [];
  const requests: SimulatedRequest[] = [];
  const warnings: string[] = [];
  const session: Session = {
    transport,
    requests,
    warnings,
    maxRequests: options.maxRequests ?? 20,
    onRequest: (request) => emit({ type: 'request', request }),
    fail: (message) => {
      throw new SimulationError(message, requests);
    },
  };

  const reply = (sent: Reply) => {
    replies.push(sent);
    emit({ type: 'reply', reply: sent });
  };
  type Next = Omit<TwiMLRequest, 'redirectParams'>;
  let next: Next | undefined = {
    method: 'POST',
    url: transport.resolve(options.url ?? '/sms'),
    params: { ...base, ...options.params },
    label: 'webhook',
  };
  while (next) {
    const request: Next = next;
    next = undefined;
    const answer: TwiMLDocument | PlainTextAnswer = await fetchTwiML(
      session,
      { ...request, redirectParams: base },
      { plainText: true },
    );
    if (answer.kind === 'text') {
      // Twilio sends a plain-text answer back as the reply.
      if (answer.body.trim() !== '') reply({ body: answer.body, media: [], to: from, from: to });
      break;
    }
    const { where, documentUrl } = answer;
    for (const verb of answer.verbs) {
      if (verb.type === 'Message') {
        const children = elements(verb);
        const bodies = children.filter((c) => c.type === 'Body').map((c) => deepText(c));
        reply({
          body: (ownText(verb) + bodies.join('')).trim(),
          media: children.filter((c) => c.type === 'Media').map((c) => ownText(c).trim()),
          to: verb.attributes.to ?? from,
          from: verb.attributes.from ?? to,
        });
      } else if (verb.type !== 'Redirect') {
        session.fail(`${where} answered <${verb.type}>, which is not messaging TwiML`);
      }
      // What follows is the core's control-flow table's: a Redirect's URL, a Message's action.
      const step = nextStep(verb);
      if (step.kind === 'next') continue;
      if (step.kind === 'request') {
        next = {
          method: step.method,
          url: transport.resolve(step.url || documentUrl, documentUrl),
          params: verb.type === 'Message' ? { ...base, MessageSid: sids.next('SM'), MessageStatus: 'sent' } : base,
          label: step.label,
          cause: verb.type === 'Message' ? 'MessageStatus=sent' : 'redirect',
          verb: verb.type,
        };
      }
      break;
    }
  }
  return { replies, requests, warnings };
}
