/**
 * Redaction of the client's own credentials from everything it throws. A proxy, gateway or fake
 * API at `baseUrl` may echo the request's `Authorization` header — in a JSON field, an HTML page,
 * a `Location`, a network error — and that text would otherwise reach `error.message`,
 * `apiMessage`, `details` or a `cause`. Every spelling of the secret (auth token or API secret)
 * and of the Basic value `base64(user:secret)` is replaced by `[redacted]`, however it was
 * escaped: raw, percent-encoded (any flavour, any hex case, twice), form-encoded (`+` for a
 * space), JSON-escaped (`\u00e4`, `\/`), or HTML-escaped (`&amp;`, `&#38;`, `&#x26;`) — and
 * mixes of those within one echo. An echo under two layers of encoding (an HTML-escaped header
 * inside a percent-encoded link) is found by decoding; then the whole word holding it goes.
 *
 * @see https://www.twilio.com/docs/usage/requests-to-twilio (Basic authentication with the auth token or an API key)
 */
import { TwilioError } from './errors.js';

/** What replaces a credential. */
export const REDACTED = '[redacted]';

/**
 * Shortest secret redacted on its own. Twilio's auth tokens and API secrets are 32 characters;
 * a shorter one cannot be told apart from ordinary words (a one-letter "secret" would be cut out
 * of every message). Its Basic value, always longer, is redacted whatever the secret's length.
 */
export const MIN_SECRET_LENGTH = 8;

/** How deep `error()` follows `cause`, `details` and other nested values. */
const MAX_DEPTH = 8;

/** Removes the client's credentials from text and errors (see the module comment). */
export interface Redactor {
  /** `text` with every spelling of a credential replaced by `[redacted]`. */
  text(text: string): string;
  /**
   * Like `text()`, for text that was cut short (a body over `maxResponseBytes`): its last
   * `margin` characters, which could hold the start of a credential, are dropped (`…`).
   */
  cutText(text: string): string;
  /** Most characters one spelling of a credential may take: a cut closer than this to the end may split one. */
  readonly margin: number;
  /** Whether `value` (a string, an error, an object; nested) holds a credential anywhere. */
  holds(value: unknown): boolean;
  /**
   * `error` with every credential removed from every field, nested ones included (`cause`
   * chains, `details`, foreign errors' own properties). The client's own errors are cleaned in
   * place; a foreign error (what `fetch` threw) that holds one is replaced by a copy with the
   * same prototype, so `instanceof` still holds.
   */
  error<T>(error: T): T;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** `2f` as a pattern matching `2f`, `2F`. */
const hex = (value: number, width: number) =>
  value
    .toString(16)
    .padStart(width, '0')
    .replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);

const JSON_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

const HTML_NAMES: Readonly<Record<string, string>> = {
  '&': 'amp',
  '<': 'lt',
  '>': 'gt',
  '"': 'quot',
  "'": 'apos',
};

/** Every way one code point may be written in a body, header or URL, as a pattern. */
function spellings(char: string): string {
  const point = char.codePointAt(0) ?? 0;
  const bytes = [...new TextEncoder().encode(char)];
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i));
  const options = [
    // Twice percent-encoded first: its `%25` would otherwise be read as a `%` alone.
    bytes.map((b) => `%25${hex(b, 2)}`).join(''),
    bytes.map((b) => `%${hex(b, 2)}`).join(''),
    units.map((u) => `\\\\u${hex(u, 4)}`).join(''),
    `&#0*${point};`,
    `&#[xX]0*${hex(point, 1)};`,
    escapeRegExp(char),
  ];
  if (JSON_ESCAPES[char]) options.push(escapeRegExp(JSON_ESCAPES[char]));
  if (HTML_NAMES[char]) options.push(`&${HTML_NAMES[char]};`);
  if (char === ' ') options.push('\\+');
  return `(?:${options.join('|')})`;
}

/** A pattern for `form` in any of its spellings, character by character. */
const formPattern = (form: string) => [...form].map(spellings).join('');

/** Undoes one layer of encoding, leniently (what does not decode stays as it is). */
const DECODERS: readonly ((text: string) => string)[] = [
  // percent-encoding
  (text) =>
    text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    }),
  // form encoding: `+` is a space
  (text) => (text.includes('+') ? DECODERS[0](text.replace(/\+/g, ' ')) : text),
  // JSON string escapes
  (text) =>
    text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_, unit: string | undefined, char: string | undefined) =>
      unit !== undefined ? String.fromCharCode(Number.parseInt(unit, 16)) : (JSON.parse(`"\\${char}"`) as string),
    ),
  // HTML character references
  (text) =>
    text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g, (reference, dec, hexa, name) => {
      if (name !== undefined) return Object.keys(HTML_NAMES).find((char) => HTML_NAMES[char] === name) ?? reference;
      const point = Number.parseInt(dec ?? hexa, dec !== undefined ? 10 : 16);
      return point <= 0x10ffff ? String.fromCodePoint(point) : reference;
    }),
];

/** Characters that start an escape some decoder undoes. */
const ENCODED = /[%+\\&]/;

