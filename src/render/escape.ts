/**
 * XML escaping, exactly as the official helper (xmlbuilder 13) writes it:
 * - text: `&` `<` `>` and carriage return (`&#xD;`);
 * - attribute values: `&` `<` `"`, tab (`&#x9;`), line feed (`&#xA;`) and carriage return.
 *
 * Most strings need nothing: one regular-expression search finds the first character that
 * needs work and the string is returned untouched when there is none.
 *
 * Characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates;
 * U+FFFE and U+FFFF) throw an `InvalidCharacterError`, never pass through silently.
 */

/** A character XML 1.0 cannot represent. `index` is its UTF-16 offset in the string. */
export class InvalidCharacterError extends Error {
  constructor(
    readonly value: string,
    readonly index: number,
  ) {
    const code = value.charCodeAt(index);
    super(`U+${code.toString(16).toUpperCase().padStart(4, '0')} at index ${index} cannot appear in XML`);
    this.name = 'InvalidCharacterError';
  }
}

const TEXT_SPECIAL = /[&<>\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_SPECIAL = /[&<"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Returns the index after a valid surrogate pair at `i`, or throws. */
function checkSurrogate(value: string, i: number, code: number): number {
  if (code <= 0xdbff) {
    const next = value.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return i + 2;
  }
  throw new InvalidCharacterError(value, i);
}

function escapeFrom(value: string, start: number, attribute: boolean): string {
  let out = value.slice(0, start);
  let last = start;
  let i = start;
  while (i < value.length) {
    const code = value.charCodeAt(i);
    let replacement: string | undefined;
    switch (code) {
      case 38: // &
        replacement = '&amp;';
        break;
      case 60: // <
        replacement = '&lt;';
        break;
      case 62: // >
        if (!attribute) replacement = '&gt;';
        break;
      case 34: // "
        if (attribute) replacement = '&quot;';
        break;
      case 9:
        if (attribute) replacement = '&#x9;';
        break;
      case 10:
        if (attribute) replacement = '&#xA;';
        break;
      case 13:
        replacement = '&#xD;';
        break;
      default:
        if (code < 32 || code === 0xfffe || code === 0xffff) throw new InvalidCharacterError(value, i);
        if (code >= 0xd800 && code <= 0xdfff) {
          i = checkSurrogate(value, i, code);
          continue;
        }
    }
    if (replacement !== undefined) {
      out += value.slice(last, i) + replacement;
      last = i + 1;
    }
    i++;
  }
  return out + value.slice(last);
}

/** Escapes text content. */
export function escapeText(value: string): string {
  const first = value.search(TEXT_SPECIAL);
  return first === -1 ? value : escapeFrom(value, first, false);
}

/** Escapes an attribute value (without the quotes). */
export function escapeAttribute(value: string): string {
  const first = value.search(ATTRIBUTE_SPECIAL);
  return first === -1 ? value : escapeFrom(value, first, true);
}

/** Checks that a string only holds characters XML 1.0 can carry (for comments). */
export function assertXmlChars(value: string): void {
  const first = value.search(/[\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/);
  if (first !== -1) escapeFrom(value, first, false);
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
const checkedNames = new Set<string>();

/**
 * True when `name` may be written as an element or attribute name as is. TwiML names are
 * ASCII; anything else (spaces, quotes, `=`, `>`) would change the document's structure.
 */
export function isSafeName(name: string): boolean {
  if (checkedNames.has(name)) return true;
  if (!NAME.test(name)) return false;
  if (checkedNames.size < 10_000) checkedNames.add(name);
  return true;
}
