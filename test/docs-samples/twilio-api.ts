/**
 * A stand-in for Twilio's REST API as a `fetch` function, for the documentation's samples
 * (test/docs-samples.test.ts installs it with preload.ts before a sample runs). It answers what
 * the samples ask of `twiml-jsx/rest` — create, update and read calls; create and read messages —
 * the way Twilio does: JSON resources in snake_case with RFC 2822 dates, 201 for a create, errors
 * as `{ code, message, more_info, status }`. Nothing leaves the machine.
 *
 * - Requests must carry Basic auth for the account in the URL: the account SID with
 *   TWILIO_AUTH_TOKEN, or an API key (SK…) with TWILIO_API_SECRET, from the environment the
 *   harness sets. Anything else is Twilio's 401 (error 20003).
 * - SIDs are made from a counter, so a sample prints the same SID on every run.
 * - The clock starts at 2026-03-02 15:04:05 UTC and moves one second per request.
 * - Magic numbers of Twilio's test credentials
 *   (https://www.twilio.com/docs/iam/test-credentials#test-sms-messages): a message to
 *   +15005550004 is refused with error 21610 (the recipient replied STOP).
 * - Reading a call or message the stand-in has not seen answers a finished one (as if it had been
 *   made earlier in the account), so a sample may read a SID it did not create.
 */
import { createHash } from 'node:crypto';

const API_VERSION = '2010-04-01';
const START = Date.UTC(2026, 2, 2, 15, 4, 5);

type Resource = Record<string, unknown>;

/** Twilio's date format: `Mon, 02 Mar 2026 15:04:05 +0000`. */
const rfc2822 = (ms: number) => new Date(ms).toUTCString().replace('GMT', '+0000');

/** A SID that looks like Twilio's: the prefix and 32 hex digits, the same for the same seed. */
const sidOf = (prefix: string, seed: string) =>
  prefix + createHash('sha256').update(`${prefix}:${seed}`).digest('hex').slice(0, 32);

/** A JSON answer as Twilio writes it. */
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

/** A Twilio error answer. */
const error = (status: number, code: number, message: string) =>
  json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

/** `(555) 867-5310` for a NANP number, else the number as given. */
const formatted = (number: unknown) => {
  const match = typeof number === 'string' ? /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number) : null;
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : (number ?? null);
};

export interface TwilioApi {
  /** The stand-in `fetch`: Twilio's hosts are answered here, anything else goes to `other`. */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** Every request answered, as `METHOD /path`. */
  readonly requests: string[];
}

/**
 * Makes the stand-in. `other` answers requests to hosts that are not Twilio's (the preload lets
 * a sample reach its own server on 127.0.0.1 and refuses the rest).
 */