/** The credential forms to look for: the secret, and the Basic value in both base64 alphabets. */
function forms(basic: string, secret: string): string[] {
  const unpadded = basic.replace(/=+$/, ''); // padding is matched apart
  const found = new Set([unpadded, unpadded.replace(/\+/g, '-').replace(/\//g, '_')]);
  if (secret.length >= MIN_SECRET_LENGTH) found.add(secret);
  return [...found].sort((a, b) => b.length - a.length);
}

/** A Fetch `Headers` (where the runtime has them). */
const isHeaders = (value: object): value is Headers => typeof Headers === 'function' && value instanceof Headers;

/** What a redactor looks for. */
export interface Secrets {
  /** The Basic value: base64 of `user:secret` (what follows `Basic ` in the header). */
  readonly basic: string;
  /** The auth token or API secret. */
  readonly secret: string;
}

/**
 * The redactor of one client's credentials.
 *
 * @example
 * const redact = createRedactor({ basic: base64(`AC…:${token}`), secret: token });
 * redact.text(`echo: Basic ${base64(`AC…:${token}`)}`); // 'echo: Basic [redacted]'
 */
export function createRedactor({ basic, secret }: Secrets): Redactor {
  const credentialForms = forms(basic, secret);
  /**
   * Longest text one credential may take: 24 characters per UTF-16 unit bounds every spelling of
   * up to two layers (the longest, percent-encoding then JSON-escaping, writes `\u0025XX` for
   * each of up to 3 UTF-8 bytes).
   */
  const longest = Math.max(...credentialForms.map((form) => form.length)) * 24;
  // Compiled on first use (only errors need it), so creating a client costs nothing.
  let compiled: RegExp | undefined;
  const pattern = () => {
    if (compiled === undefined) {
      // Base64 padding says nothing, but goes with the value it ends.
      const padding = `(?:${spellings('=')}){0,2}`;
      const alternatives = credentialForms.map((form) => formPattern(form) + (form === secret ? '' : padding));
      compiled = new RegExp(alternatives.join('|'), 'g');
    }
    return compiled;
  };

  const matches = (value: string) => {
    const anywhere = pattern();
    anywhere.lastIndex = 0;
    const found = anywhere.test(value);
    anywhere.lastIndex = 0;
    return found;
  };
  /** Whether `value`, with one or two layers of encoding undone, spells a credential. */
  const encodedHolds = (value: string) =>
    ENCODED.test(value) &&
    DECODERS.some((first) => {
      const once = first(value);
      if (once === value) return false;
      if (matches(once)) return true;
      return (
        ENCODED.test(once) &&
        DECODERS.some((second) => {
          const twice = second(once);
          return twice !== once && matches(twice);
        })
      );
    });
  const text = (value: string) => {
    const direct = value.replace(pattern(), REDACTED);
    if (!encodedHolds(direct)) return direct;
    const words = direct.replace(/\S+/g, (word) => (encodedHolds(word) ? REDACTED : word));
    return encodedHolds(words) ? REDACTED : words;
  };
  const has = (value: string) => matches(value) || encodedHolds(value);

  /** Calls `visit` on every string inside `value` until it returns true. */
  const someString = (value: unknown, visit: (text: string) => boolean, depth: number, seen: Set<object>): boolean => {
    if (typeof value === 'string') return visit(value);
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH || seen.has(value)) return false;
    seen.add(value);
    const nested = (item: unknown) => someString(item, visit, depth + 1, seen);
    if (value instanceof Error && (nested(value.message) || nested(value.stack))) return true;
    if (value instanceof Map || value instanceof Set || isHeaders(value)) {
      for (const entry of value.entries()) if (nested(entry[0]) || nested(entry[1])) return true;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'string' && nested(key)) return true;
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor !== undefined && 'value' in descriptor && nested(descriptor.value)) return true;
    }
    return false;
  };
  const holds = (value: unknown) => someString(value, has, 0, new Set());

  /** An own property as a data descriptor; an error's `stack` also when it is an accessor or inherited. */
  const dataProperty = (value: object, key: PropertyKey): PropertyDescriptor | undefined => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor !== undefined && 'value' in descriptor) return descriptor;
    if (key !== 'stack' || !(value instanceof Error)) return undefined;
    return { value: value.stack, writable: true, enumerable: false, configurable: true };
  };

  /**
   * `value` without credentials: `value` itself when it holds none; else, with `inPlace`, `value`
   * cleaned (the client's own errors), or a cleaned copy with the same prototype.
   */
  const clean = (value: unknown, depth: number, inPlace: boolean): unknown => {
    if (typeof value === 'string') return text(value);
    if (typeof value !== 'object' || value === null || !holds(value)) return value;
    if (depth > MAX_DEPTH) return REDACTED;
    const inner = (item: unknown) => clean(item, depth + 1, false);
    if (Array.isArray(value)) return value.map(inner);
    if (value instanceof Map) return new Map([...value].map(([k, v]) => [inner(k), inner(v)]));
    if (value instanceof Set) return new Set([...value].map(inner));
    if (isHeaders(value)) return new Headers([...value].map(([k, v]): [string, string] => [k, text(v)]));
    let target: object = value;
    if (!inPlace) {
      // A copy of an error is a real error (stack, cause and all), with the original's prototype.
      target = value instanceof Error ? new Error() : {};
      Object.setPrototypeOf(target, Object.getPrototypeOf(value));
    }
    const keys = Reflect.ownKeys(value);
    if (value instanceof Error && !keys.includes('stack')) keys.push('stack');
    for (const key of keys) {
      const descriptor = dataProperty(value, key);
      if (descriptor === undefined) continue;
      descriptor.value = inner(descriptor.value);
      const name = typeof key === 'string' ? text(key) : key;
      if (inPlace && name !== key) delete (target as Record<PropertyKey, unknown>)[key];
      Object.defineProperty(target, name, descriptor);
    }
    return target;
  };

  return {
    text,
    cutText: (value) => {
      // Whole spellings go first; then the end, where one may have been cut: it is never longer
      // than the longest spelling, so dropping that many characters removes it, however spelt.
      const cleaned = text(value);
      return `${cleaned.slice(0, Math.max(0, cleaned.length - longest))}…`;
    },
    margin: longest,
    holds,
    error: <T>(error: T) => clean(error, 0, error instanceof TwilioError) as T,
  };
}
