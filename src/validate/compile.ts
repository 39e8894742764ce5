/**
 * The vocabulary tables turned into checkers, once per element: each attribute gets a function
 * whose common case (a valid value) is a set lookup or a short scan. Only a value that fails the
 * fast check goes through `values.ts`, which works out the message.
 */
import { specOf } from '../vocabulary/index.js';
import type { AttributeSpec, ElementSpec, TextSpec } from '../vocabulary/spec.js';
import { RULES, type Rule } from './rules.js';
import { type ValueProblem, checkAttributeValue, checkTextValue, formatAccepts } from './values.js';

/** Checks one value; `undefined` means it is fine. */
export type Check = (value: string, tag: string, name: string) => ValueProblem | undefined;

/** For attributes any string satisfies. */
export const ANY: Check = () => undefined;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True for `0`…`9` only, at least one. */
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

function compileAttribute(spec: AttributeSpec): Check {
  const slow: Check = (value, tag, name) => checkAttributeValue(spec, value, tag, name);
  switch (spec.kind) {
    case 'boolean':
      return (value, tag, name) => (value === 'true' || value === 'false' ? undefined : slow(value, tag, name));
    case 'integer': {
      const min = spec.min ?? -Infinity;
      const max = spec.max ?? Infinity;
      return (value, tag, name) => {
        if (isDigits(value)) {
          const n = +value;
          if (n >= min && n <= max) return undefined;
        }
        return slow(value, tag, name);
      };
    }
    case 'enum': {
      const values = new Set(spec.values);
      return (value, tag, name) => (values.has(value) ? undefined : slow(value, tag, name));
    }
    case 'list': {
      // One pattern for the whole list: splitting would make new strings to hash for each item.
      const item = spec.items === 'integer' ? '\\d+' : `(?:${(spec.values ?? []).map(escapeRegExp).join('|')})`;
      const list = new RegExp(`^${item}(?: ${item})*$`);
      const { min, max } = spec;
      const inRange =
        spec.items === 'integer'
          ? (value: string) =>
              value.split(' ').every((n) => (min === undefined || +n >= min) && (max === undefined || +n <= max))
          : () => true;
      return (value, tag, name) => (list.test(value) && inRange(value) ? undefined : slow(value, tag, name));
    }
    case 'url': {
      const fast = fastUrl(spec.schemes, spec.absolute);
      return (value, tag, name) => (fast(value) ? undefined : slow(value, tag, name));
    }
    case 'string': {
      if (spec.format === undefined && spec.maxLength === undefined && spec.pattern === undefined) return ANY;
      const accepts = spec.format === undefined ? () => true : formatAccepts(spec.format);
      const { maxLength, pattern } = spec;
      return (value, tag, name) =>
        accepts(value) &&
        (maxLength === undefined || value.length <= maxLength) &&
        (pattern === undefined || pattern.test(value))
          ? undefined
          : slow(value, tag, name);
    }
    default:
      return slow;
  }
}

/** Checks an element's (non-blank) text; `undefined` means it is fine. */
export type TextCheck = (text: string, tag: string) => ValueProblem | undefined;

function compileText(spec: TextSpec): TextCheck {
  const slow: TextCheck = (text, tag) => checkTextValue(spec, text, tag);
  if (spec.is === 'url') {
    const fast = fastUrl(spec.schemes, false);
    return (text, tag) =>
      fast(text) && (spec.maxLength === undefined || text.length <= spec.maxLength) ? undefined : slow(text, tag);
  }
  if (spec.format === undefined && spec.maxLength === undefined) return () => undefined;
  const accepts = spec.format === undefined ? () => true : formatAccepts(spec.format);
  const { maxLength } = spec;
  return (text, tag) => {
    const trimmed = text.trim();
    return accepts(trimmed) && (maxLength === undefined || trimmed.length <= maxLength) ? undefined : slow(text, tag);
  };
}

/** An element table prepared for checking. */
export interface Compiled {
  readonly spec: ElementSpec;
  readonly tag: string;
  /** XML attribute name → its check. */
  readonly attributes: ReadonlyMap<string, Check>;
  /** The official helper's spelling of an attribute → the documented XML name (`speechtimeout` → `speechTimeout`). */
  readonly helperNames: ReadonlyMap<string, string> | undefined;
  readonly required: readonly string[];
  readonly children: ReadonlySet<string>;
  readonly text: TextCheck | undefined;
  readonly rules: readonly Rule[] | undefined;
  /** Deprecated, undocumented or limited children: needs the slower checks. */
  readonly special: boolean;
}

const cache = new Map<string, Compiled | null>();

/** The checkers of a tag, or `undefined` for tags TwiML does not have. */
export function compiled(tag: string): Compiled | undefined {
  let entry = cache.get(tag);
  if (entry === undefined) {
    const spec = specOf(tag);
    if (spec === undefined) {
      entry = null;
    } else {
      const attributes = new Map<string, Check>();
      const required: string[] = [];
      let helperNames: Map<string, string> | undefined;
      for (const prop in spec.attributes) {
        const attribute = spec.attributes[prop];
        const name = attribute.xml ?? prop;
        attributes.set(name, compileAttribute(attribute));
        if (attribute.required) required.push(name);
        if (attribute.helperName !== undefined) (helperNames ??= new Map()).set(attribute.helperName, name);
      }
      entry = {
        spec,
        tag,
        attributes,
        helperNames,
        required,
        children: new Set(spec.children ?? []),
        text: spec.text ? compileText(spec.text) : undefined,
        rules: RULES[tag],
        special: spec.deprecated !== undefined || spec.undocumented === true || spec.childLimits !== undefined,
      };
    }
    cache.set(tag, entry);
  }
  return entry ?? undefined;
}
