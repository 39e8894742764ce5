/** The markup around text: start tags and comments, written or refused as a whole. */
import { writeAttribute, writeText } from './escape.js';
import { isSafeName } from './names.js';

/**
 * `<type name="value"…` (without the closing `>`), or `undefined` when the tag or an attribute
 * name is not a safe XML name, or a value holds a character XML cannot carry.
 *
 * @example
 * writeStartTag('Say', { voice: 'Polly.Joanna' }) // '<Say voice="Polly.Joanna"'
 */
export function writeStartTag(type: string, attributes: Readonly<Record<string, string>>): string | undefined {
  if (!isSafeName(type)) return undefined;
  let out = '<' + type;
  for (const name of Object.keys(attributes)) {
    if (!isSafeName(name)) return undefined;
    const value = writeAttribute(attributes[name]);
    if (value === undefined) return undefined;
    out += ' ' + name + '="' + value + '"';
  }
  return out;
}

/** True when `text` may be the text of a comment: no `--` (XML 1.0 §2.5). */
export function isCommentText(text: string): boolean {
  return !text.includes('--');
}

/**
 * `<!-- text -->`, or `undefined` when the text holds `--` or a character XML cannot carry.
 *
 * @example
 * writeComment('menu v2') // '<!-- menu v2 -->'
 */
export function writeComment(text: string): string | undefined {
  return isCommentText(text) && writeText(text) !== undefined ? '<!-- ' + text + ' -->' : undefined;
}
