/**
 * The message simulator: sends an incoming-message webhook to your app and collects the
 * replies its TwiML sends, following `<Redirect>`s and `<Message action>`s.
 */
import { COMMENT, FRAGMENT, type TwiMLElement } from '../runtime/element.js';
import { formatProblems } from '../validate/problem.js';
import { deepText, ownText } from '../validate/text.js';
import { validate } from '../validate/validate.js';
import { parse } from '../xml/parse.js';
import { SIMULATED_ACCOUNT_SID, Sids, messageParams } from './params.js';
import { type App, type SimulatedRequest, SimulationError, Transport } from './transport.js';

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
}

const elements = (element: TwiMLElement) =>
  element.children.filter((c): c is TwiMLElement => typeof c !== 'string' && c.type !== COMMENT);

function contentTypeOf(url: string): string {
  const extension = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    pdf: 'application/pdf',
    mp4: 'video/mp4',
  };
  return (extension && types[extension]) || 'application/octet-stream';
}

/**
 * Texts your app like Twilio does and returns the replies its TwiML sends.
 * @example
 * const { replies } = await simulateMessage(app.fetch, { body: 'HOURS' });
 * expect(replies[0].body).toMatch(/open 9am/);
 */
export async function simulateMessage(app: App, options: SimulateMessageOptions = {}): Promise<MessageResult> {
  const transport = new Transport({ app, origin: options.origin, authToken: options.authToken });
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
  const fail: (message: string) => never = (message) => {
    throw new SimulationError(message, requests);
  };

  let next: { method: 'GET' | 'POST'; url: string; params: Record<string, string> } | undefined = {
    method: 'POST',
    url: transport.resolve(options.url ?? '/sms'),
    params: { ...base, ...options.params },
  };
  while (next) {
    if (requests.length >= (options.maxRequests ?? 20))
      fail(`more than ${options.maxRequests ?? 20} requests: the flow seems to loop`);
    const { method, url, params } = next;
    next = undefined;
    const { documentUrl, ...answer } = await transport.send(method, url, params, base);
    requests.push({ method, params, ...answer });
    const where = `${method} ${url}`;
    if (answer.status < 200 || answer.status >= 300)
      fail(`${where} answered ${answer.status}:\n${answer.body.slice(0, 2000)}`);
    if (/^text\/plain\b/i.test(answer.contentType)) {
      // Twilio sends a plain-text answer back as the reply.
      if (answer.body.trim() !== '') replies.push({ body: answer.body, media: [], to: from, from: to });
      break;
    }
    let document: TwiMLElement;
    try {
      document = parse(answer.body);
    } catch (error) {
      fail(`${where} answered malformed XML: ${(error as Error).message}`);
    }
    const problems = validate(document);
    if (problems.some((p) => p.severity === 'error'))
      fail(`${where} answered invalid TwiML:\n${formatProblems(problems)}`);
    const response = document.type === FRAGMENT ? elements(document).find((e) => e.type === 'Response')! : document;
    for (const verb of elements(response)) {
      if (verb.type === 'Message') {
        const children = elements(verb);
        const bodies = children.filter((c) => c.type === 'Body').map((c) => deepText(c));
        replies.push({
          body: (ownText(verb) + bodies.join('')).trim(),
          media: children.filter((c) => c.type === 'Media').map((c) => ownText(c).trim()),
          to: verb.attributes.to ?? from,
          from: verb.attributes.from ?? to,
        });
        if (verb.attributes.action !== undefined) {
          next = {
            method: verb.attributes.method?.toUpperCase() === 'GET' ? 'GET' : 'POST',
            url: transport.resolve(verb.attributes.action, documentUrl),
            params: { ...base, MessageSid: sids.next('SM'), MessageStatus: 'sent' },
          };
          break;
        }
      } else if (verb.type === 'Redirect') {
        next = {
          method: verb.attributes.method?.toUpperCase() === 'GET' ? 'GET' : 'POST',
          url: transport.resolve(ownText(verb).trim() || documentUrl, documentUrl),
          params: base,
        };
        break;
      } else {
        fail(`${where} answered <${verb.type}>, which is not messaging TwiML`);
      }
    }
  }
  return { replies, requests };
}