export function createTwilioApi(
  env: Readonly<Record<string, string | undefined>>,
  other: (request: Request) => Promise<Response>,
): TwilioApi {
  const calls = new Map<string, Resource>();
  const messages = new Map<string, Resource>();
  const requests: string[] = [];
  let clock = START;
  let counter = 0;

  function authorized(request: Request, account: string): boolean {
    const [scheme, encoded] = (request.headers.get('authorization') ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    const [user, secret] = [decoded.slice(0, at), decoded.slice(at + 1)];
    if (user === account) return env.TWILIO_ACCOUNT_SID === account && secret === env.TWILIO_AUTH_TOKEN;
    return user.startsWith('SK') && secret !== '' && secret === env.TWILIO_API_SECRET;
  }

  function call(account: string, sid: string, params: URLSearchParams, now: number): Resource {
    const path = `/${API_VERSION}/Accounts/${account}/Calls/${sid}`;
    return {
      account_sid: account,
      annotation: null,
      answered_by: null,
      api_version: API_VERSION,
      caller_name: null,
      date_created: rfc2822(now),
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      duration: null,
      end_time: null,
      forwarded_from: null,
      from: params.get('From'),
      from_formatted: formatted(params.get('From')),
      group_sid: null,
      parent_call_sid: null,
      phone_number_sid: sidOf('PN', String(params.get('From'))),
      price: null,
      price_unit: 'USD',
      queue_time: '0',
      sid,
      start_time: null,
      status: 'queued',
      stir_verstat: null,
      subresource_uris: {
        notifications: `${path}/Notifications.json`,
        recordings: `${path}/Recordings.json`,
      },
      to: params.get('To'),
      to_formatted: formatted(params.get('To')),
      trunk_sid: null,
      uri: `${path}.json`,
    };
  }

  function message(account: string, sid: string, params: URLSearchParams, now: number): Resource {
    const media = params.getAll('MediaUrl');
    const scheduled = params.get('ScheduleType') === 'fixed';
    return {
      account_sid: account,
      api_version: API_VERSION,
      body: params.get('Body') ?? '',
      date_created: rfc2822(now),
      date_sent: null,
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: params.get('From'),
      messaging_service_sid: params.get('MessagingServiceSid'),
      num_media: String(media.length),
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status: scheduled
        ? 'scheduled'
        : params.has('MessagingServiceSid') && !params.has('From')
          ? 'accepted'
          : 'queued',
      subresource_uris: { media: `/${API_VERSION}/Accounts/${account}/Messages/${sid}/Media.json` },
      to: params.get('To'),
      uri: `/${API_VERSION}/Accounts/${account}/Messages/${sid}.json`,
    };
  }

  /** A call or message made before the sample ran: finished a minute ago. */
  function earlier(kind: 'Calls' | 'Messages', account: string, sid: string, now: number): Resource {
    const params = new URLSearchParams({ To: '+15558675310', From: '+15017122661', Body: 'Hello' });
    if (kind === 'Messages')
      return { ...message(account, sid, params, now - 60_000), status: 'delivered', date_sent: rfc2822(now - 59_000) };
    return {
      ...call(account, sid, params, now - 60_000),
      status: 'completed',
      start_time: rfc2822(now - 58_000),
      end_time: rfc2822(now - 30_000),
      duration: '28',
    };
  }

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const now = (clock += 1000);
    requests.push(`${request.method} ${url.pathname}`);
    const match = new RegExp(
      `^/${API_VERSION}/Accounts/(AC[0-9a-f]{32})/(Calls|Messages)(?:/([A-Z]{2}[0-9a-f]{32}))?\\.json$`,
    ).exec(url.pathname);
    if (!match) return error(404, 20404, `The requested resource ${url.pathname} was not found`);
    const [, account, kind, sid] = match;
    if (!authorized(request, account)) return error(401, 20003, 'Authenticate');
    const store = kind === 'Calls' ? calls : messages;
    const params = new URLSearchParams(request.method === 'POST' ? await request.text() : '');

    if (request.method === 'POST' && sid === undefined) {
      if (kind === 'Messages' && params.get('To') === '+15005550004')
        return error(400, 21610, 'Attempt to send to unsubscribed recipient');
      const created = kind === 'Calls' ? sidOf('CA', String(++counter)) : sidOf('SM', String(++counter));
      const resource = kind === 'Calls' ? call(account, created, params, now) : message(account, created, params, now);
      store.set(created, resource);
      return json(201, resource);
    }
    if (sid === undefined) return error(405, 20004, 'Method not allowed');
    const resource = store.get(sid) ?? earlier(kind as 'Calls' | 'Messages', account, sid, now);
    if (request.method === 'GET') return json(200, resource);
    if (request.method === 'POST' && kind === 'Calls') {
      const status = params.get('Status');
      const updated: Resource = { ...resource, date_updated: rfc2822(now) };
      if (status === 'completed' || status === 'canceled') {
        const started = resource.start_time ?? resource.date_created;
        Object.assign(updated, {
          status,
          start_time: started,
          end_time: rfc2822(now),
          duration: String(Math.round((now - Date.parse(String(started))) / 1000)),
        });
      } else if (resource.status === 'queued') {
        Object.assign(updated, { status: 'in-progress', start_time: rfc2822(now) });
      }
      store.set(sid, updated);
      return json(200, updated);
    }
    return error(405, 20004, 'Method not allowed');
  }

  return {
    requests,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const { hostname, protocol } = new URL(request.url);
      const twilio = protocol === 'https:' && /^api(\.[a-z0-9-]+\.[a-z0-9-]+)?\.twilio\.com$/.test(hostname);
      return twilio ? answer(request) : other(request);
    },
  };
}
