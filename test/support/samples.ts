/**
 * Sample documents generated from the vocabulary tables: one per element with every attribute
 * set, and random documents for property-based tests.
 */
import fc from 'fast-check';
import { type AttributeSpec, COMMENT, type ElementSpec, FRAGMENT, specOf, vocabulary } from 'twiml-jsx';
import { SID_PREFIXES, type SidKind } from 'twiml-jsx/core';
import { type Doc, NOT_IN_INSTALLED_HELPER } from './official.js';

/** Every tag of the vocabulary (through the public API, so the package test can run this file). */
const allTags = (): string[] => Object.values(vocabulary).map((spec) => spec.tag);

const hex32 = '0123456789abcdef0123456789abcdef';

/** A valid value for an attribute, as a JS value of the prop's type. */
export function sampleValue(spec: AttributeSpec, variant = 0): unknown {
  switch (spec.kind) {
    case 'boolean':
      return variant % 2 === 0;
    case 'integer':
    case 'number':
      return Math.min(spec.max ?? Infinity, (spec.min ?? 0) + 1 + variant);
    case 'enum':
      return spec.values?.length ? spec.values[variant % spec.values.length] : '10';
    case 'list':
      if (spec.items === 'integer') return [spec.min ?? 1, (spec.min ?? 1) + 1];
      return (spec.values ?? []).slice(0, 2);
    case 'url':
      return spec.schemes?.includes('wss') ? 'wss://example.com/stream' : 'https://example.com/hook?a=1&b=2';
    case 'string':
      switch (spec.format) {
        case 'voice':
          return 'Polly.Joanna-Neural';
        case 'phone':
          return '+15555550100';
        case 'sip':
          return 'sip:alice@example.com';
        case 'dtmf':
          return '1w2#';
        case 'gather-key':
          return '#';
        case 'record-keys':
          return '*#';
        case 'json':
          return '{"a":1}';
        case undefined:
          return spec.pattern ? (spec.expected ?? '1').split(' ')[0] : `value "${variant}" & <more>`;
        default:
          return spec.format.startsWith('sid:') ? SID_PREFIXES[spec.format.slice(4) as SidKind][0] + hex32 : 'x';
      }
  }
}

/** Text for an element that holds text. */
export function sampleText(spec: ElementSpec): string | undefined {
  switch (spec.text?.is) {
    case undefined:
      return undefined;
    case 'url':
      return 'https://example.com/media.mp3?x=1&y=2';
    case 'phone':
      return '+15555550100';
    case 'sip':
      return 'sip:bob@example.com';
    case 'sid':
      return (
        (spec.text.format?.startsWith('sid:') ? SID_PREFIXES[spec.text.format.slice(4) as SidKind][0] : 'DE') + hex32
      );
    case 'json':
      return '{"priority":"high"}';
    default:
      return 'Some words & <symbols>';
  }
}

/** Parents in which each tag may sit (from the tables), for building paths down to a tag. */
function parentsOf(tag: string): string[] {
  // <Refer> holds a plain <Sip> (the official helper's ReferSip): place <Sip> under <Dial>.
  return allTags().filter(
    (t) => t !== 'Refer' && !NOT_IN_INSTALLED_HELPER.includes(t) && specOf(t)?.children?.includes(tag),
  );
}

/** Wraps `doc` in parents up to `<Response>`. */
function placeInDocument(doc: Doc): Doc {
  let current = doc;
  while (current.tag !== 'Response') {
    const parent = parentsOf(current.tag)[0];
    if (parent === undefined) throw new Error(`no parent for <${current.tag}>`);
    const parentSpec = specOf(parent)!;
    const text = parentSpec.text?.required && !parentSpec.text.unlessChild ? sampleText(parentSpec) : undefined;
    current = { tag: parent, attributes: {}, children: text ? [text, current] : [current] };
  }
  return current;
}

/** One document per element: the element with every attribute set, inside a valid parent chain. */
export function everyElementDocuments(): { tag: string; doc: Doc }[] {
  const out: { tag: string; doc: Doc }[] = [];
  for (const tag of allTags()) {
    const spec = specOf(tag)!;
    const attributes: Record<string, unknown> = {};
    let variant = 0;
    for (const [prop, attribute] of Object.entries(spec.attributes))
      attributes[attribute.xml ?? prop] = sampleValue(attribute, variant++);
    const text = sampleText(spec);
    const doc: Doc = { tag, attributes, children: text === undefined ? [] : [text] };
    out.push({ tag, doc: tag === 'Response' ? doc : placeInDocument(doc) });
  }
  return out;
}

