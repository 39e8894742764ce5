/**
 * Drives the official helper (npm `twilio`) from a neutral document description, so the same
 * document can be rendered by twiml-jsx and by the helper and compared byte for byte.
 */
import { createRequire } from 'node:module';
import { COMMENT, componentNameOf, FRAGMENT, isElement, specOf, type TwiMLElement } from 'twiml-jsx';
import * as components from 'twiml-jsx';

const require = createRequire(import.meta.url);
const twilio = require('twilio') as typeof import('twilio');

/**
 * Placements Twilio's docs describe that the installed helper has no method for: the helper's
 * generic `addChild()` writes them.
 */
const DOCUMENTED_PLACEMENTS: readonly string[] = ['Stop > Recording'];

/**
 * Elements twiml-jsx has that the installed helper (6.3.1) cannot build: `<Assistant>` is in the
 * helper's GitHub source but not in the published package. The parity test checks this list.
 */
export const NOT_IN_INSTALLED_HELPER: readonly string[] = ['Assistant'];

/** A document as data: a tag, its raw attribute values (XML names), and children. */
export interface Doc {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly children: readonly (Doc | string)[];
}

/** Builds the twiml-jsx element of a description, through the public components. */
export function toElement(doc: Doc): TwiMLElement {
  if (doc.tag === COMMENT) return components.Comment({ children: doc.children.join('') });
  if (doc.tag === FRAGMENT)
    return components.Fragment({ children: doc.children.map((c) => (typeof c === 'string' ? c : toElement(c))) });
  const name = componentNameOf(doc.tag);
  const spec = specOf(doc.tag);
  if (name === undefined || spec === undefined) throw new Error(`no component for <${doc.tag}>`);
  const propName = new Map(Object.entries(spec.attributes).map(([prop, a]) => [a.xml ?? prop, prop]));
  const props: Record<string, unknown> = {};
  for (const [xml, value] of Object.entries(doc.attributes)) props[propName.get(xml) ?? xml] = value;
  props.children = doc.children.map((c) => (typeof c === 'string' ? c : toElement(c)));
  const make = (components as unknown as Record<string, (p: unknown) => TwiMLElement>)[name];
  return make(props);
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);

type Builder = { [method: string]: (...args: unknown[]) => Builder } & {
  addChild(tag: string, attributes: object): unknown;
  addText(text: string): void;
  comment(text: string): void;
  commentBefore(text: string): void;
  commentAfter(text: string): void;
  toString(): string;
};

function build(parent: Builder, doc: Doc): void {
  for (const child of doc.children) {
    if (typeof child === 'string') {
      parent.addText(child);
    } else if (child.tag === COMMENT) {
      parent.comment(child.children.join(''));
    } else {
      const method = lowerFirst(componentNameOf(child.tag) ?? child.tag);
      if (typeof parent[method] === 'function') build(parent[method]({ ...child.attributes }), child);
      else if (DOCUMENTED_PLACEMENTS.includes(`${doc.tag} > ${child.tag}`))
        build(parent.addChild(child.tag, { ...child.attributes }) as unknown as Builder, child);
      else throw new Error(`the official helper cannot put <${child.tag}> in <${doc.tag}>`);
    }
  }
}

/** Which official response class renders a root: by the kind of its verbs (Redirect is in two). */
function responseFor(root: Doc): Builder {
  const families = root.children.map((c) => (typeof c === 'string' ? undefined : specOf(c.tag)?.family));
  if (families.includes('messaging')) return new twilio.twiml.MessagingResponse() as unknown as Builder;
  if (families.includes('fax')) return new twilio.twiml.FaxResponse() as unknown as Builder;
  return new twilio.twiml.VoiceResponse() as unknown as Builder;
}

/** Renders a description with the official helper. Comments around the root use commentBefore/After. */
export function officialRender(doc: Doc): string {
  let root = doc;
  const before: string[] = [];
  const after: string[] = [];
  if (doc.tag === FRAGMENT) {
    const index = doc.children.findIndex((c) => typeof c !== 'string' && c.tag === 'Response');
    root = doc.children[index] as Doc;
    doc.children.forEach((c, i) => {
      if (typeof c !== 'string' && c.tag === COMMENT && i !== index)
        (i < index ? before : after).push(c.children.join(''));
    });
  }
  if (root.tag !== 'Response') throw new Error('the official helper always writes a <Response> root');
  const response = responseFor(root);
  for (const text of before) response.commentBefore(text);
  // commentAfter() inserts right after the root, so the last comment goes first.
  for (const text of after.reverse()) response.commentAfter(text);
  build(response, root);
  return response.toString();
}

/** The description of an element (the inverse of `toElement`, for trees built with JSX). */
export function describe(element: TwiMLElement): Doc {
  if (!isElement(element)) throw new Error('not an element');
  return {
    tag: element.type,
    attributes: element.attributes,
    children: element.children.map((c) => (typeof c === 'string' ? c : describe(c))),
  };
}
