/**
 * The vocabulary tables turned into checkers, once per element: each attribute gets a function
 * whose common case (a valid value) is the vocabulary's fast predicate (`vocabulary/accept.ts`:
 * a set lookup or a short scan). Only a value that fails it goes through `values.ts`, which works
 * out the message.
 */
import { acceptsAttribute, acceptsText } from '../vocabulary/accept.js';
import { specOf } from '../vocabulary/index.js';
import type { AttributeSpec, ElementSpec, TextSpec } from '../vocabulary/spec.js';
import { RULES, type Rule } from './rules.js';
import { type ValueProblem, checkAttributeValue, checkTextValue } from './values.js';

/** Checks one value; `undefined` means it is fine. */
export type Check = (value: string, tag: string, name: string) => ValueProblem | undefined;

/** For attributes any string satisfies. */
export const ANY: Check = () => undefined;

function compileAttribute(spec: AttributeSpec): Check {
  const accepts = acceptsAttribute(spec);
  if (accepts === undefined) return ANY;
  return (value, tag, name) => (accepts(value) ? undefined : checkAttributeValue(spec, value, tag, name));
}

/** Checks an element's (non-blank) text; `undefined` means it is fine. */
export type TextCheck = (text: string, tag: string) => ValueProblem | undefined;

function compileText(spec: TextSpec): TextCheck {
  const accepts = acceptsText(spec);
  if (accepts === undefined) return () => undefined;
  return (text, tag) => (accepts(text) ? undefined : checkTextValue(spec, text, tag));
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
      // Own entries only: a name inherited from a polluted Object.prototype is no attribute.
      for (const [prop, attribute] of Object.entries(spec.attributes)) {
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
