/**
 * "Call me and say something": places a call whose TwiML is a JSX element, sent with the request
 * (no web server needed), and prints the call SID.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… FROM=+15017122661 TO=+15558675310 \
 *     npm run example:call -- "Your order has shipped"
 *
 * FROM must be one of your Twilio numbers (or a verified caller ID); TO is the phone to ring.
 */
import { pathToFileURL } from 'node:url';
import { Pause, Response, Say } from 'twiml-jsx';
import { type ClientOptions, createClient } from 'twiml-jsx/rest';

const REQUIRED = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'FROM', 'TO'] as const;

const USAGE = `Usage: TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… FROM=+1… TO=+1… npm run example:call -- ["what to say"]

  TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN  your account's credentials (Twilio Console → Account info)
  FROM                                   one of your Twilio numbers, in E.164 form (+15017122661)
  TO                                     the phone to call, in E.164 form (+15558675310)`;

/** What the callee hears: the message twice, so nobody misses it, then goodbye. */
export function Announcement({ text }: { text: string }) {
  return (
    <Response>
      <Say voice="Polly.Joanna">{text}</Say>
      <Pause length={1} />
      <Say voice="Polly.Joanna">Once more: {text}</Say>
      <Say voice="Polly.Joanna">Goodbye.</Say>
    </Response>
  );
}

/**
 * Places the call. Returns the exit code: 0 on success, 1 when the environment is incomplete or
 * Twilio refuses the call. `options` lets tests point the client at a fake API.
 */
export async function main(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: ClientOptions = {},
): Promise<number> {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    console.error(`Missing environment variable${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}\n\n${USAGE}`);
    return 1;
  }
  const text = args[0] ?? 'Hello! This call was placed by twiml-jsx, with its TwiML written in JSX.';
  try {
    const client = createClient({}, { ...options, env });
    const call = await client.calls.create({
      to: env.TO!,
      from: env.FROM!,
      twiml: <Announcement text={text} />,
    });
    console.log(`Calling ${env.TO} from ${env.FROM}: call ${call.sid} is ${call.status}.`);
    return 0;
  } catch (error) {
    console.error(`Could not place the call: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
