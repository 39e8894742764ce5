/** Turns a vocabulary table into its JSX component. */
import { acceptsAttribute, acceptsText } from '../vocabulary/accept.js';
import type { ElementSpec } from '../vocabulary/spec.js';
import { type AttributeName, type BuildChecks, attributeNames, buildElement } from './build.js';
import type { TwiMLElement } from './element.js';
import type { PropsOf } from './prop-types.js';

/** The component of an element table: props typed (and documented) by the table. */
export type TwiMLComponent<S extends ElementSpec> = (props: PropsOf<S>) => TwiMLElement<S['tag']>;

/** What `buildElement` needs from a table: the props' XML names and predicates, the element's checks. */
function prepare(spec: ElementSpec): { names: ReadonlyMap<string, AttributeName>; checks: BuildChecks } {
  const attributes = Object.entries(spec.attributes);
  const text = spec.text;
  return {
    names: attributeNames(attributes.map(([prop, a]) => [prop, a.xml ?? prop, acceptsAttribute(a)] as const)),
    checks: {
      children: new Set(spec.children ?? []),
      text: text !== undefined,
      // Blank text: required (maybe excused), or with a meaning the validator may warn about (`<Redirect/>`).
      blankNeedsCheck: text?.required === true || text?.empty !== undefined,
      acceptsText: text === undefined ? undefined : acceptsText(text),
      acceptedTexts: new Set(),
      required: attributes.filter(([, a]) => a.required).map(([prop, a]) => a.xml ?? prop),
    },
  };
}

/**
 * Makes the component for an element table. The component builds the element directly;
 * props whose XML name differs (`interpretAs` → `interpret-as`) are renamed, and every value is
 * run through the vocabulary's fast predicate as it is read, so the validator later checks only
 * the elements that need it.
 */
export function component<S extends ElementSpec>(spec: S): TwiMLComponent<S> {
  const tag = spec.tag;
  // Made on first use: importing the library builds no per-component tables.
  let prepared: ReturnType<typeof prepare> | undefined;
  const build = (props: PropsOf<S>): TwiMLElement<S['tag']> => {
    prepared ??= prepare(spec);
    return buildElement(tag, props as Record<string, unknown>, prepared.names, prepared.checks) as TwiMLElement<
      S['tag']
    >;
  };
  Object.defineProperty(build, 'name', { value: spec.component ?? tag });
  return build;
}
