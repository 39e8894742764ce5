/** The options of `twiml-jsx dev`, read from the command line. */

export const DEV_USAGE = `Usage: twiml-jsx dev <module> [options]
       twiml-jsx dev --url <http://host:port> [options]

Opens a phone in your browser that calls your flows: the TwiML of each step, the flow graph,
SMS. The module (.tsx, .jsx, .ts, .js) exports a Fetch handler, an object with fetch() (a Hono
app) or a Node/Express app; it is reloaded when its files change. --url calls a server that
runs elsewhere, in any language.

Options:
  --url <url>            Call the server at this base URL instead of a module.
  --export <name>        Serve this named export of the module (default: the default export).
  --voice <path>         The route a call requests first (default: /voice).
  --sms <path>           The route a text message is posted to (default: /sms).
  --from <number>        The caller's number (default: +15555550100).
  --to <number>          The number called or texted (default: +15555550199).
  --auth-token <token>   Sign requests with this token (default: TWILIO_AUTH_TOKEN; for a module
                         without one, a token made up for the session, set as TWILIO_AUTH_TOKEN).
  --port <port>          The page's port on 127.0.0.1 (default: 4000; 0 picks a free one).
  --timeout <seconds>    How long one webhook may take to answer (default: 15, as on Twilio).
`;

/** A mistake on the command line; the message says which option and why. */
export class DevUsageError extends Error {}

export interface DevOptions {
  /** The module to serve, or undefined with `url`. */
  readonly module?: string;
  readonly url?: string;
  readonly exportName: string;
  readonly voice: string;
  readonly sms: string;
  readonly from: string;
  readonly to: string;
  /** From --auth-token or TWILIO_AUTH_TOKEN; undefined when neither is set. */
  readonly authToken?: string;
  readonly port: number;
  readonly timeoutMs?: number;
  readonly help: boolean;
}

const VALUED = ['url', 'export', 'voice', 'sms', 'from', 'to', 'auth-token', 'port', 'timeout'] as const;
const FLAGS = ['help'] as const;

/** A route: a path (`/voice`) or an absolute http(s) URL. */
function route(value: string, option: string): string {
  if (value.startsWith('/') || /^https?:\/\/[^\s]+$/i.test(value)) return value;
  throw new DevUsageError(`--${option} takes a path starting with / or an http(s) URL; got ${JSON.stringify(value)}`);
}

/**
 * Reads `args` (what follows `dev`). `env` gives TWILIO_AUTH_TOKEN.
 * @throws DevUsageError for an unknown option, a missing or malformed value, or no module/URL.
 */
export function parseDevArgs(args: readonly string[], env: NodeJS.ProcessEnv = {}): DevOptions {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if ((FLAGS as readonly string[]).includes(name)) {
      flags.add(name);
    } else if ((VALUED as readonly string[]).includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new DevUsageError(`--${name} needs a value`);
      }
      values.set(name, value);
    } else {
      throw new DevUsageError(`unknown option --${name}`);
    }
  }
  const help = flags.has('help');
  const url = values.get('url');
  if (!help) {
    if (positionals.length > 1) throw new DevUsageError(`one module at a time; got ${positionals.join(', ')}`);
    if (url !== undefined && positionals.length > 0) {
      throw new DevUsageError('give a module or --url, not both');
    }
    if (url === undefined && positionals.length === 0) {
      throw new DevUsageError('dev needs a module (e.g. src/app.tsx) or --url http://127.0.0.1:5000');
    }
    if (url !== undefined) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        throw new DevUsageError(`--url is not a URL: ${JSON.stringify(url)}`);
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new DevUsageError(`--url must be an http(s) URL; got ${JSON.stringify(url)}`);
      }
    }
    if (url !== undefined && values.has('export')) throw new DevUsageError('--export is for a module, not --url');
  }
  const port = values.get('port') ?? '4000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new DevUsageError(`--port takes a port number from 0 to 65535; got ${JSON.stringify(port)}`);
  }
  const timeout = values.get('timeout');
  if (timeout !== undefined && !(/^\d+(\.\d+)?$/.test(timeout) && Number(timeout) > 0)) {
    throw new DevUsageError(`--timeout takes a number of seconds above 0; got ${JSON.stringify(timeout)}`);
  }
  const number = (name: 'from' | 'to', fallback: string) => {
    const value = values.get(name) ?? fallback;
    if (value.trim() === '') throw new DevUsageError(`--${name} is empty`);
    return value.trim();
  };
  const token = values.get('auth-token') ?? env.TWILIO_AUTH_TOKEN;
  if (values.get('auth-token') === '') throw new DevUsageError('--auth-token is empty');
  return {
    ...(positionals[0] !== undefined ? { module: positionals[0] } : {}),
    ...(url !== undefined ? { url: url.replace(/\/+$/, '') } : {}),
    exportName: values.get('export') ?? 'default',
    voice: route(values.get('voice') ?? '/voice', 'voice'),
    sms: route(values.get('sms') ?? '/sms', 'sms'),
    from: number('from', '+15555550100'),
    to: number('to', '+15555550199'),
    ...(token ? { authToken: token } : {}),
    port: Number(port),
    ...(timeout !== undefined ? { timeoutMs: Math.round(Number(timeout) * 1000) } : {}),
    help,
  };
}
