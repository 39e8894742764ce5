/**
 * `twiml-jsx dev`: a phone in the browser that calls your flows. The CLI loads this entry only
 * for the `dev` command.
 *
 * @example
 * // npx twiml-jsx dev src/app.tsx
 * // twiml-jsx dev: http://127.0.0.1:4000  (voice: POST /voice, sms: POST /sms)
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { DEV_USAGE, type DevOptions, DevUsageError, parseDevArgs } from './options.js';
import type { DevConfig, ModuleState } from './protocol.js';
import { type DevServer, type PageFiles, readPage, startServer } from './server.js';
import { DevSession } from './session.js';
import { moduleTarget, type Target, urlTarget } from './target.js';

// What the CLI's `render` shares with `dev`: loading a flow module.
export { exportOf, loadModule, type LoadedModule } from './load-module.js';

/** Where the dev command writes (the CLI's standard output and error). */
export interface DevIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface RunningDev {
  readonly url: string;
  readonly session: DevSession;
  readonly target: Target;
  close(): Promise<void>;
}

export interface StartDevOptions extends Omit<DevOptions, 'help'> {
  /** The built page (default: read from dist/dev/page/). */
  readonly page?: PageFiles;
  /** Receives the module's (re)loads and failures. */
  readonly onModule?: (module: ModuleState) => void;
}

const method = (route: string) => `POST ${route}`;

/**
 * Starts the dev server for a module or a URL; resolves once the page is served.
 * In module mode without an auth token, one is made up for the session and set as
 * `TWILIO_AUTH_TOKEN` (when that is unset), so the module's own signature check passes.
 */
export async function startDev(options: StartDevOptions): Promise<RunningDev> {
  const page = options.page ?? readPage();
  let authToken = options.authToken;
  if (options.module !== undefined && authToken === undefined) {
    authToken = randomBytes(16).toString('hex');
    if (!process.env.TWILIO_AUTH_TOKEN) process.env.TWILIO_AUTH_TOKEN = authToken;
  }
  let session: DevSession | undefined;
  const target =
    options.url !== undefined
      ? urlTarget(options.url)
      : await moduleTarget(options.module!, {
          exportName: options.exportName,
          onModule: (module) => {
            session?.setModule(module);
            options.onModule?.(module);
          },
        });
  const config: DevConfig = {
    target: options.url ?? options.module!,
    mode: target.mode,
    voice: options.voice,
    sms: options.sms,
    from: options.from,
    to: options.to,
    signed: authToken !== undefined,
  };
  session = new DevSession({
    config,
    module: target.module,
    app: () => target.app(),
    ...(authToken !== undefined ? { authToken } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  let server: DevServer;
  try {
    server = await startServer({ session, port: options.port, page });
  } catch (error) {
    await target.close();
    throw error;
  }
  return {
    url: server.url,
    session,
    target,
    async close() {
      session.close();
      await server.close();
      await target.close();
    },
  };
}

/**
 * The `dev` command: starts the server, prints its URL, and runs until SIGINT/SIGTERM (or
 * `signal`). Resolves to the exit code: 0 after a stop, 1 when it cannot start, 2 for usage errors.
 */
export async function runDev(args: readonly string[], io: DevIo, signal?: AbortSignal): Promise<number> {
  let options: DevOptions;
  try {
    options = parseDevArgs(args, process.env);
  } catch (error) {
    if (!(error instanceof DevUsageError)) throw error;
    io.stderr(`twiml-jsx dev: ${error.message}\n\n${DEV_USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout(DEV_USAGE);
    return 0;
  }
  if (options.module !== undefined && !existsSync(options.module)) {
    io.stderr(`twiml-jsx dev: ${options.module} does not exist\n`);
    return 2;
  }
  let first = true;
  let running: RunningDev;
  try {
    running = await startDev({
      ...options,
      onModule: (module) => {
        if (module.status === 'error') io.stderr(`twiml-jsx dev: ${options.module} did not load:\n${module.error}\n`);
        else if (!first) io.stdout(`twiml-jsx dev: reloaded ${options.module}\n`);
        first = false;
      },
    });
  } catch (error) {
    io.stderr(`twiml-jsx dev: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  io.stdout(`twiml-jsx dev: ${running.url}  (voice: ${method(options.voice)}, sms: ${method(options.sms)})\n`);
  io.stdout(
    `  calling ${options.url ?? options.module}; requests ${running.session.snapshot().config.signed ? 'signed' : 'not signed (no --auth-token or TWILIO_AUTH_TOKEN)'}\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    if (signal?.aborted) return stop();
    signal?.addEventListener('abort', stop, { once: true });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
