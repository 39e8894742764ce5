/**
 * Parameter tables: each resource lists its parameters once, in the order the official helper
 * sends them, with the kind of value each takes. `formPairs()` checks a parameter object
 * against its table and turns it into form pairs (PascalCase keys, arrays as repeated keys,
 * booleans as `true`/`false`, dates as UTC `YYYY-MM-DDTHH:mm:ssZ`).
 */
import { checkUrl, describeValue, didYouMean, HTTP_METHODS, type SidKind } from '../core.js';
import { TwilioParameterError } from './errors.js';
import { type FormPair, checkWellFormed } from './form.js';
import { checkSid } from './sids.js';
import { inlineTwiml } from './twiml.js';
import type { HttpMethod, InlineTwiML } from './types.js';

/** What a parameter takes. */
export type FieldKind =
  | 'string'
  /** An absolute http(s) URL. */
  | 'url'
  | 'integer'
  | 'number'
  /** `true`/`false`, or the strings `'true'`/`'false'`. */
  | 'boolean'
  /** One of `HTTP_METHODS`: `GET` or `POST`. */
  | 'method'
  /** A `Date` or an ISO-8601 string. */
  | 'datetime'
  /** A JSX element or a TwiML string (see `inlineTwiml`). */
  | 'twiml'
  /** An array of strings, sent as repeated keys. */
  | 'string-list'
  /** An array of absolute http(s) URLs, sent as repeated keys. */
  | 'url-list'
  /** A SID of the given kind. */
  | { readonly sid: SidKind }
  /** One of a closed list of strings; with `list`, an array of them sent as repeated keys. */
  | { readonly oneOf: readonly string[]; readonly list?: boolean };

/** Option name → kind, in the order the parameters are sent. */
export type FieldTable = Readonly<Record<string, FieldKind>>;

/** `true` when `A` and `B` are the same type (each assignable to the other; unions are not split). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/**
 * Every order of the members of the union `U`, as readonly tuples: `'a' | 'b'` gives
 * `readonly ['a', 'b'] | readonly ['b', 'a']`. A `oneOf` list must be one of them, so it holds
 * each value of the field's type exactly once, and nothing else.
 */
export type EveryValueOnce<U, All = U> = [U] extends [never]
  ? readonly []
  : U extends unknown
    ? readonly [U, ...EveryValueOnce<Exclude<All, U>>]
    : never;

/**
 * The kinds a parameter of TypeScript type `T` may have in its table (`undefined` removed):
 *
 * | type                                   | kinds                                     |
 * | -------------------------------------- | ----------------------------------------- |
 * | `InlineTwiML`                          | `'twiml'`                                 |
 * | `Date \| string`                       | `'datetime'`                              |
 * | `HttpMethod`                           | `'method'`                                |
 * | `boolean` (also with `'true' \| 'false'`) | `'boolean'`                            |
 * | `number`                               | `'integer'`, `'number'`                   |
 * | `readonly string[]`                    | `'string-list'`, `'url-list'`             |
 * | `readonly ('a' \| 'b')[]`              | `{ oneOf: ['a', 'b'], list: true }`       |
 * | `string` (or an open union)            | `'string'`, `'url'`, `{ sid }`            |
 * | `'a' \| 'b'`                           | `{ oneOf: ['a', 'b'] }` (in any order)    |
 *
 * Any other type has no kind (`never`), so its table entry cannot compile.
 */
export type KindOf<T> =
  Same<T, InlineTwiML> extends true
    ? 'twiml'
    : Same<T, Date | string> extends true
      ? 'datetime'
      : Same<T, HttpMethod> extends true
        ? 'method'
        : [T] extends [boolean | 'true' | 'false']
          ? [boolean] extends [T]
            ? 'boolean'
            : ClosedKind<T, false>
          : Same<T, number> extends true
            ? 'integer' | 'number'
            : [T] extends [readonly (infer Item)[]]
              ? Same<Item, string> extends true
                ? 'string-list' | 'url-list'
                : ClosedKind<Item, true>
              : [T] extends [string]
                ? [string] extends [T]
                  ? 'string' | 'url' | { readonly sid: SidKind }
                  : ClosedKind<T, false>
                : never;

/** `{ oneOf }` for a closed union of strings (a list of them with `list: true`); else `never`. */
type ClosedKind<T, List extends boolean> = [T] extends [string]
  ? [string] extends [T]
    ? never
    : List extends true
      ? { readonly oneOf: EveryValueOnce<T>; readonly list: true }
      : { readonly oneOf: EveryValueOnce<T>; readonly list?: false }
  : never;

/**
 * The table of a parameter type: exactly one entry per field of `Fields` (none missing, none
 * extra), each of a kind that matches the field's TypeScript type (see {@link KindOf}). Tables
 * are declared `satisfies TableOf<…Fields>`, so the types (with the docs shown on hover) and
 * the tables (what is checked and sent) cannot drift apart.
 *
 * @example
 * const UPDATE = { status: { oneOf: ['canceled', 'completed'] }, timeLimit: 'integer' } satisfies
 *   TableOf<{ status?: 'canceled' | 'completed'; timeLimit?: number }>;
 */
