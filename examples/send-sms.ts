/**
 * Sends an SMS and prints the message SID and status.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… FROM=+15017122661 TO=+15558675310 \
 *     npm run example:sms -- "Your table is ready"
 *
 * FROM may be one of your Twilio numbers, or leave it out and set MESSAGING_SERVICE_SID (MG…)
 * to let a Messaging Service pick the sender.
 */
import { pathToFileURL } from 'node:url';
import { type ClientOptions, createClient } from 'twiml-jsx/rest';

const USAGE = `Usage: TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… FROM=+1… TO=+1… npm run example:sms -- ["message text"]

  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN  your account's credentials (Twilio Console → Account info)
  FROM                                   one of your Twilio numbers, in E.164 form (+15017122661)
  MESSAGING_SERVICE_SID                  instead of FROM: a Messaging Service (MG…) that picks the sender
  TO                                     the recipient, in E.164 form (+15558675310)`;

/**
 * Sends the message. Returns the exit code: 0 on success, 1 when the environment is incomplete
 * or Twilio refuses the message. `options` lets tests point the client at a fake API.
 */
export async function main(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: ClientOptions = {},
): Promise<number> {
  const missing = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TO'].filter((name) => !env[name]);
  if (!env.FROM && !env.MESSAGING_SERVICE_SID) missing.push('FROM (or MESSAGING_SERVICE_SID)');
  if (missing.length > 0) {
    console.error(`Missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}\n\n${USAGE}`);
    return 1;
  }
  const body = args[0] ?? 'Hello from twiml-jsx!';
  const sender = env.FROM ? { from: env.FROM } : { messagingServiceSid: env.MESSAGING_SERVICE_SID! };
  try {
    const client = createClient({}, { ...options, env });
    const message = await client.messages.create({ to: env.TO!, ...sender, body });
    console.log(`Message ${message.sid} to ${message.to}: ${message.status}.`);
    return 0;
  } catch (error) {
    // A TwilioApiError's message carries Twilio's error code and the link to its documentation.
    console.error(`Could not send the message: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
