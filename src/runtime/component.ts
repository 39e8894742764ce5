/** Turns a vocabulary table into its JSX component. */
import type { ElementSpec } from '../vocabulary/spec.js';
import { type AttributeName, attributeNames, buildElement } from './build.js';
import type { TwiMLElement } from './element.js';
import type { PropsOf } from './prop-types.js';

/** The component of an element table: props typed (and documented) by the table. */
export type TwiMLComponent<S extends ElementSpec> = (props: PropsOf<S>) => TwiMLElement<S['tag']>;

/**
 * Makes the component for an element table. The component builds the element directly;
 * props whose XML name differs (`interpretAs` → `interpret-as`) are renamed.
 */
export function component<S extends ElementSpec>(spec: S): TwiMLComponent<S> {
  const tag = spec.tag;
  // Made on first use: importing the library builds no per-component tables.
  let names: ReadonlyMap<string, AttributeName> | undefined;
  const build = (props: PropsOf<S>): TwiMLElement<S['tag']> =>
    buildElement(
      tag,
      props as Record<string, unknown>,
      (names ??= attributeNames(Object.entries(spec.attributes).map(([prop, a]) => [prop, a.xml ?? prop] as const))),
    ) as TwiMLElement<S['tag']>;
  Object.defineProperty(build, 'name', { value: spec.component ?? tag });
  return build;
}
