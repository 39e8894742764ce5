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

/**
 * The path segments of all of `siblings` at once, in one pass over them (where calling
 * {@link segmentOf} for each would look at every sibling again): `[n]` is added to a tag that
 * occurs more than once among them.
 *
 * @example
 * siblingSegments([say, gather, say]) // ['Say[1]', 'Gather', 'Say[2]']
 */
export function siblingSegments(siblings: readonly TwiMLChild[]): string[] {
  const totals = new Map<string, number>();
  for (const sibling of siblings) {
    if (typeof sibling !== 'string') totals.set(sibling.type, (totals.get(sibling.type) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return siblings.map((sibling) => {
    if (typeof sibling === 'string') return '#text';
    const position = (seen.get(sibling.type) ?? 0) + 1;
    seen.set(sibling.type, position);
    const name = sibling.type === '#comment' ? 'comment()' : sibling.type;
    return totals.get(sibling.type)! > 1 ? `${name}[${position}]` : name;
  });
}
