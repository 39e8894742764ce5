/**
 * Values checked where the props are read (runtime/build.ts) give exactly the problems the
 * validator's full checks give: every random document is validated as built from JSX (most
 * elements skip their own checks) and as a copy made of plain objects (nothing skipped), and
 * the two lists of problems must be equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELEMENT, Gather, Response, Say, type TwiMLChild, type TwiMLElement, validate } from 'twiml-jsx';
import { type Doc, toElement } from './support/official.js';
import { documentOf, xmlText } from './support/samples.js';

/** The same tree as plain objects: not built here, so the validator checks every value. */
function plainCopy(element: TwiMLElement): TwiMLElement {
  return {
    $$typeof: ELEMENT,
    type: element.type,
    attributes: { ...element.attributes },
    children: element.children.map((c: TwiMLChild) => (typeof c === 'string' ? c : plainCopy(c))),
  };
}

/** A document description with, here and there, a prop the table does not have or a value that is wrong. */
function spoiled(doc: Doc, extra: readonly (readonly [string, unknown])[], seed: number): Doc {
  if (doc.tag.startsWith('#')) {
    return { ...doc, children: doc.children.map((c, i) => (typeof c === 'string' ? c : spoiled(c, extra, seed + i))) };
  }
  const attributes = { ...doc.attributes };
  const [name, value] = extra[seed % extra.length] ?? ['', undefined];
  if (name !== '' && seed % 3 === 0) attributes[name] = value;
  return {
    ...doc,
    attributes,
    children: doc.children.map((c, i) => (typeof c === 'string' ? c : spoiled(c, extra, seed * 7 + i + 1))),
  };
}

describe('checks done while building agree with the full checks', () => {
  it('for a document with a problem skipped by neither (a first, literal case)', () => {
    const tree = (
      <Response>
        <Gather numDigits={0} action="/menu">
          <Say voice="Polly.Joanna">Press 1</Say>
        </Gather>
      </Response>
    );
    expect(validate(tree)).toEqual(validate(plainCopy(tree)));
    expect(validate(tree).map((p) => p.code)).toEqual(['out-of-range']);
  });

  it('for 2,000 random documents, with unknown props and wrong values sprinkled in', () => {
    const extra = fc.array(
      fc.tuple(
        fc.constantFrom('bogus', 'speechtimeout', 'action', 'timeout', 'voice', 'language', 'url'),
        fc.oneof(xmlText, fc.integer(), fc.boolean()),
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(documentOf(), extra, fc.nat(), (doc, props, seed) => {
        let tree: TwiMLElement;
        try {
          tree = toElement(spoiled(doc, props, seed));
        } catch {
          return; // a prop value JSX itself refuses (e.g. an object): nothing to validate
        }
        expect(validate(tree)).toEqual(validate(plainCopy(tree)));
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);
});
