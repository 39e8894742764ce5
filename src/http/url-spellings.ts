/**
 * The spellings of one URL that differ only where URL parsers re-encode characters Twilio sends
 * raw. Twilio signs the URL exactly as it sends it; a Fetch runtime (undici and Next.js, Bun,
 * Cloudflare Workers, Hono's slow path on Node) hands the handler `new URL(sent).href`, which
 * percent-encodes some characters a client may legally send raw. Among printable ASCII, with every
 * WHATWG parser measured, that is one character: `'` in the query becomes `%27`
 * (`?FromCity=TREZZO+SULL'ADDA` arrives as `?FromCity=TREZZO+SULL%27ADDA`). Everything else Twilio
 * may send (the RFC 3986 alphabet, any `%XX`, `+`) reaches the handler unchanged, so the URL
 * Twilio signed is the one the handler sees with some of these characters spelled back.
 *
 * Which characters count is read from the running engine's own `URL` (once, at first use), among
 * the characters that may stand raw in a path and a query and delimit neither: `! $ ' ( ) * , ; :
 * @`. Spelling one of them raw or as its escape never changes what the URL decodes to (the same
 * path segments, the same query names and values) nor its WHATWG form, so trying these spellings
 * lets through no request that an application could tell apart from the signed one.
 *
 * @see https://www.twilio.com/docs/usage/security#validating-requests
 * @see https://url.spec.whatwg.org/#query-state
 */

/** The characters that may be spelled either way: legal raw in a path and a query, a delimiter of neither. */
const INTERCHANGEABLE = "!$'()*,;:@";

/**
 * The most spellings tried besides the URL as received (each is hashed without and with the
 * default port). With up to 4 re-encoded characters in the URL every combination fits (2^4 = 16,
 * one of them the URL itself); beyond, the likely ones come first.
 */
export const MAX_RESPELLINGS = 16;

/** Every combination is tried up to this many re-encoded characters; beyond it, uniform runs only. */
const ALL_COMBINATIONS_UP_TO = 4;

/** For a path or a query: each escape the engine writes (`%27`) and its raw character, both ways. */
interface Table {
  readonly raw: ReadonlyMap<string, string>;
  readonly escaped: ReadonlyMap<string, string>;
}

let tables: { readonly path: Table; readonly query: Table } | undefined;

const escapeOf = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** Which characters this engine's URL parser percent-encodes in a path and in a query (`'` in the query, everywhere measured). */
function reencoded(): { readonly path: Table; readonly query: Table } {
  if (tables !== undefined) return tables;
  const path = { raw: new Map<string, string>(), escaped: new Map<string, string>() };
  const query = { raw: new Map<string, string>(), escaped: new Map<string, string>() };
  for (const c of INTERCHANGEABLE) {
    const escaped = escapeOf(c);
    for (const [table, parsed] of [
      [path, new URL(`http://h/a${c}b`).pathname === `/a${escaped}b`],
      [query, new URL(`http://h/?a${c}b`).search === `?a${escaped}b`],
    ] as const) {
      if (!parsed) continue;
      table.raw.set(escaped, c);
      table.escaped.set(c, escaped);
    }
  }
  tables = { path, query };
  return tables;
}

/** One place where a re-encoded character stands, raw or as its upper-case escape (the only case a parser writes). */
interface Site {
  readonly at: number;
  readonly length: number;
  readonly raw: string;
  readonly escaped: string;
}

function sitesIn(url: string, from: number, to: number, table: Table, out: Site[]): void {
  if (table.raw.size === 0) return;
  for (let i = from; i < to; i++) {
    const c = url[i];
    if (c === '%') {
      const escaped = url.slice(i, i + 3);
      const raw = i + 3 <= to ? table.raw.get(escaped) : undefined;
      if (raw !== undefined) {
        out.push({ at: i, length: 3, raw, escaped });
        i += 2;
      }
    } else {
      const escaped = table.escaped.get(c);
      if (escaped !== undefined) out.push({ at: i, length: 1, raw: c, escaped });
    }
  }
}

/** A URL's scheme and authority: `https://user@example.com:8443` of `https://user@example.com:8443/p?q`. */
export const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The sites of `url`, in order: in its path (after the authority, before `?`), then in its query (before `#`). */
function sitesOf(url: string): Site[] {
  const authority = SCHEME_AND_AUTHORITY.exec(url);
  if (authority === null) return [];
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const question = url.indexOf('?');
  const queryStart = question === -1 || question > end ? end : question;
  const { path, query } = reencoded();
  const sites: Site[] = [];
  sitesIn(url, authority[0].length, queryStart, path, sites);
  sitesIn(url, queryStart, end, query, sites);
  return sites;
}

/** `url` with site i spelled raw when `raw(i)`, escaped otherwise. */
function respell(url: string, sites: readonly Site[], raw: (i: number) => boolean): string {
  let out = '';
  let last = 0;
  sites.forEach((site, i) => {
    out += url.slice(last, site.at) + (raw(i) ? site.raw : site.escaped);
    last = site.at + site.length;
  });
  return out + url.slice(last);
}

/**
 * The other spellings of `url` Twilio may have signed, most likely first, at most
 * `MAX_RESPELLINGS`; nothing when `url` holds no re-encoded character. With k such characters
 * (each raw or escaped): every one raw, every one escaped, then every other combination when
 * k ≤ 4, else "escaped up to a point, raw from there" (a configured query spelled with `%27`
 * followed by the parameters Twilio appends with a raw `'`) and the reverse.
 *
 * @example
 * [...respellings("https://example.com/status?FromCity=TREZZO+SULL%27ADDA&To=%2B15555550111")];
 * // ["https://example.com/status?FromCity=TREZZO+SULL'ADDA&To=%2B15555550111"]
 */
export function* respellings(url: string): Generator<string> {
  const sites = sitesOf(url);
  const k = sites.length;
  if (k === 0) return;
  const tried = new Set([url]);
  const choices: ((i: number) => boolean)[] = [() => true, () => false];
  if (k <= ALL_COMBINATIONS_UP_TO) {
    for (let mask = 1; mask < 2 ** k - 1; mask++) choices.push((i) => (mask & (1 << i)) !== 0);
  } else {
    for (let cut = 1; cut < k; cut++) choices.push((i) => i >= cut);
    for (let cut = 1; cut < k; cut++) choices.push((i) => i < cut);
  }
  for (const raw of choices) {
    if (tried.size > MAX_RESPELLINGS) return;
    const spelled = respell(url, sites, raw);
    if (tried.has(spelled)) continue;
    tried.add(spelled);
    yield spelled;
  }
}
