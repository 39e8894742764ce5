/**
 * The building blocks of the vocabulary tables.
 *
 * Every TwiML element is described once, in `src/vocabulary/*.ts`. Each attribute is built with
 * one of the helpers below. The helper returns the runtime rule (what the validator checks) and
 * carries, as a phantom type, the TypeScript type of the prop that users write in JSX.
 *
 * What people read lives in the JSDoc of the same table, not in the runtime data (so it costs
 * nothing in the bundle): above each attribute, what it does and its `@default`; above each
 * element, `@see` the Twilio doc page its rules come from. Component props are a homomorphic
 * mapped type over the table (see `props.ts`), so editors show that JSDoc on hover, and
 * `scripts/docs.ts` reads it to write docs/vocabulary.md.
 */
import { HTTP_METHODS, type HttpMethod } from './methods.js';
import type { SidKind } from './sids.js';

/** How an attribute value is checked, and how its prop is typed. */
export type AttributeKind = 'string' | 'url' | 'integer' | 'number' | 'boolean' | 'enum' | 'list';

/** Extra checks on string values, shared by attributes and text content. */
export type StringFormat =
  | 'voice'
  | 'phone'
  | 'sip'
  | 'dtmf'
  | 'gather-key'
  | 'record-keys'
  | 'json'
  /**
   * Shaped like a language tag (BCP 47: `en-US`, `cmn-Hans-CN`, `es-419`, `fr`), compared without
   * regard to case. On a list of known languages it is checked first: a value of another shape is
   * an error, a well-shaped one outside the list a warning.
   */
  | 'language'
  /** A SID of that kind (`sid:call` is `CA` followed by 32 hex digits). */
  | `sid:${SidKind}`;

export interface AttributeSpec<Value = unknown> {
  readonly kind: AttributeKind;
  /** Allowed values of an enum or of the items of a list. */
  readonly values?: readonly string[];
  /**
   * An open enum accepts values outside `values` with a warning instead of an error,
   * because Twilio keeps adding to the list. A RegExp additionally accepts values
   * of that shape without any warning.
   */
  readonly open?: boolean | RegExp;
  /** Values of this shape are accepted too (`+10%`, `2s`); `expected` says it in words. */
  readonly pattern?: RegExp;
  /** What a valid value looks like, for messages (`+10% or -5%`). */
  readonly expected?: string;
  readonly min?: number;
  readonly max?: number;
  /** Item type of a list: enum values (default) or integers. */
  readonly items?: 'integer';
  /** Allowed URL schemes for absolute URLs; relative URLs are allowed unless `absolute`. */
  readonly schemes?: readonly string[];
  readonly absolute?: boolean;
  /** What an empty URL means where Twilio's docs give it a meaning; otherwise `''` is not a URL. */
  readonly empty?: EmptyUrl;
  readonly format?: StringFormat;
  readonly maxLength?: number;
  /** The XML attribute name, when the prop name differs (`interpretAs` → `interpret-as`). */
  readonly xml?: string;
  readonly required?: boolean;
  /**
   * How the official helper's types spell this attribute when Twilio's docs spell it otherwise
   * (`speechtimeout` for `speechTimeout`). The helper's spelling is accepted with a warning that
   * names the documented one; the prop (and the table key) is the documented spelling.
   */
  readonly helperName?: string;
  /**
   * Values (or list items) the official helper's types offer that Twilio's docs do not list
   * (`<Conference region="us2">`): accepted with a warning that names the documented values.
   */
  readonly helperValues?: readonly string[];
  /** Phantom: the TypeScript type of the prop. Never set at run time. */
  readonly __value?: Value;
}

/**
 * What an empty URL (`action=""`, `<Redirect/>`) means, where Twilio's docs give it a meaning:
 * - `default`: the same as leaving the attribute out, whose default is the current document
 *   (`<Gather action="">`, `<Pay action="">` as in Twilio's Pay tutorials);
 * - `silence`: wait without music (`<Conference waitUrl="">`);
 * - `current-document`: a relative URL to the current document, so Twilio requests this same
 *   document again (`<Dial action="">`, `<Redirect/>`): valid, but warned, since leaving the
 *   attribute out would go on with the next verb instead.
 */
export type EmptyUrl = 'default' | 'silence' | 'current-document';

type Options = Omit<AttributeSpec, 'kind' | '__value'>;

/** Free text. */
export const string = <V extends string = string>(options?: Options): AttributeSpec<V> => ({
  kind: 'string',
  ...options,
});

/** A URL: absolute `http(s)` or relative to the current document unless told otherwise. */
export const url = (options?: Options): AttributeSpec<string> => ({ kind: 'url', ...options });

/** A whole number, optionally within `[min, max]`. */
export const integer = (min?: number, max?: number, options?: Options): AttributeSpec<number> => ({
  kind: 'integer',
  min,
  max,
  ...options,
});

/** A decimal number, optionally within `[min, max]`. */
export const number = (min?: number, max?: number, options?: Options): AttributeSpec<number> => ({
  kind: 'number',
  min,
  max,
  ...options,
});

