/**
 * What the dev phone's browser tests need: Chromium (Debian's package, or CHROMIUM_PATH), and the
 * built `twiml-jsx dev` command run as users run it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = join(root, 'dist/cli/index.js');

/** How to get the browser, said when it is missing. */
export const CHROMIUM_HINT =
  'the dev phone browser tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH)';

/** Chromium's executable: CHROMIUM_PATH, or where Debian and Ubuntu install it. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
}

/** The flags the tests launch Chromium with: headless, offline from Google's services. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RunningDev {
  /** The page's URL, as the command printed it. */
  readonly url: string;
  /** Everything the command printed so far. */
  readonly output: () => string;
  /** Stops it (SIGTERM) and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Runs `twiml-jsx dev …args` (the built CLI, or `cli` in `cwd`: an installed package's) until it
 * prints its URL and what it calls.
 */
export function startDevCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  { cli = cliPath, cwd = root }: { cli?: string; cwd?: string } = {},
): Promise<RunningDev> {
  const child: ChildProcess = spawn(process.execPath, [cli, 'dev', ...args, '--port', '0'], {
    cwd,
    env: { ...process.env, TWILIO_AUTH_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // The URL line, then the line saying what it calls.
      const url = /twiml-jsx dev: (http:\/\/127\.0\.0\.1:\d+) .*\n {2}calling .*\n/.exec(output)?.[1];
      if (url !== undefined) {
        resolve({
          url,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => reject(new Error(`twiml-jsx dev exited (${code}) before serving:\n${output}`)));
  });
}

/**
 * Connects to the dev server's event stream (as the page does); resolves once the server has
 * answered, so every event from then on is read, with a promise of the first event for which
 * `test` holds.
 */
export async function nextEvent<T = unknown>(
  url: string,
  test: (event: T) => boolean,
): Promise<{ readonly event: Promise<T> }> {
  const controller = new AbortController();
  const response = await fetch(`${url}/events`, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  return { event: readUntil(reader, test, controller) };
}

async function readUntil<T>(
  reader: ReadableStreamDefaultReader<string>,
  test: (event: T) => boolean,
  controller: AbortController,
): Promise<T> {
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice('data: '.length))
          .join('\n');
        if (data === '') continue;
        const event = JSON.parse(data) as T;
        if (test(event)) return event;
      }
    }
  } finally {
    controller.abort();
  }
}
