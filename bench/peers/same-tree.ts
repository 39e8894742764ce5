/**
 * Proof that a contender renders the whole document: its output and the reference (the official
 * helper's bytes) are both read by twiml-jsx/xml's `parse()`, and the two element trees must have
 * the same elements in the same places, with the same attributes (names and values) and the same
 * text. Bytes may differ (`<X></X>` for `<X/>`, `&#34;` for `"`, no declaration), what is written
 * may not, so no contender is faster because it renders less.
 */
import type { TwiMLChild } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';

/** A tree as plain data: `[type, sorted attributes, children]`; text as strings. */
type Plain = string | [string, [string, string][], Plain[]];

function plain(node: TwiMLChild, loose: ReadonlySet<string>): Plain {
  if (typeof node === 'string') return node;
  const attributes = Object.entries(node.attributes)
    .map(([name, value]): [string, string] => [name, loose.has(`${node.type}@${name}`) ? '(any)' : value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return [node.type, attributes, node.children.map((child) => plain(child, loose))];
}

/**
 * Throws unless `xml` holds the same element tree as `reference`. `loose` names attributes
 * (`Tag@name`) whose value the contender writes its own way; only their presence is compared.
 */
export function assertSameTree(
  label: string,
  xml: string,
  reference: string,
  loose: readonly string[] = [],
): { elements: number } {
  const set = new Set(loose);
  const ours = JSON.stringify(plain(parse(xml), set));
  const theirs = JSON.stringify(plain(parse(reference), set));
  if (ours !== theirs) {
    let at = 0;
    while (ours[at] === theirs[at]) at++;
    throw new Error(
      `bench: ${label} does not render the same document as the official helper; the element trees ` +
        `differ at …${ours.slice(Math.max(0, at - 60), at + 60)}… against …${theirs.slice(Math.max(0, at - 60), at + 60)}…`,
    );
  }
  return { elements: countElements(parse(reference)) };
}

function countElements(node: TwiMLChild): number {
  if (typeof node === 'string') return 0;
  let count = 1;
  for (const child of node.children) count += countElements(child);
  return count;
}