export type TableOf<Fields> = { readonly [Field in keyof Fields]-?: KindOf<Exclude<Fields[Field], undefined>> };

/** `statusCallbackEvent` → `StatusCallbackEvent`: Twilio's form key of an option. */
export function formKey(option: string): string {
  return option.charAt(0).toUpperCase() + option.slice(1);
}

/** Whether a parameter counts as given: not `undefined`, `null`, `''` or `[]`. */
export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
}

/** Which of `options` are given in `params` (see `isGiven`), in the order listed. */
export function givenOf(params: object, options: readonly string[]): string[] {
  return options.filter((option) => isGiven((params as Record<string, unknown>)[option]));
}

/** `a`, `a or b`, `a, b or c`. */
export function either(options: readonly string[]): string {
  return options.length <= 1
    ? options.join('')
    : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}

/** The form values of one parameter, or an error message saying what it should be. */
function encodeValue(kind: FieldKind, value: unknown, where: string, option: string): string[] | string {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? [value] : 'a string';
    case 'url': {
      if (typeof value !== 'string') return 'an absolute http(s) URL string';
      const problem = checkUrl(value, { absolute: true });
      return problem === undefined ? [value] : problem;
    }
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? [String(value)] : 'a whole number';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [String(value)] : 'a finite number';
    case 'boolean':
      if (typeof value === 'boolean') return [value ? 'true' : 'false'];
      return value === 'true' || value === 'false' ? [value] : 'true or false';
    case 'method':
      return HTTP_METHODS.includes(value as HttpMethod)
        ? [value as HttpMethod]
        : either(HTTP_METHODS.map((m) => JSON.stringify(m)));
    case 'datetime':
      if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? 'a valid Date' : [value.toISOString().replace(/\.\d{3}Z$/, 'Z')];
      }
      return typeof value === 'string' && value !== '' ? [value] : 'a Date or an ISO-8601 string';
    case 'twiml':
      return [inlineTwiml(value, where)];
    case 'string-list':
    case 'url-list':
      return encodeList(kind === 'url-list' ? 'url' : 'string', value, where, option);
    default:
      if ('sid' in kind) return [checkSid(kind.sid, value, where, option)];
      if (kind.list) return encodeList({ oneOf: kind.oneOf }, value, where, option);
      return typeof value === 'string' && kind.oneOf.includes(value)
        ? [value]
        : `one of ${kind.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
  }
}

/** The values of an array parameter, each checked as `item`. */
function encodeList(item: FieldKind, value: unknown, where: string, option: string): string[] | string {
  if (!Array.isArray(value)) return `an array, e.g. [${item === 'url' ? "'https://…'" : "'…'"}]`;
  return value.flatMap((entry: unknown, index) => {
    const encoded = encodeValue(item, entry, where, `${option}[${index}]`);
    if (typeof encoded === 'string') throw invalid(where, `${option}[${index}]`, encoded, entry);
    return encoded;
  });
}

function invalid(where: string, option: string, expected: string, value: unknown): TwilioParameterError {
  return new TwilioParameterError(option, `${where}: ${option} must be ${expected}, got ${describeValue(value)}`);
}

/**
 * `params` as a record, after checking it is a plain object.
 *
 * @throws TwilioParameterError for `undefined`, `null`, arrays and other non-objects.
 */
export function paramsObject(where: string, params: unknown): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TwilioParameterError(
      'params',
      `${where}: expected an object of parameters, got ${describeValue(params)}`,
    );
  }
  return params as Record<string, unknown>;
}

/**
 * Checks `params` against `table` and returns the form pairs, in table order. Parameters that
 * are `undefined` or `null` are left out; an array gives one pair per item.
 *
 * @param where the operation (`calls.create`), for messages.
 * @throws TwilioParameterError for a parameter the table does not have (with a "did you mean"),
 * or a value of the wrong kind.
 * @example
 * formPairs('calls.update', { status: { oneOf: ['completed'] } }, { status: 'completed' });
 * // [['Status', 'completed']]
 */
export function formPairs(where: string, table: FieldTable, params: unknown): FormPair[] {
  const given = paramsObject(where, params);
  for (const option of Object.keys(given)) {
    if (!Object.hasOwn(table, option) && given[option] !== undefined) {
      throw new TwilioParameterError(
        option,
        `${where}: unknown parameter ${JSON.stringify(option)}${didYouMean(option, Object.keys(table))}`,
      );
    }
  }
  const pairs: FormPair[] = [];
  for (const [option, kind] of Object.entries(table)) {
    const value = given[option];
    if (value === undefined || value === null) continue;
    const encoded = encodeValue(kind, value, where, option);
    if (typeof encoded === 'string') throw invalid(where, option, encoded, value);
    const key = formKey(option);
    for (const item of encoded) {
      checkWellFormed(item, where, option);
      pairs.push([key, item]);
    }
  }
  return pairs;
}
