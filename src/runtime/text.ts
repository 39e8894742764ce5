/** The text of elements, as the rules see it. */
import { COMMENT, type TwiMLElement } from './element.js';

/** The text an element holds directly (its string children joined). */
export function ownText(element: TwiMLElement): string {
  const children = element.children;
  if (children.length === 1 && typeof children[0] === 'string') return children[0];
  let text = '';
  for (const child of children) if (typeof child === 'string') text += child;
  return text;
}

/** The text of an element and all its descendants, comments left out (what `<Say>` speaks). */
export function deepText(element: TwiMLElement): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') text += child;
    else if (child.type !== COMMENT) text += deepText(child);
  }
  return text;
}
