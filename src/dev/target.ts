/**
 * What the dev phone calls: a module (compiled, imported, reloaded when its files change) or the
 * URL of a server that runs elsewhere, in any language.
 */
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isElement } from '../core.js';
import type { App } from '../testing/index.js';
import { type Handler, handlerOf } from './handler.js';
import { exportLabel, exportOf, loadModule, ModuleError } from './load-module.js';
import type { ModuleState } from './protocol.js';
import { type FileWatcher, watchFiles } from './watch.js';

export interface Target {
  readonly mode: 'module' | 'url';
  /** The app for the next call or message. */
  app(): App;
  readonly module: ModuleState;
  close(): Promise<void>;
}

/** A server elsewhere, by its base URL (`http://127.0.0.1:5000`). */
export function urlTarget(url: string): Target {
  return {
    mode: 'url',
    app: () => url,
    module: { status: 'url', version: 0 },
    close: async () => {},
  };
}

export interface ModuleTargetOptions {
  /** The export to serve. @default default */
  readonly exportName?: string;
  /** Called after every load or failed load. */
  readonly onModule?: (module: ModuleState) => void;
  /** Wait this long (ms) after a change for the writes of one save to end. @default 25 */
  readonly settleMs?: number;
}

/** A file's identity and content version (inode, size, modification time), or `missing`. */
function versionOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

const text = (status: number, body: string) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Why a module whose export answered with a TwiML element cannot be called: it is a flow
 * component (what `twiml-jsx render` takes), and `dev` calls web handlers.
 *
 * @example
 * componentServed('flows/menu.tsx', undefined, 'Response')
 * // 'the default export of flows/menu.tsx returned a <Response> element: it is a flow component …'
 */
export function componentServed(file: string, exportName: string | undefined, type: string): string {
  const which = exportLabel(exportName);
  return (
    `the ${which} of ${file} returned a <${type}> element: it is a flow component (what twiml-jsx render ` +
    'takes), and twiml-jsx dev calls a web handler. Serve the flow from one, e.g. ' +
    "export default { fetch: () => twiml(<Menu />) } with twiml from 'twiml-jsx/http', one route per document"
  );
}

/**
 * Loads `file`'s export and reloads it when one of its source files changes. A load that fails
 * (a compile error, an import that throws, an export that is not an app) leaves the previous
 * module serving; before any load succeeds, requests are answered 503 with the error.
 */
export async function moduleTarget(file: string, options: ModuleTargetOptions = {}): Promise<ModuleTarget> {
  const target = new ModuleTarget(file, options);
  await target.reload();
  return target;
}

export class ModuleTarget implements Target {
  readonly mode = 'module';
  module: ModuleState = { status: 'loading', version: 0 };
  private handler: Handler | undefined;
  private nodeServer: Server | undefined;
  private nodeUrl: string | undefined;
  private watcher: FileWatcher | undefined;
  /** Each watched file as it was at the last load, so an event that changed nothing is ignored. */
  private readonly versions = new Map<string, string>();
  private loading: Promise<void> | undefined;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  /** A Fetch handler that always calls the current module's. */
  private readonly fetchHandler = async (request: Request): Promise<Response> => {
    const handler = this.handler;
    if (handler === undefined)
      return text(503, `twiml-jsx dev: ${this.file} did not load:\n${this.module.error ?? ''}`);
    if (handler.kind !== 'fetch') return text(503, 'twiml-jsx dev: the module is now a Node app; call again');
    const answer: unknown = await handler.fetch(request);
    if (isElement(answer)) throw new TypeError(componentServed(this.file, this.options.exportName, answer.type));
    return answer as Response;
  };

  constructor(
    private readonly file: string,
    private readonly options: ModuleTargetOptions,
  ) {}

  app(): App {
    return this.handler?.kind === 'node' && this.nodeUrl !== undefined ? this.nodeUrl : this.fetchHandler;
  }

  /** Loads the module again (several calls while loading make one more load). */
  reload(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = undefined;
      if (this.again && !this.closed) {
        this.again = false;
        void this.reload();
      }
    });
    return this.loading;
  }

  private async load(): Promise<void> {
    const name = this.options.exportName ?? 'default';
    let inputs: readonly string[] = [];
    try {
      const loaded = await loadModule(this.file);
      inputs = loaded.inputs;
      const handler = handlerOf(exportOf(loaded, name, this.file), name, this.file);
      if (handler.kind === 'node') await this.startNodeServer();
      this.handler = handler;
      this.module = { status: 'loaded', version: this.module.version + 1, loadedAt: Date.now() };
    } catch (error) {
      if (error instanceof ModuleError) inputs = error.inputs.length > 0 ? error.inputs : inputs;
      const message = error instanceof Error ? error.message : String(error);
      const { loadedAt } = this.module;
      this.module = {
        status: 'error',
        version: this.module.version,
        ...(loadedAt !== undefined ? { loadedAt } : {}),
        error: message,
      };
    }
    if (!this.closed) this.watch(inputs);
    this.options.onModule?.(this.module);
  }

  private watch(inputs: readonly string[]): void {
    if (inputs.length === 0) return;
    this.versions.clear();
    for (const input of inputs) this.versions.set(input, versionOf(input));
    if (this.watcher) this.watcher.update(inputs);
    else this.watcher = watchFiles(inputs, (file) => this.changed(file));
  }

  private changed(file: string): void {
    // Reading a file may report a change of its access time: only new content reloads.
    if (this.closed || versionOf(file) === this.versions.get(file)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.options.settleMs ?? 25);
  }

  /** The server a Node app is reached through, on 127.0.0.1 (one for every reload). */
  private async startNodeServer(): Promise<void> {
    if (this.nodeServer) return;
    const server = createServer((req, res) => {
      const handler = this.handler;
      if (handler?.kind !== 'node') {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('twiml-jsx dev: the module is not a Node app now; call again');
        return;
      }
      try {
        handler.listener(req, res);
      } catch (error) {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(`the app threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.nodeServer = server;
    this.nodeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.watcher?.close();
    await this.loading?.catch(() => {});
    const server = this.nodeServer;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
}