// ───────────────────────── random documents ─────────────────────────

/** Text full of XML-special, whitespace and non-ASCII characters (all valid in XML). */
export const xmlText = fc.oneof(
  fc.string({
    unit: fc.constantFrom('&', '<', '>', '"', "'", '\n', '\r', '\t', ' ', ']]>', 'a', 'é', '😀', '中', '&amp;'),
  }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.string(),
);

/** Any string, including characters XML cannot carry. */
export const anyText = fc.string({ unit: 'binary' });

const attributeValue = (spec: AttributeSpec): fc.Arbitrary<unknown> => {
  switch (spec.kind) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: -5, max: 100000 });
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'list':
      return fc.array<unknown>(
        spec.items === 'integer' ? fc.integer({ min: 0, max: 20 }) : fc.constantFrom(...(spec.values ?? ['x'])),
        {
          minLength: 1,
          maxLength: 3,
        },
      );
    case 'enum':
      return fc.oneof(fc.constantFrom(...(spec.values?.length ? spec.values : ['x'])), xmlText);
    default:
      return xmlText;
  }
};

const attributesOf = (spec: ElementSpec): fc.Arbitrary<Record<string, unknown>> => {
  const entries = Object.entries(spec.attributes);
  if (entries.length === 0) return fc.constant({});
  return fc
    .subarray(entries, { maxLength: Math.min(5, entries.length) })
    .chain((chosen) =>
      chosen.length === 0
        ? fc.constant({})
        : fc
            .tuple(...chosen.map(([, a]) => attributeValue(a)))
            .map((values) => Object.fromEntries(chosen.map(([prop, a], i) => [a.xml ?? prop, values[i]]))),
    );
};

/** A random element of `tag` with random attributes, text and allowed children. */
export function elementOf(
  tag: string,
  depth: number,
  text: fc.Arbitrary<string> = xmlText,
  parent?: string,
): fc.Arbitrary<Doc> {
  const spec = specOf(tag)!;
  // The helper's <Sip> inside <Refer> (ReferSip) takes no children.
  const childTags =
    depth > 0 && !(tag === 'Sip' && parent === 'Refer')
      ? (spec.children ?? []).filter((t) => !NOT_IN_INSTALLED_HELPER.includes(t))
      : [];
  const child: fc.Arbitrary<Doc | string>[] = [];
  if (spec.text) child.push(text);
  if (childTags.length) child.push(fc.constantFrom(...childTags).chain((t) => elementOf(t, depth - 1, text, tag)));
  const children = child.length === 0 ? fc.constant([]) : fc.array(fc.oneof(...child), { maxLength: 4 });
  return fc.record({
    tag: fc.constant(tag),
    attributes: attributesOf(spec),
    children: children as fc.Arbitrary<(Doc | string)[]>,
  });
}

/** A random voice, messaging or fax document, sometimes with comments around the root. */
export function documentOf(text: fc.Arbitrary<string> = xmlText): fc.Arbitrary<Doc> {
  const voiceVerbs = (specOf('Response')!.children ?? []).filter((t) => !['Message', 'Receive'].includes(t));
  const response = (verbs: string[]) =>
    fc
      .array(
        fc.constantFrom(...verbs).chain((t) => elementOf(t, 3, text)),
        { maxLength: 5 },
      )
      .map((children): Doc => ({ tag: 'Response', attributes: {}, children }));
  const comment = fc
    .string({ unit: fc.constantFrom('a', ' ', 'é', '<', '&') })
    .map((s): Doc => ({ tag: COMMENT, attributes: {}, children: [s] }));
  return fc.oneof(
    { weight: 6, arbitrary: response(voiceVerbs) },
    { weight: 2, arbitrary: response(['Message', 'Redirect']) },
    { weight: 1, arbitrary: response(['Receive']) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.array(comment, { maxLength: 2 }), response(voiceVerbs), fc.array(comment, { maxLength: 2 }))
        .map(
          ([before, root, after]): Doc => ({ tag: FRAGMENT, attributes: {}, children: [...before, root, ...after] }),
        ),
    },
  );
}
