/**
 * Snapshot serializer for Vitest and Jest: elements and TwiML strings are printed as indented
 * XML, so snapshots read like the documents they are.
 *
 * @example
 * expect.addSnapshotSerializer(twimlSerializer);
 * expect(<Menu />).toMatchInlineSnapshot(`
 *   <Response>
 *     <Say>Hi</Say>
 *   </Response>
 * `);
 */
import { isElement } from '../runtime/element.js';
import { render } from '../render/render.js';
import { parse } from '../xml/parse.js';

const TWIML_TEXT = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<Response[\s/>]/;

export const twimlSerializer = {
  test(value: unknown): boolean {
    return isElement(value) || (typeof value === 'string' && TWIML_TEXT.test(value));
  },
  serialize(value: unknown): string {
    try {
      const tree = isElement(value) ? value : parse(value as string);
      return render(tree, { validate: false, pretty: true, declaration: false });
    } catch {
      return String(value);
    }
  },
};
