/** The constants the element tree is made of (no imports: everything may import this). */

/** Brand of every element; `Symbol.for` so that copies of the library agree. */
export const ELEMENT: unique symbol = Symbol.for('twiml-jsx.element');

/** `type` of the element a fragment (`<>…</>`) or a component returning non-elements builds. */
export const FRAGMENT = '#fragment';

/** `type` of an XML comment (`<Comment>`); its only child is the comment text. */
export const COMMENT = '#comment';

/** Where `parse()` found an element in its source: a non-enumerable property of parsed elements. */
export const POSITION: unique symbol = Symbol.for('twiml-jsx.position');
