/**
 * What each attribute and text accepts for certain, as fast predicates compiled once from the
 * tables: a set lookup, a digit scan or one regular expression. The runtime runs them where JSX
 * props are read (an element whose values all pass needs no attribute or text check later); the
 * validator runs them first and works out a message only for a value that does not pass
 * (`validate/values.ts`). A value that passes here is valid; one that does not may still be
 * (an empty URL that means "not set", a voice of a provider Twilio does not list…): the
 * validator decides.
 */
import { type SidKind, sidPattern } from './sids.js';
import type { AttributeSpec, StringFormat, TextSpec } from './spec.js';

/**
 * A language tag as BCP 47 shapes it, in any case: a 2–3 letter language, then optionally a
 * 4-letter script, a region (2 letters or 3 digits) and variants (`en-US`, `cmn-Hans-CN`,
 * `es-419`, `en-GB-WLS`, `fr`). Twilio's pages write `en-us` too.
 * @see https://www.rfc-editor.org/rfc/rfc5646
 */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-[a-z0-9]{2,8})*$/i;

/**
 * Voices of the providers Twilio lists; `Provider.Name` with another provider is only a warning.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const VOICE_PROVIDERS = /^(?:man|woman|alice|(?:Polly|Google|ElevenLabs)\.\S+)$/;

/** What each string format accepts at all (a voice of any provider, any language-shaped tag…). */
export const FORMAT_TESTS: Readonly<Record<Exclude<StringFormat, `sid:${string}`>, (value: string) => boolean>> = {
  voice: (v) => /^(?:man|woman|alice|[A-Za-z][A-Za-z0-9]*\.\S+)$/.test(v),
  phone: (v) => /^\+?[\d\s().-]+$/.test(v) && /\d.*\d/.test(v),
  // Twilio's own <Sip> examples also write user@host without the scheme.
  sip: (v) => /^sips?:\S+$/i.test(v) || /^[^\s@:]+@\S+$/.test(v),
  dtmf: (v) => /^[0-9A-D#*wW]+$/.test(v),
  'gather-key': (v) => /^[0-9#*]?$/.test(v),
  'record-keys': (v) => /^[0-9#*]*$/.test(v),
  language: (v) => LANGUAGE_TAG.test(v),
  json: (v) => {
    try {
      const parsed: unknown = JSON.parse(v);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
    } catch {
      return false;
    }
  },
};

/**
 * True when `value` is certainly valid for `format`. A voice passes only with a provider Twilio
 * lists; anything else gets the validator's full check (and maybe a warning).
 */
export function formatAccepts(format: StringFormat): (value: string) => boolean {
  if (format === 'voice') return (value) => VOICE_PROVIDERS.test(value);
  if (format.startsWith('sid:')) {
    const sid = sidPattern(format.slice(4) as SidKind);
    return (value) => sid.test(value);
  }
  return FORMAT_TESTS[format as keyof typeof FORMAT_TESTS] ?? (() => true);
}

/** A decimal number as TwiML writes one: `-3`, `0.5`. */
export const DECIMAL = /^-?\d+(?:\.\d+)?$/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for `0`…`9` only, at least one and at most 15 (beyond that a number loses digits). */
function isDigits(value: string): boolean {
  const length = value.length;
  if (length === 0 || length > 15) return false;
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** The common, certainly valid URLs: relative ones without a colon, plain absolute ones. */
function fastUrl(schemes: readonly string[] | undefined, absolute: boolean | undefined): (value: string) => boolean {
  const absoluteUrl = new RegExp(
    `^(?:${(schemes ?? ['http', 'https']).join('|')}):\\/\\/[A-Za-z0-9.-]+(?::\\d+)?(?:[/?#][^\\s\\0-\\x1F\\x7F]*)?$`,
  );
  const relative = /^[^\s\0-\x1F\x7F:]+$/;
  return absolute ? (value) => absoluteUrl.test(value) : (value) => relative.test(value) || absoluteUrl.test(value);
}

type Predicate = (value: string) => boolean;

/** `compile` made once per spec object: the components and the validator share one predicate. */
function once<Spec extends object>(
  compile: (spec: Spec) => Predicate | undefined,
): (spec: Spec) => Predicate | undefined {
  const made = new WeakMap<Spec, Predicate | undefined>();
  return (spec) => {
    if (made.has(spec)) return made.get(spec);
    const predicate = compile(spec);
    made.set(spec, predicate);
    return predicate;
  };
}

/**
 * The fast predicate of an attribute: true when the value (as written in XML) is certainly valid.
 * `undefined` when every string is. Made once per attribute spec.
 *
 * @example
 * acceptsAttribute(integer(1, 10))!('5') // true
 * acceptsAttribute(integer(1, 10))!('50') // false: the validator says why
 */
export const acceptsAttribute: (spec: AttributeSpec) => Predicate | undefined = once(attributePredicate);

function attributePredicate(spec: AttributeSpec): Predicate | undefined {
  switch (spec.kind) {
    case 'boolean':
      return (value) => value === 'true' || value === 'false';
    case 'integer': {
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      return (value) => {
        if (!isDigits(value)) return false;
        const n = +value;
        return n >= min && n <= max;
      };
    }
    case 'number': {
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      return (value) => DECIMAL.test(value) && +value >= min && +value <= max;
    }
    case 'enum': {
      const values = new Set(spec.values);
      return (value) => values.has(value);
    }
    case 'list': {
      // One pattern for the whole list: splitting would make new strings to hash for each item.
      const item = spec.items === 'integer' ? '\\d+' : `(?:${(spec.values ?? []).map(escapeRegExp).join('|')})`;
      const list = new RegExp(`^${item}(?: ${item})*$`);
      const { min, max } = spec;
      if (spec.items !== 'integer' || (min === undefined && max === undefined)) return (value) => list.test(value);
      return (value) =>
        list.test(value) &&
        value.split(' ').every((n) => (min === undefined || +n >= min) && (max === undefined || +n <= max));
    }
    case 'url':
      return fastUrl(spec.schemes, spec.absolute);
    case 'string': {
      if (spec.format === undefined && spec.maxLength === undefined && spec.pattern === undefined) return undefined;
      const format = spec.format === undefined ? undefined : formatAccepts(spec.format);
      const { maxLength, pattern } = spec;
      return (value) =>
        (format === undefined || format(value)) &&
        (maxLength === undefined || value.length <= maxLength) &&
        (pattern === undefined || pattern.test(value));
    }
    default:
      return () => false;
  }
}

/**
 * The fast predicate of an element's non-blank text: true when it is certainly valid.
 * `undefined` when any text is. Made once per text spec.
 */
export const acceptsText: (spec: TextSpec) => Predicate | undefined = once(textPredicate);

function textPredicate(spec: TextSpec): Predicate | undefined {
  const { maxLength } = spec;
  if (spec.is === 'url') {
    const fast = fastUrl(spec.schemes, false);
    return (text) => fast(text) && (maxLength === undefined || text.length <= maxLength);
  }
  if (spec.format === undefined && maxLength === undefined) return undefined;
  const format = spec.format === undefined ? undefined : formatAccepts(spec.format);
  return (text) => {
    const trimmed = text.trim();
    return (format === undefined || format(trimmed)) && (maxLength === undefined || trimmed.length <= maxLength);
  };
}
