/** Turns a vocabulary table into its JSX component. */
import type { PropsOf } from '../vocabulary/props.js';
import type { ElementSpec } from '../vocabulary/spec.js';
import { type TwiMLElement, buildElement } from './element.js';

/** The component of an element table: props typed (and documented) by the table. */
export type TwiMLComponent<S extends ElementSpec> = (props: PropsOf<S>) => TwiMLElement<S['tag']>;

/**
 * Makes the component for an element table. The component builds the element directly;
 * props whose XML name differs (`interpretAs` → `interpret-as`) are renamed.
 */
export function component<S extends ElementSpec>(spec: S): TwiMLComponent<S> {
  const tag = spec.tag;
  // Prop name → XML name, for every attribute of the table (buildElement ignores inherited keys).
  const names: Record<string, string> = {};
  for (const name in spec.attributes) names[name] = spec.attributes[name].xml ?? name;
  const build = (props: PropsOf<S>): TwiMLElement<S['tag']> =>
    buildElement(tag, props as Record<string, unknown>, names) as TwiMLElement<S['tag']>;
  Object.defineProperty(build, 'name', { value: spec.component ?? tag });
  return build;
}