/** `true` or `false`. */
export const boolean = (options?: Options): AttributeSpec<boolean> => ({
  kind: 'boolean',
  ...options,
});

/** An enum value; enums that list `'true'` also take a boolean in JSX. */
export type EnumValue<V extends string> = V | ('true' extends V ? boolean : never);

/** One value of a closed list. */
export const oneOf = <const V extends readonly string[]>(
  values: V,
  options?: Options,
): AttributeSpec<EnumValue<V[number]>> => ({ kind: 'enum', values, ...options });

/**
 * A value of a list Twilio keeps extending: one of the `Known` values, or any other string of the
 * shape `Other`.
 *
 * Editors offer the known values as completions. A plain union would lose them: TypeScript
 * reduces `'en-US' | string` to `string`, and `'Polly.Joanna' | \`Polly.${string}\`` to the
 * template. Intersecting the open part with `Record<never, never>` accepts exactly the same strings
 * but is not merged with the literals. (`string & {}` works only where it is written out: an
 * alias that instantiates `Other & {}` with `string` reduces it to `string` again.)
 *
 * @example
 * type Voice = OpenUnion<'man' | 'Polly.Joanna', `Polly.${string}`>;
 * const a: Voice = 'Polly.Joanna'; // offered as a completion
 * const b: Voice = 'Polly.NextYearsVoice'; // compiles
 * const c: Voice = 'Amazon.Joanna'; // compile error
 */
export type OpenUnion<Known extends string, Other extends string = string> = Known | (Other & Record<never, never>);

/**
 * One value of a list Twilio keeps extending: the known values autocomplete, any other string
 * still compiles (and the validator warns about it, `unknown-value`).
 */
export const openOneOf = <const V extends readonly string[]>(
  values: V,
  options?: Options,
): AttributeSpec<OpenUnion<V[number]>> => ({ kind: 'enum', values, open: true, ...options });

/** A space-separated list of values; written as an array (or a single value) in JSX. */
export const listOf = <const V extends readonly string[]>(
  values: V,
  options?: Options,
): AttributeSpec<V[number] | readonly V[number][]> => ({ kind: 'list', values, ...options });

/** A space-separated list of whole numbers. */
export const integerList = (
  min?: number,
  max?: number,
  options?: Options,
): AttributeSpec<number | readonly number[]> => ({ kind: 'list', items: 'integer', min, max, ...options });

/** `GET` or `POST`. */
export const method = (options?: Options): AttributeSpec<HttpMethod> => oneOf(HTTP_METHODS, { ...options });

/**
 * Gives a spec a different prop type, for values that also take numbers or a pattern
 * (`speechTimeout`: a number of seconds or `'auto'`).
 */
export const typed = <T>(spec: AttributeSpec): AttributeSpec<T> => spec as AttributeSpec<T>;

/** What an element holds as text, when it may hold text at all. */
export interface TextSpec {
  /** What the text is, for the validator and the docs. */
  readonly is: 'url' | 'phone' | 'sip' | 'sid' | 'name' | 'identity' | 'json' | 'words' | 'number-or-client';
  /** Required unless one of `unless` holds. */
  readonly required?: boolean;
  /** The text may sit in descendants too (SSML inside `<Say>`). */
  readonly deep?: boolean;
  /** The text may be left out when the element has one of these children or attributes. */
  readonly unlessChild?: readonly string[] | 'any';
  readonly unlessAttribute?: readonly string[];
  readonly format?: StringFormat;
  readonly maxLength?: number;
  /** Accepted URL schemes when `is` is `url`. */
  readonly schemes?: readonly string[];
  /** What empty text means when `is` is `url` and the text is optional (`<Redirect/>`). */
  readonly empty?: EmptyUrl;
}

export type Family = 'voice' | 'messaging' | 'fax';

export interface ElementSpec<
  Tag extends string = string,
  Attributes extends Record<string, AttributeSpec> = Record<string, AttributeSpec>,
  Text extends TextSpec | undefined = TextSpec | undefined,
  Children extends readonly string[] = readonly string[],
> {
  /** The XML element name. */
  readonly tag: Tag;
  /** The exported component name, when it differs from the tag (`SayAs` for `say-as`). */
  readonly component?: string;
  /** The kind of document a top-level verb belongs to; nouns inherit their verb's. */
  readonly family?: Family | readonly Family[];
  readonly attributes: Attributes;
  readonly text?: Text;
  /** Allowed child elements, by tag, as Twilio's docs place them. */
  readonly children?: Children;
  /** At most this many children of a tag. */
  readonly childLimits?: Readonly<Record<string, number>>;
  /** The official helper can build this element but Twilio's docs never describe it. */
  readonly undocumented?: boolean;
  /** Twilio marks the element deprecated; using it is a warning. */
  readonly deprecated?: string;
}

/** Declares one element. The identity function keeps the literal types of the table. */
export const element = <
  const Tag extends string,
  Attributes extends Record<string, AttributeSpec>,
  const Text extends TextSpec | undefined = undefined,
  const Children extends readonly string[] = readonly [],
>(
  spec: ElementSpec<Tag, Attributes, Text, Children>,
): ElementSpec<Tag, Attributes, Text, Children> => spec;
