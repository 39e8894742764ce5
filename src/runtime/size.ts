/**
 * How big a tree is as compact XML, read from the XML its elements carry (elements not built
 * here are measured by escaping their parts, never by writing the whole document).
 */
import { writeText } from '../xml-text/escape.js';
import { writeComment, writeStartTag } from '../xml-text/markup.js';
import { COMMENT, FRAGMENT } from './brand.js';
import { type TwiMLElement, compactXmlOf } from './element.js';

/** The UTF-8 size of a string in bytes (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) {
      bytes += 1;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      // A pair is 4 bytes for 2 units; a lone surrogate 3 bytes for 1.
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/**
 * The size in bytes of `text` as UTF-8 when it is over `maxBytes`, or `false` when it is not.
 * UTF-8 takes at most 3 bytes per UTF-16 unit, so short texts are not counted.
 */
export function textSizeOver(text: string, maxBytes: number): number | false {
  if (text.length * 3 <= maxBytes) return false;
  const bytes = utf8Length(text);
  return bytes > maxBytes ? bytes : false;
}

/** The compact XML length in bytes of an element not built here, or undefined when unwritable. */
function walkedLength(element: TwiMLElement): number | undefined {
  const cached = compactXmlOf(element);
  if (cached !== undefined) return utf8Length(cached);
  const type = element.type;
  if (type === COMMENT) {
    const comment = writeComment(element.children.join(''));
    return comment === undefined ? undefined : utf8Length(comment);
  }
  let total = 0;
  if (type !== FRAGMENT) {
    const open = writeStartTag(type, element.attributes);
    if (open === undefined) return undefined;
    // `<tag …/>`, or `<tag …>` … `</tag>`.
    total += utf8Length(open) + (element.children.length === 0 ? 2 : 1 + type.length + 3);
  }
  for (const child of element.children) {
    const length = typeof child === 'string' ? lengthOfText(child) : walkedLength(child);
    if (length === undefined) return undefined;
    total += length;
  }
  return total;
}

function lengthOfText(text: string): number | undefined {
  const escaped = writeText(text);
  return escaped === undefined ? undefined : utf8Length(escaped);
}

/**
 * Whether the compact XML of `element`, after `prefixBytes` bytes (the XML declaration), is over
 * `maxBytes`: its size in bytes when it is, `false` when it is not, `undefined` when the tree
 * cannot be written as XML at all.
 */
export function compactSizeOver(element: TwiMLElement, maxBytes: number, prefixBytes = 0): number | false | undefined {
  const cached = compactXmlOf(element);
  if (cached !== undefined)
    return textSizeOver(cached, maxBytes - prefixBytes) === false ? false : prefixBytes + utf8Length(cached);
  const length = walkedLength(element);
  if (length === undefined) return undefined;
  return prefixBytes + length > maxBytes ? prefixBytes + length : false;
}
