/**
 * Component prop types, derived from the vocabulary tables.
 *
 * `AttributeProps` is a homomorphic mapped type over an element's `attributes` table, so each
 * prop keeps the JSDoc written above its row in the table: editors show it on hover.
 */
import type { AttributeSpec, ElementSpec } from '../vocabulary/spec.js';
import type { TwiMLElement, TwiMLNode } from './element.js';

/** What JSX may hold where only text is allowed: strings, numbers, and nothing. */
export type TextChild = string | number | bigint | boolean | null | undefined | readonly TextChild[];

/** What JSX may hold where only elements are allowed (no bare text). */
export type ElementChild = TwiMLElement | boolean | null | undefined | readonly ElementChild[];

type ValueOf<S> = S extends AttributeSpec<infer V> ? V : never;

/** One optional prop per attribute of the table, typed by its spec, documented by its JSDoc. */
export type AttributeProps<Attributes> = {
  [Name in keyof Attributes]?: ValueOf<Attributes[Name]> | null | undefined;
};

type HasChildren<C> = C extends readonly [] ? false : C extends readonly string[] ? true : false;

/**
 * Whether the table has no text rule. Asked first and without distributing (`[Text]`): with
 * `strictNullChecks` off (`strict: false`, as in Next's generated tsconfig), `undefined` is
 * assignable to every type, so `undefined extends TextSpec` would hold and every element without
 * text (`<Pause>`, `<Parameter>`) would require text children.
 */
type NoText<Text> = [Text] extends [undefined] ? true : false;

/** The `children` prop an element accepts, from its text rule and its allowed children. */
export type ChildrenProps<Text, Children> =
  HasChildren<Children> extends true
    ? NoText<Text> extends true
      ? { children?: ElementChild }
      : { children?: TwiMLNode }
    : NoText<Text> extends true
      ? { children?: never }
      : Text extends { required: true; unlessAttribute?: undefined }
        ? { children: TextChild }
        : { children?: TextChild };

/** The props of the component for an element spec. */
export type PropsOf<S> =
  S extends ElementSpec<string, infer Attributes, infer Text, infer Children>
    ? AttributeProps<Attributes> & ChildrenProps<Text, Children>
    : never;
