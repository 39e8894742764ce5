/**
 * XML escaping, exactly as the official helper (xmlbuilder 13) writes it:
 * - text: `&` `<` `>` and carriage return (`&#xD;`);
 * - attribute values: `&` `<` `"`, tab (`&#x9;`), line feed (`&#xA;`) and carriage return.
 *
 * Most strings need nothing: one regular-expression search finds the first character that
 * needs work and the string is returned untouched when there is none.
 *
 * Characters XML 1.0 cannot carry (C0 controls other than tab, LF and CR; lone surrogates;
 * U+FFFE and U+FFFF) make the writers return `undefined`, never pass through silently;
 * `invalidCharacterIndex` says where the first one is.
 */

const TEXT_SPECIAL = /[&<>\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTRIBUTE_SPECIAL = /[&<"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * The one check of the characters XML 1.0 can carry (§2.2: tab, LF, CR, U+0020–U+D7FF,
 * U+E000–U+FFFD and the supplementary planes as surrogate pairs), for text, attribute values
 * and comments alike: how many UTF-16 units the character at `index` takes (1, or 2 for a
 * surrogate pair), or 0 when XML cannot carry it (a C0 control, a lone surrogate — also one at
 * the very end of the string —, U+FFFE or U+FFFF).
 */
export function xmlCharLength(value: string, index: number): 0 | 1 | 2 {
  const code = value.charCodeAt(index);
  if (code < 32) return code === 9 || code === 10 || code === 13 ? 1 : 0;
  if (code < 0xd800) return 1;
  if (code <= 0xdbff) {
    // charCodeAt past the end is NaN, which is not a low surrogate.
    const next = value.charCodeAt(index + 1);
    return next >= 0xdc00 && next <= 0xdfff ? 2 : 0;
  }
  if (code <= 0xdfff || code >= 0xfffe) return 0;
  return 1;
}

/** The UTF-16 index of the first character XML 1.0 cannot carry in `value`, or -1. */
export function invalidCharacterIndex(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 32 && code < 0xd800) continue;
    const length = xmlCharLength(value, i);
    if (length === 0) return i;
    i += length - 1;
  }
  return -1;
}

/**
 * What each ASCII character becomes: `undefined` stays, `null` cannot be written at all (the C0
 * controls other than tab, line feed and carriage return).
 */
function table(replacements: Record<string, string>): readonly (string | null | undefined)[] {
  const entries: (string | null | undefined)[] = [];
  for (let code = 0; code < 128; code++) {
    const char = String.fromCharCode(code);
    const control = code < 32 && code !== 9 && code !== 10 && code !== 13;
    entries.push(char in replacements ? replacements[char] : control ? null : undefined);
  }
  return entries;
}
const TEXT_TABLE = table({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' });
const ATTRIBUTE_TABLE = table({
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
});

/** Escapes from `start` on; undefined when the value holds a character XML cannot carry. */
function escapeFrom(
  value: string,
  start: number,
  replacements: readonly (string | null | undefined)[],
): string | undefined {
  let out = '';
  let last = 0;
  const length = value.length;
  for (let i = start; i < length; i++) {
    const code = value.charCodeAt(i);
    if (code < 128) {
      const replacement = replacements[code];
      if (replacement === undefined) continue;
      if (replacement === null) return undefined;
      out += value.slice(last, i) + replacement;
      last = i + 1;
    } else if (code >= 0xd800) {
      const units = xmlCharLength(value, i);
      if (units === 0) return undefined;
      i += units - 1;
    }
  }
  return last === 0 ? value : out + value.slice(last);
}

/** Escapes text content; undefined when it holds a character XML cannot carry. */
export function writeText(value: string): string | undefined {
  const first = value.search(TEXT_SPECIAL);
  return first === -1 ? value : escapeFrom(value, first, TEXT_TABLE);
}

/** Escapes an attribute value (without the quotes); undefined when it cannot be written. */
export function writeAttribute(value: string): string | undefined {
  const first = value.search(ATTRIBUTE_SPECIAL);
  return first === -1 ? value : escapeFrom(value, first, ATTRIBUTE_TABLE);
}
