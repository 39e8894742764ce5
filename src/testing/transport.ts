/**
 * How the simulators talk to the application under test: a Fetch handler called in-process
 * (Hono's `app.fetch`, a Next.js route) or a running server reached with `fetch`. Requests are
 * Twilio-shaped: form-encoded POST (or query-string GET), signed when an auth token is given.
 */
import type { HttpMethod } from '../core.js';
import { computeSignature, SIGNATURE_HEADER } from '../http/index.js';

/** A Fetch handler, or the base URL of a running server (`http://127.0.0.1:3000`). */
export type App = ((request: Request) => Response | Promise<Response>) | string | URL;

/** The final answer to one request, after any HTTP redirects. */
export interface Answer {
  /** Absolute URL requested (with the parameters in the query string for GET), as signed. */
  readonly url: string;
  /** The URL the answer came from (after HTTP redirects), without the GET parameters. */
  readonly documentUrl: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface TransportOptions {
  readonly app: App;
  /** Origin of the URLs for a Fetch-handler app (a running server uses its own). */
  readonly origin?: string;
  readonly authToken?: string;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Sends Twilio-shaped requests to an app. */
export class Transport {
  readonly base: string;

  constructor(private readonly options: TransportOptions) {
    const { app } = options;
    this.base = typeof app === 'function' ? (options.origin ?? 'https://example.com') : String(app);
    if (typeof app !== 'function') {
      try {
        new URL(this.base);
      } catch {
        throw new TypeError(
          `twiml-jsx/testing: app must be a Fetch handler or an absolute base URL, got ${JSON.stringify(this.base)}`,
        );
      }
    }
  }

  /** Resolves a URL the way Twilio does: against the current document's URL. */
  resolve(url: string, against?: string): string {
    return new URL(url, against ?? this.base).href;
  }

  /**
   * Sends one request and returns the final answer. Redirects (3xx) are followed like Twilio
   * does: up to 10, as GET, without the parameters specific to the callback (e.g. `Digits`).
   */
  async send(
    method: HttpMethod,
    url: string,
    params: Record<string, string>,
    redirectParams: Record<string, string> = params,
  ): Promise<Answer> {
    let current: { method: HttpMethod; url: string; params: Record<string, string> } = { method, url, params };
    for (let hop = 0; ; hop++) {
      const { response, requested } = await this.once(current.method, current.url, current.params);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) {
        return {
          url: requested,
          documentUrl: current.url,
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          body: await response.text(),
        };
      }
      if (hop === 10) throw new Error(`more than 10 HTTP redirects from ${url} (Twilio error 11215)`);
      current = { method: 'GET', url: new URL(location, current.url).href, params: redirectParams };
    }
  }

  private async once(
    method: HttpMethod,
    url: string,
    params: Record<string, string>,
  ): Promise<{ response: Response; requested: string }> {
    const target = new URL(url);
    const headers: Record<string, string> = {
      'User-Agent': 'TwilioProxy/1.1 (twiml-jsx simulator)',
      ...this.options.headers,
    };
    let body: string | undefined;
    if (method === 'GET') {
      for (const [name, value] of Object.entries(params)) target.searchParams.append(name, value);
    } else {
      body = new URLSearchParams(params).toString();
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
    }
    if (this.options.authToken !== undefined) {
      headers[SIGNATURE_HEADER] = computeSignature(
        this.options.authToken,
        target.href,
        method === 'POST' ? params : {},
      );
    }
    const init: RequestInit = { method, headers, body, redirect: 'manual' };
    const app = this.options.app;
    const response =
      typeof app === 'function' ? await app(new Request(target.href, init)) : await fetch(target.href, init);
    return { response, requested: target.href };
  }
}
