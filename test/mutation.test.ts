/**
 * Mutation tests: take each valid document of the corpus, break one rule at one element, and
 * expect exactly that one new problem, at that element's path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMENT, ELEMENT, FRAGMENT, specOf, type TwiMLChild, type TwiMLElement, validate } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';
import { segmentOf } from '../src/runtime/path.js';

const folder = fileURLToPath(new URL('./corpus/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.xml'))
  .sort();

interface Mutation {
  readonly name: string;
  readonly tree: TwiMLElement;
  readonly code: string;
  readonly path: string;
}

const element = (type: string, attributes: Record<string, string>, children: readonly TwiMLChild[]): TwiMLElement => ({
  $$typeof: ELEMENT,
  type,
  attributes,
  children,
});

/** A copy of `root` with the element at `trail` (child indexes) replaced by `replace(it)`. */
function replaceAt(
  root: TwiMLElement,
  trail: readonly number[],
  replace: (e: TwiMLElement) => TwiMLElement,
): TwiMLElement {
  if (trail.length === 0) return replace(root);
  const [index, ...rest] = trail;
  const children = root.children.map((c, i) => (i === index ? replaceAt(c as TwiMLElement, rest, replace) : c));
  return element(root.type, root.attributes, children);
}

/** Every element with its trail of child indexes and its path. */
function* walk(
  node: TwiMLElement,
  trail: number[] = [],
  path = node.type,
): Generator<[TwiMLElement, number[], string]> {
  // A fragment root (comments around <Response>) is not part of paths.
  const fragment = node.type === FRAGMENT;
  if (!fragment) yield [node, trail, path];
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i];
    if (typeof child !== 'string' && child.type !== COMMENT) {
      const segment = segmentOf(node.children, i);
      yield* walk(child, [...trail, i], fragment ? segment : `${path} > ${segment}`);
    }
  }
}

function mutations(root: TwiMLElement): Mutation[] {
  const out: Mutation[] = [];
  for (const [target, trail, path] of walk(root)) {
    const spec = specOf(target.type);
    if (!spec) continue;
    const setAttribute = (name: string, value: string) =>
      replaceAt(root, trail, (e) => element(e.type, { ...e.attributes, [name]: value }, e.children));
    out.push({
      name: `${path}: unknown attribute`,
      tree: setAttribute('bogusAttribute', '1'),
      code: 'unknown-attribute',
      path,
    });
    for (const [prop, attribute] of Object.entries(spec.attributes)) {
      const name = attribute.xml ?? prop;
      if (!(name in target.attributes)) continue;
      const at = `${path} ${name}`;
      switch (attribute.kind) {
        case 'enum':
          out.push({
            name: `${at}: not a value`,
            tree: setAttribute(name, 'not-a-value'),
            code: attribute.open ? 'unknown-value' : 'invalid-value',
            path,
          });
          break;
        case 'boolean':
          out.push({ name: `${at}: not a boolean`, tree: setAttribute(name, 'maybe'), code: 'invalid-value', path });
          break;
        case 'integer':
          out.push({ name: `${at}: not a number`, tree: setAttribute(name, 'abc'), code: 'invalid-number', path });
          if (attribute.max !== undefined)
            out.push({
              name: `${at}: too big`,
              tree: setAttribute(name, String(attribute.max + 1)),
              code: 'out-of-range',
              path,
            });
          if (attribute.min !== undefined)
            out.push({
              name: `${at}: too small`,
              tree: setAttribute(name, String(attribute.min - 1)),
              code: 'out-of-range',
              path,
            });
          break;
        case 'url':
          out.push({
            name: `${at}: other scheme`,
            tree: setAttribute(name, 'ftp://example.com/x'),
            code: 'invalid-url',
            path,
          });
          break;
        case 'list':
          if (!attribute.items)
            out.push({
              name: `${at}: unknown item`,
              tree: setAttribute(name, 'not-an-item'),
              code: 'invalid-value',
              path,
            });
          break;
      }
    }
    if (spec.text?.required && !spec.text.unlessChild && !spec.text.unlessAttribute && target.children.length > 0) {
      out.push({
        name: `${path}: text removed`,
        tree: replaceAt(root, trail, (e) => element(e.type, e.attributes, [])),
        code: 'missing-text',
        path,
      });
    }
    if (!(spec.children ?? []).includes('Hangup')) {
      const hangups = target.children.filter((c) => typeof c !== 'string' && c.type === 'Hangup').length;
      out.push({
        name: `${path}: a <Hangup> inside`,
        tree: replaceAt(root, trail, (e) => element(e.type, e.attributes, [...e.children, element('Hangup', {}, [])])),
        code: 'invalid-child',
        path: `${path} > Hangup${hangups > 0 ? `[${hangups + 1}]` : ''}`,
      });
    }
  }
  return out;
}

describe('mutations of the corpus', () => {
  it.each(files)('%s: each broken rule gives exactly its problem', (file) => {
    const original = parse(readFileSync(folder + file, 'utf8'));
    const before = validate(original).map((p) => `${p.code} ${p.path}`);
    const mismatches: string[] = [];
    const cases = mutations(original);
    for (const mutation of cases) {
      const after = validate(mutation.tree).map((p) => `${p.code} ${p.path}`);
      const added = after.filter((p) => !before.includes(p));
      const expected = `${mutation.code} ${mutation.path}`;
      if (added.length !== 1 || added[0] !== expected)
        mismatches.push(`${mutation.name}: expected [${expected}], got [${added.join('; ')}]`);
    }
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('makes over a thousand mutations of the corpus (counted here, whatever else runs)', () => {
    const total = files.reduce((sum, file) => sum + mutations(parse(readFileSync(folder + file, 'utf8'))).length, 0);
    expect(total).toBeGreaterThan(1000);
  });
});
