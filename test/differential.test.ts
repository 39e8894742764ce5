/**
 * twiml-jsx against the official helper (npm `twilio`): the same documents must render to the
 * same bytes. Validation is off here: this compares serialisation, not TwiML rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { render, TwiMLValidationError } from 'twiml-jsx';
import { type Doc, NOT_IN_INSTALLED_HELPER, officialRender, toElement } from './support/official.js';
import { anyText, documentOf, everyElementDocuments } from './support/samples.js';

const ours = (doc: Doc) => render(toElement(doc), { validate: false });

describe('every element of the vocabulary, with every attribute', () => {
  const documents = everyElementDocuments().filter(({ tag }) => !NOT_IN_INSTALLED_HELPER.includes(tag));
  it.each(documents.map(({ tag, doc }) => [tag, doc] as const))('<%s>', (_, doc) => {
    expect(ours(doc)).toBe(officialRender(doc));
  });
});

describe('random documents (fast-check)', () => {
  it('render byte-identically, text and attributes full of XML-special and non-ASCII characters', () => {
    fc.assert(
      fc.property(documentOf(), (doc) => {
        expect(ours(doc)).toBe(officialRender(doc));
      }),
      { numRuns: 1000 },
    );
  });

  it('characters XML cannot carry: both refuse text; we also refuse attributes the helper would corrupt', () => {
    fc.assert(
      fc.property(documentOf(anyText), (doc) => {
        let official: string | Error;
        try {
          official = officialRender(doc);
        } catch (error) {
          official = error as Error;
        }
        let mine: string | Error;
        try {
          mine = ours(doc);
        } catch (error) {
          mine = error as Error;
        }
        if (typeof official === 'string' && typeof mine === 'string') {
          expect(mine).toBe(official);
        } else if (typeof mine === 'string') {
          throw new Error(`the helper refused a document we rendered: ${String(official)}`);
        } else {
          expect(mine).toBeInstanceOf(TwiMLValidationError);
          expect((mine as TwiMLValidationError).problems[0].code).toBe('invalid-character');
          if (typeof official === 'string') {
            // The helper writes control characters in attribute values as they are: invalid XML.
            expect(official).toMatch(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
