/**
 * The dev server: serves the page (built into dist/dev/page/ at build time), streams the
 * session's events to it (Server-Sent Events), and takes its actions (JSON POSTs). It listens on
 * 127.0.0.1 only and answers only requests for a loopback host (guard.ts).
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { refusal } from './guard.js';
import type { PageEvent } from './protocol.js';
import { type DevSession, SessionError } from './session.js';

/** The page's files, read once when the server starts. */
export interface PageFiles {
  readonly html: string;
  readonly js: string;
  readonly css: string;
}

/**
 * Where the built page is: dist/dev/page/, next to the bundle that holds this module (dist/dev/ or
 * dist/cli/, both one folder below dist/).
 */
export const DEFAULT_PAGE_DIR = fileURLToPath(new URL('../dev/page/', import.meta.url));

/**
 * Reads the page built by scripts/build-dev-ui.ts.
 * @throws Error saying how to build it when a file is missing.
 */
export function readPage(dir: string = DEFAULT_PAGE_DIR): PageFiles {
  try {
    return {
      html: readFileSync(join(dir, 'index.html'), 'utf8'),
      js: readFileSync(join(dir, 'app.js'), 'utf8'),
      css: readFileSync(join(dir, 'app.css'), 'utf8'),
    };
  } catch (error) {
    throw new Error(
      `the dev page is not built (${(error as NodeJS.ErrnoException).path ?? dir} is missing); build the package: npm run build`,
    );
  }
}

/** Largest JSON body an action may have. */
const MAX_BODY_BYTES = 64 * 1024;
/** A client that reads events this far behind is cut off (its page reconnects and gets a snapshot). */
const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;
/** Comment lines keep idle event streams open through proxies and sleeping laptops. */
const HEARTBEAT_MS = 20_000;

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

/**
 * The page's own code only; pictures and audio may come from anywhere, as the flow's `<Play>`
 * and `<Media>` say.
 */
const PAGE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src * data: blob:; " +
  "media-src * data: blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface DevServerOptions {
  readonly session: DevSession;
  /** The port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly page: PageFiles;
}

export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `the body is over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'the body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The actions the page takes, by path. */
const ACTIONS: Record<string, (session: DevSession, body: Record<string, unknown>) => void> = {
  '/api/call': (s, b) => void s.call({ from: b.from, to: b.to }),
  '/api/key': (s, b) => s.press(b.key),
  '/api/speech': (s, b) => s.speak(b.text, b.confidence ?? 0.9),
  '/api/timeout': (s, b) => s.timeout(b.waiting),
  '/api/hangup': (s) => s.hangUp(),
  '/api/answer': (s, b) => s.answer(b.ask, b.value),
  '/api/message': (s, b) => void s.message({ from: b.from, to: b.to, body: b.body, mediaUrl: b.mediaUrl }),
};

/** Starts the server on 127.0.0.1:`port`. */
export async function startServer({ session, port, page }: DevServerOptions): Promise<DevServer> {
  const streams = new Set<ServerResponse>();

  const stream = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    const write = (event: PageEvent) => {
      if (res.writableLength > MAX_BACKLOG_BYTES) {
        res.destroy();
        return;
      }
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    res.write('retry: 1000\n\n');
    write({ type: 'snapshot', state: session.snapshot() });
    const unsubscribe = session.subscribe(write);
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    streams.add(res);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const method = req.method ?? 'GET';
    const refused = refusal({
      method,
      host: req.headers.host,
      origin: req.headers.origin,
      contentType: req.headers['content-type'],
      sensitive: method !== 'GET' || path === '/events' || path.startsWith('/api/'),
    });
    if (refused) {
      send(res, refused.status, 'text/plain; charset=utf-8', `${refused.reason}\n`);
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      switch (path) {
        case '/':
        case '/index.html':
          return send(res, 200, 'text/html; charset=utf-8', page.html, { 'Content-Security-Policy': PAGE_POLICY });
        case '/app.js':
          return send(res, 200, 'text/javascript; charset=utf-8', page.js);
        case '/app.css':
          return send(res, 200, 'text/css; charset=utf-8', page.css);
        case '/events':
          return stream(req, res);
        case '/api/state':
          return json(res, 200, session.snapshot());
      }
    }
    const action = ACTIONS[path];
    if (action === undefined) {
      return send(res, 404, 'text/plain; charset=utf-8', `twiml-jsx dev: no ${path} here\n`);
    }
    if (method !== 'POST') {
      return send(res, 405, 'text/plain; charset=utf-8', `${path} takes POST\n`, { Allow: 'POST' });
    }
    const body = await readJson(req);
    action(session, body);
    json(res, 202, { ok: true });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError || error instanceof SessionError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (res.headersSent) res.destroy();
      else json(res, status, { error: message });
    });
  });
  server.listen(port, '127.0.0.1');
  try {
    // Rejects with the server's 'error' when it cannot listen.
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `port ${port} on 127.0.0.1 is in use; choose another with --port`
        : `cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`,
    );
  }
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    async close() {
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
