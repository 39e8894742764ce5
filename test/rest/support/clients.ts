/** Clients pointed at the fake API: ours (with recorded, instant waits) and the official helper's. */
import { createRequire } from 'node:module';
import { type ClientOptions, createClient, type TwilioClient } from 'twiml-jsx/rest';
import { ACCOUNT_SID, AUTH_TOKEN, type FakeTwilio } from './fake-twilio.js';

const require = createRequire(import.meta.url);
/** The official helper (a devDependency, for differential tests only). */
export const twilio = require('twilio') as typeof import('twilio');

/** The Authorization header for the test account, computed with Buffer (not the client's encoder). */
export const BASIC_AUTH = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`, 'utf8').toString('base64')}`;

/** Our client against `fake`; waits between attempts are recorded in `sleeps` and take no time. */
export function ourClient(fake: FakeTwilio, options: ClientOptions = {}): { client: TwilioClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = createClient(
    { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN },
    {
      baseUrl: fake.url,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...options,
    },
  );
  return { client, sleeps };
}

/** The official helper against `fake` (its documented `api.baseUrl` override). */
export function officialClient(fake: FakeTwilio, username = ACCOUNT_SID, password = AUTH_TOKEN) {
  const client =
    username === ACCOUNT_SID ? twilio(username, password) : twilio(username, password, { accountSid: ACCOUNT_SID });
  client.api.baseUrl = fake.url;
  return client;
}
