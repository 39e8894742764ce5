/**
 * The vocabulary tables against the official helper's builder (npm `twilio` 6.3.1, read with
 * the TypeScript compiler API) and against their own JSDoc.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as core from 'twiml-jsx';
import { allTags, specOf, vocabulary } from '../src/vocabulary/index.js';
import { NOT_IN_INSTALLED_HELPER } from './support/official.js';

const require = createRequire(import.meta.url);

interface HelperMethod {
  parentClass: string;
  method: string;
  childClass: string;
  attributes: string | undefined;
  takesText: boolean;
}

/** Reads the helper's builder classes: which method creates which class, with which attributes. */
function readHelper(): { methods: HelperMethod[]; interfaces: Map<string, string[]> } {
  const methods: HelperMethod[] = [];
  const interfaces = new Map<string, string[]>();
  for (const file of ['VoiceResponse', 'MessagingResponse', 'FaxResponse']) {
    const path = require.resolve(`twilio/lib/twiml/${file}.d.ts`);
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node, namespace: string): void => {
      if (ts.isModuleDeclaration(node)) namespace = node.name.getText();
      if (ts.isClassDeclaration(node) && node.name) {
        const parentClass = node.name.text;
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || !member.type) continue;
          const childClass = member.type.getText().replace(/^\w+\./, '');
          if (!/^[A-Z]/.test(childClass) || childClass === 'XMLElement') continue;
          const [first, second] = member.parameters;
          const firstType = first?.type?.getText() ?? '';
          const attributes = /Attributes/.test(firstType) ? firstType.replace(/^\w+\./, '').split(' ')[0] : undefined;
          const takesText = first !== undefined && (firstType === 'string' || second !== undefined);
          const existing = methods.find((m) => m.parentClass === parentClass && m.method === member.name.getText());
          if (existing) {
            existing.takesText ||= takesText;
            existing.attributes ??= attributes;
          } else methods.push({ parentClass, method: member.name.getText(), childClass, attributes, takesText });
        }
      }
      if (ts.isInterfaceDeclaration(node)) {
        interfaces.set(
          `${namespace}.${node.name.text}`,
          node.members.map((m) => m.name!.getText().replace(/^"|"$/g, '')),
        );
      }
      ts.forEachChild(node, (child) => visit(child, namespace));
    };
    visit(source, file);
    for (const m of methods) if (m.attributes && !m.attributes.includes('.')) m.attributes = `${file}.${m.attributes}`;
  }
  return { methods, interfaces };
}

const { methods, interfaces } = readHelper();
const ROOTS: Record<string, string> = {
  VoiceResponse: 'Response',
  MessagingResponse: 'Response',
  FaxResponse: 'Response',
};
const componentName = (method: string) => method[0].toUpperCase() + method.slice(1);
const tagOfMethod = (method: string) =>
  (vocabulary as Record<string, { tag: string } | undefined>)[componentName(method)]?.tag;
/** Helper class → tag, learned from the methods that create it. */
const classTag = new Map<string, string>(Object.entries(ROOTS));
for (const m of methods) {
  const tag = tagOfMethod(m.method);
  if (tag) classTag.set(m.childClass, tag);
}

/**
 * Places the helper can build but Twilio's docs never describe: twiml-jsx has the elements,
 * and its validator reports them as `invalid-child` there.
 */
const REJECTED_PLACEMENTS = ['Response > Prompt', 'Response > Queue'];

/** Attributes twiml-jsx adds from Twilio's docs, which the installed helper does not declare. */
const DOCUMENTED_EXTRAS = ['Dial.callReason'];

describe('parity with the official helper', () => {
  it('has a component for every element the helper builds', () => {
    const missing = [...new Set(methods.map((m) => m.method))].filter((m) => tagOfMethod(m) === undefined);
    expect(missing).toEqual([]);
  });

  it.each(methods.map((m) => [`${m.parentClass}.${m.method}()`, m] as const))('%s', (_, m) => {
    const parent = classTag.get(m.parentClass)!;
    const child = tagOfMethod(m.method)!;
    const parentSpec = specOf(parent)!;
    const childSpec = specOf(child)!;
    // Structure: allowed where the helper builds it, unless the docs place it elsewhere.
    if (!REJECTED_PLACEMENTS.includes(`${parent} > ${child}`)) expect(parentSpec.children ?? []).toContain(child);
    // Text: the element holds text exactly when the helper's method takes some.
    expect({ tag: child, text: childSpec.text !== undefined }).toEqual({ tag: child, text: m.takesText });
    // Attributes: the same names (XML names), plus documented extras.
    if (m.parentClass === 'Refer') return; // the helper's <Refer><Sip> takes free-form attributes
    const theirs = (m.attributes ? interfaces.get(m.attributes) : undefined) ?? [];
    const ours = Object.entries(childSpec.attributes)
      .map(([prop, a]) => a.xml ?? prop)
      .filter((name) => !DOCUMENTED_EXTRAS.includes(`${child}.${name}`));
    expect(ours.sort()).toEqual([...theirs].sort());
  });

  it('lists the elements the installed helper lacks, and only those', () => {
    const built = new Set(classTag.values());
    expect([...allTags()].filter((t) => !built.has(t))).toEqual(NOT_IN_INSTALLED_HELPER);
  });

  it('rejects exactly the placements listed above', () => {
    for (const placement of REJECTED_PLACEMENTS) {
      const [parent, child] = placement.split(' > ');
      expect(specOf(parent)!.children ?? []).not.toContain(child);
    }
  });
});

describe('components', () => {
  it('exports one component per element table, named after it, plus the DialNumber and TwiMLResponse aliases', () => {
    const names = Object.keys(vocabulary).filter((name) => 'tag' in (vocabulary as Record<string, object>)[name]);
    for (const name of names) expect(typeof (core as Record<string, unknown>)[name], name).toBe('function');
    expect(core.DialNumber).toBe(core.Number);
    expect(core.TwiMLResponse).toBe(core.Response);
  });

  it('builds elements with the table tag', () => {
    for (const [name, spec] of Object.entries(vocabulary)) {
      const make = (core as unknown as Record<string, (p: object) => core.TwiMLElement>)[name];
      expect(make({}).type, name).toBe(spec.tag);
      expect(make.name).toBe(name);
    }
  });
});
