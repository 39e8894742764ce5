/** `client.messages`: send an SMS, MMS or channel message, look one up. */
import { accountPath } from './endpoint.js';
import { TwilioParameterError } from './errors.js';
import { type TableOf, either, formPairs, givenOf, paramsObject } from './fields.js';
import { toMessage } from './response.js';
import { checkSid } from './sids.js';
import { type RequestOptions, type ResourceContext, fetchResource } from './transport.js';
import type { CreateMessageFields, CreateMessageParams, Message } from './types.js';

/**
 * Parameters of "create a message", in the order the official helper sends them. Checked
 * against `CreateMessageFields` by the compiler: one entry per field, of a kind matching its type.
 * @see https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 */
const CREATE_MESSAGE = {
  to: 'string',
  statusCallback: 'url',
  applicationSid: { sid: 'application' },
  maxPrice: 'number',
  provideFeedback: 'boolean',
  attempt: 'integer',
  validityPeriod: 'integer',
  forceDelivery: 'boolean',
  contentRetention: { oneOf: ['retain', 'discard'] },
  addressRetention: { oneOf: ['retain', 'obfuscate'] },
  smartEncoded: 'boolean',
  persistentAction: 'string-list',
  trafficType: { oneOf: ['free'] },
  shortenUrls: 'boolean',
  scheduleType: { oneOf: ['fixed'] },
  sendAt: 'datetime',
  sendAsMms: 'boolean',
  contentVariables: 'string',
  messageIntent: 'string',
  riskCheck: { oneOf: ['enable', 'disable'] },
  from: 'string',
  fallbackFrom: 'string',
  messagingServiceSid: { sid: 'messagingService' },
  body: 'string',
  mediaUrl: 'url-list',
  contentSid: { sid: 'content' },
} satisfies TableOf<CreateMessageFields>;

/** Most media URLs one message may carry. */
const MAX_MEDIA = 10;

/** Parameters that only work through a Messaging Service. */
const NEED_MESSAGING_SERVICE = ['scheduleType', 'shortenUrls', 'fallbackFrom'];

/** Checks the rules between parameters of "create a message" that no single parameter shows. */
function checkCreate(params: Record<string, unknown>): void {
  const where = 'messages.create';
  const has = (option: string) => givenOf(params, [option]).length > 0;
  if (!has('to')) {
    throw new TwilioParameterError('to', `${where}: to is required: the recipient's number or channel address`, 21604);
  }
  if (!has('from') && !has('messagingServiceSid')) {
    throw new TwilioParameterError(
      'from',
      `${where}: give a sender: from (a Twilio number, sender ID or short code) or messagingServiceSid`,
      21603,
    );
  }
  if (givenOf(params, ['body', 'mediaUrl', 'contentSid']).length === 0) {
    throw new TwilioParameterError(
      'body',
      `${where}: the message is empty: give body, mediaUrl or contentSid (a Content Template)`,
      21602,
    );
  }
  const media = params.mediaUrl;
  if (Array.isArray(media) && media.length > MAX_MEDIA) {
    throw new TwilioParameterError(
      'mediaUrl',
      `${where}: mediaUrl has ${media.length} URLs; a message carries at most ${MAX_MEDIA}`,
    );
  }
  if (has('contentVariables') && !has('contentSid')) {
    throw new TwilioParameterError(
      'contentVariables',
      `${where}: contentVariables fills a Content Template's variables, so it needs contentSid`,
    );
  }
  const needService = has('messagingServiceSid')
    ? []
    : givenOf(params, NEED_MESSAGING_SERVICE).filter((option) => params[option] !== false);
  if (needService.length > 0) {
    throw new TwilioParameterError(
      needService[0],
      `${where}: ${either(needService).replace(' or ', ' and ')} only work${needService.length === 1 ? 's' : ''} ` +
        'through a Messaging Service; give messagingServiceSid too',
    );
  }
  if (has('scheduleType') !== has('sendAt')) {
    throw new TwilioParameterError(
      has('sendAt') ? 'scheduleType' : 'sendAt',
      `${where}: scheduling needs both scheduleType: 'fixed' and sendAt (when to send)`,
    );
  }
}

/**
 * The messages of the account.
 *
 * @example
 * const message = await client.messages.create({ to, from, body: 'Your table is ready' });
 */
export interface MessagesResource {
  /**
   * Sends a message. Checked before anything is sent: `to`, a sender (`from` and/or
   * `messagingServiceSid`) and content (`body`, `mediaUrl` — at most 10 — and/or `contentSid`).
   *
   * Not retried after a timeout, network failure or 5xx unless `retryAmbiguousFailures` is set,
   * because the message may already be on its way; 429 is retried.
   *
   * @example
   * const message = await client.messages.create({
   *   to: '+15558675310',
   *   from: '+15017122661',
   *   body: 'Here is the map',
   *   mediaUrl: ['https://example.com/map.png'],
   * });
   * console.log(message.sid, message.status); // 'SM…' 'queued'
   * @throws TwilioParameterError before any request; TwilioApiError, TwilioTimeoutError,
   * TwilioNetworkError, TwilioAbortError after.
   */
  create(params: CreateMessageParams, options?: RequestOptions): Promise<Message>;
  /**
   * Looks a message up (`GET …/Messages/{sid}.json`), e.g. to follow its delivery status.
   *
   * @example
   * const { status, errorCode } = await client.messages.get('SM…');
   */
  get(sid: string, options?: RequestOptions): Promise<Message>;
}

/**
 * The `messages` resource of a client.
 *
 * @example
 * const messages = createMessagesResource({ accountSid, send });
 */
export function createMessagesResource(context: ResourceContext): MessagesResource {
  const { accountSid, send } = context;
  return {
    async create(params, options) {
      const where = 'messages.create';
      const given = paramsObject(where, params);
      checkCreate(given);
      const form = formPairs(where, CREATE_MESSAGE, given);
      const path = accountPath(accountSid, 'Messages');
      return fetchResource(
        send,
        { operation: where, method: 'POST', path, form, idempotent: false },
        options,
        toMessage,
      );
    },
    async get(sid, options) {
      const path = accountPath(accountSid, 'Messages', checkSid('message', sid, 'messages.get', 'sid'));
      return fetchResource(
        send,
        { operation: 'messages.get', method: 'GET', path, idempotent: true },
        options,
        toMessage,
      );
    },
  };
}
