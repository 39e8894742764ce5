/** The package version and the default `User-Agent` of the REST client. */

/**
 * The version of twiml-jsx, sent in the default `User-Agent`. A constant rather than a read of
 * package.json, so the client runs where there is no file system; a test keeps it in step.
 *
 * @example
 * VERSION; // '0.2.0'
 */
export const VERSION = '0.2.0';

interface RuntimeGlobals {
  readonly Bun?: { readonly version?: string };
  readonly Deno?: { readonly version?: { readonly deno?: string } };
  readonly process?: { readonly version?: string; readonly versions?: { readonly node?: string } };
  readonly navigator?: { readonly userAgent?: string };
}

/**
 * The JavaScript runtime and its version: `node/v20.20.2`, `bun/1.1.8`, `deno/2.0.0`,
 * `workerd` (Cloudflare Workers) or `unknown`.
 *
 * @example
 * runtimeDescription(); // 'node/v20.20.2'
 */
export function runtimeDescription(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (globals.Bun?.version) return `bun/${globals.Bun.version}`;
  if (globals.Deno?.version?.deno) return `deno/${globals.Deno.version.deno}`;
  if (globals.process?.versions?.node) return `node/${globals.process.version ?? `v${globals.process.versions.node}`}`;
  if (globals.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  return 'unknown';
}

/**
 * The `User-Agent` sent unless the `userAgent` option replaces it.
 *
 * @example
 * defaultUserAgent(); // 'twiml-jsx/0.2.0 (node/v20.20.2)'
 */
export function defaultUserAgent(): string {
  return `twiml-jsx/${VERSION} (${runtimeDescription()})`;
}
