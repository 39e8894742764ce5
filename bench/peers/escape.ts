/**
 * The escaping of the hand-written contenders, (d) the template and (e) the floor: what the
 * official helper escapes (`&`, `<`, `>` and CR in text; `&`, `<`, `"`, tab, LF and CR in
 * attribute values), with a fast path that returns a string needing no escaping untouched.
 */
const TEXT = /[&<>\r]/;
const ATTRIBUTE = /[&<"\t\n\r]/;

export const escapeText = (s: string): string =>
  TEXT.test(s) ? s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;') : s;

export const escapeAttribute = (s: string | number): string => {
  const v = String(s);
  return ATTRIBUTE.test(v)
    ? v
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#x9;')
        .replace(/\n/g, '&#xA;')
        .replace(/\r/g, '&#xD;')
    : v;
};
