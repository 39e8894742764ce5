/**
 * Where requests go: `https://api.twilio.com`, `https://api.{edge}.{region}.twilio.com`, or a
 * `baseUrl` (a proxy, a fake API in tests).
 */
import { describeValue } from '../core.js';
import { TwilioConfigError } from './errors.js';

/** The host every account can use; processing happens in the US. */
export const DEFAULT_BASE_URL = 'https://api.twilio.com';

/** Version prefix of the Calls and Messages resources. */
export const API_VERSION_PATH = '/2010-04-01';

/** Edges that go with a processing region, for the advice in error messages. */
const EDGE_OF_REGION: Readonly<Record<string, string>> = { ie1: 'dublin', au1: 'sydney', jp1: 'tokyo' };

const LABEL = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The options that choose the host. */
export interface EndpointOptions {
  readonly baseUrl?: string | undefined;
  readonly edge?: string | undefined;
  readonly region?: string | undefined;
}

function checkLabel(option: 'edge' | 'region', value: unknown): string {
  if (typeof value !== 'string' || !LABEL.test(value)) {
    throw new TwilioConfigError(
      option,
      `createClient: ${option} must be a lower-case host label such as ${option === 'edge' ? '"dublin"' : '"ie1"'}, got ${describeValue(value)}`,
    );
  }
  return value;
}

function example(region: string): string {
  const edge = EDGE_OF_REGION[region];
  return edge ? `{ edge: '${edge}', region: '${region}' }` : `{ edge: 'dublin', region: 'ie1' }`;
}

function checkBaseUrl(value: unknown): string {
  let url: URL;
  try {
    if (typeof value !== 'string') throw new TypeError('not a string');
    url = new URL(value);
  } catch {
    throw new TwilioConfigError(
      'baseUrl',
      `createClient: baseUrl must be an absolute http(s) URL such as "https://api.twilio.com", got ${describeValue(value)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TwilioConfigError('baseUrl', `createClient: baseUrl must use http or https, not ${url.protocol}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new TwilioConfigError(
      'baseUrl',
      'createClient: baseUrl must not hold credentials, a query or a fragment; give credentials to createClient()',
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * The base URL requests go to, without a trailing slash.
 *
 * @throws TwilioConfigError for a region without an edge (the `api.{region}.twilio.com` hosts
 * stopped working on 2026-04-28), an edge without a region, both `baseUrl` and edge/region, or
 * a malformed value.
 * @example
 * resolveBaseUrl({ edge: 'sydney', region: 'au1' }); // 'https://api.sydney.au1.twilio.com'
 */
export function resolveBaseUrl(options: EndpointOptions): string {
  const { baseUrl, edge, region } = options;
  if (baseUrl !== undefined) {
    if (edge !== undefined || region !== undefined) {
      throw new TwilioConfigError(
        'baseUrl',
        'createClient: give baseUrl, or edge and region, not both (edge and region build the host themselves)',
      );
    }
    return checkBaseUrl(baseUrl);
  }
  if (edge === undefined && region === undefined) return DEFAULT_BASE_URL;
  if (edge === undefined) {
    const r = checkLabel('region', region);
    throw new TwilioConfigError(
      'region',
      `createClient: region "${r}" needs an edge too: the api.{region}.twilio.com hosts stopped working on 2026-04-28, ` +
        `only api.{edge}.{region}.twilio.com remains. Pass both, e.g. ${example(r)}, or neither for api.twilio.com`,
    );
  }
  if (region === undefined) {
    const e = checkLabel('edge', edge);
    throw new TwilioConfigError(
      'edge',
      `createClient: edge "${e}" needs a region too: the region decides where data is processed, and guessing one ` +
        `(the official helper assumes us1) could move it. Pass both, e.g. { edge: '${e}', region: 'us1' }, or neither`,
    );
  }
  return `https://api.${checkLabel('edge', edge)}.${checkLabel('region', region)}.twilio.com`;
}

/**
 * The path of a resource of the account, below the base URL.
 *
 * @param resource the resource and, for one instance, its already-checked SID: `['Calls']`,
 * `['Calls', 'CA…']`.
 * @example
 * accountPath('AC…', 'Calls', 'CA…'); // '/2010-04-01/Accounts/AC…/Calls/CA….json'
 */
export function accountPath(accountSid: string, ...resource: readonly string[]): string {
  return `${API_VERSION_PATH}/Accounts/${accountSid}/${resource.join('/')}.json`;
}
