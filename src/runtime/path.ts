/** Element paths in problems: `Response > Gather[2] > Say`. */
import type { TwiMLChild } from './element.js';

/**
 * The path segment of `siblings[index]`: its tag, with `[n]` (1-based, counting siblings of
 * the same tag) when its parent holds more than one element of that tag.
 */
export function segmentOf(siblings: readonly TwiMLChild[], index: number): string {
  const child = siblings[index];
  if (typeof child === 'string') return '#text';
  let position = 0;
  let total = 0;
  for (let i = 0; i < siblings.length; i++) {
    const sibling = siblings[i];
    if (typeof sibling !== 'string' && sibling.type === child.type) {
      total++;
      if (i <= index) position++;
    }
  }
  const name = child.type === '#comment' ? 'comment()' : child.type;
  return total > 1 ? `${name}[${position}]` : name;
}

/** Joins path segments for display. */
export function joinPath(segments: readonly string[]): string {
  return segments.join(' > ');
}
