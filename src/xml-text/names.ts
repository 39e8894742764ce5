/** Element and attribute names that may be written as they are. */

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
