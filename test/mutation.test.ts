/**
 * Mutation tests: take each valid document of both corpora, break one rule at one element, and
 * expect exactly that one new problem, at that element's path (or, for a change the docs allow,
 * no new problem at all).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMENT, ELEMENT, FRAGMENT, specOf, type TwiMLChild, type TwiMLElement, validate } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';
import { segmentOf } from '../src/runtime/path.js';

const files = ['corpus', 'corpus/apps'].flatMap((folder) =>
  readdirSync(fileURLToPath(new URL(`./${folder}/`, import.meta.url)))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => `${folder}/${f}`),
);
const read = (file: string) => readFileSync(fileURLToPath(new URL(`./${file}`, import.meta.url)), 'utf8');

interface Mutation {
  readonly name: string;
  readonly tree: TwiMLElement;
  /** The one new problem, or `null` for a change that is as valid as the original. */
  readonly code: string | null;
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
    const renameAttribute = (name: string, to: string) =>
      replaceAt(root, trail, (e) => {
        const { [name]: value, ...rest } = e.attributes;
        return element(e.type, to === '' ? rest : { ...rest, [to]: value }, e.children);
      });
    const parent =
      trail.length > 0 ? [...walk(root)].find(([, t]) => t.join() === trail.slice(0, -1).join())?.[0].type : undefined;
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
      if (attribute.helperName !== undefined) {
        out.push({
          name: `${at}: the helper's spelling`,
          tree: renameAttribute(name, attribute.helperName),
          code: 'helper-spelling',
          path,
        });
      }
      if (attribute.helperValues !== undefined) {
        out.push({
          name: `${at}: a value only the helper has`,
          tree: setAttribute(name, attribute.helperValues[0]),
          code: 'helper-spelling',
          path,
        });
      }
      if (attribute.format === 'language') {
        out.push({
          name: `${at}: not a language tag`,
          tree: setAttribute(name, 'english'),
          code: 'invalid-value',
          path,
        });
        if (attribute.kind === 'enum')
          out.push({
            name: `${at}: an unknown language`,
            tree: setAttribute(name, 'qx-QX'),
            code: 'unknown-value',
            path,
          });
      }
      switch (attribute.kind) {
        case 'enum':
          out.push({
            name: `${at}: not a value`,
            tree: setAttribute(name, 'not-a-value'),
            code: attribute.open && attribute.format === undefined ? 'unknown-value' : 'invalid-value',
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
          // An empty URL: what the docs say it means (not set, silence, or this document again).
          if (target.attributes[name] !== '') {
            out.push({
              name: `${at}: empty`,
              tree: setAttribute(name, ''),
              code:
                attribute.empty === undefined
                  ? 'invalid-url'
                  : attribute.empty === 'current-document'
                    ? 'empty-url'
                    : null,
              path,
            });
          }
          if (target.type === 'Stream' && name === 'url' && !target.attributes.url.includes('?')) {
            out.push({
              name: `${at}: a query string`,
              tree: setAttribute(name, `${target.attributes.url}?token=abc`),
              code: 'stream-query-string',
              path,
            });
          }
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
    if (target.type === 'Siprec' && parent === 'Start' && 'connectorName' in target.attributes) {
      out.push({
        name: `${path}: no connectorName`,
        tree: renameAttribute('connectorName', ''),
        code: 'siprec-needs-connector',
        path,
      });
    }
    if (target.type === 'Stream' && parent === 'Connect') {
      out.push({
        name: `${path}: both tracks`,
        tree: setAttribute('track', 'both_tracks'),
        code: 'connect-stream-track',
        path,
      });
    }
    if (spec.text?.is === 'url' && spec.text.empty === 'current-document' && target.children.length > 0) {
      out.push({
        name: `${path}: no URL`,
        tree: replaceAt(root, trail, (e) => element(e.type, e.attributes, [])),
        code: 'empty-url',
        path,
      });
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
    const original = parse(read(file));
    const before = validate(original).map((p) => `${p.code} ${p.path}`);
    const mismatches: string[] = [];
    const cases = mutations(original);
    for (const mutation of cases) {
      const after = validate(mutation.tree).map((p) => `${p.code} ${p.path}`);
      const added = after.filter((p) => !before.includes(p));
      const expected = mutation.code === null ? [] : [`${mutation.code} ${mutation.path}`];
      if (added.join('\n') !== expected.join('\n'))
        mismatches.push(`${mutation.name}: expected [${expected.join('; ')}], got [${added.join('; ')}]`);
    }
    expect(mismatches).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  it('makes over a thousand mutations of the corpora (counted here, whatever else runs), for every kind of rule', () => {
    const all = files.flatMap((file) => mutations(parse(read(file))));
    expect(all.length).toBeGreaterThan(1000);
    const codes = new Set(all.map((m) => m.code));
    for (const code of [
      'helper-spelling',
      'empty-url',
      'stream-query-string',
      'siprec-needs-connector',
      'connect-stream-track',
      'invalid-value',
      'unknown-value',
      null,
    ]) {
      expect(codes.has(code), String(code)).toBe(true);
    }
  });
});
