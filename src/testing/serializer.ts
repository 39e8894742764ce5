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
import { isElement, render } from '../core.js';
import { parse } from '../xml/index.js';

const TWIML_TEXT = /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<Response[\s/>]/;

export const twimlSerializer = {
  test(value: unknown): boolean {
    return isElement(value) || (typeof value === 'string' && TWIML_TEXT.test(value));
  },
  /**
   * pretty-format calls plugins as `serialize(value, config, indentation, depth, refs, printer)` and
   * writes the result where the value goes (after `"doc": `, or after the indentation of a list
   * item): the first line is placed for us, and each following line must start with `indentation`,
   * the indentation of the value's own line, for a document nested in an object or array to line up.
   */
  serialize(value: unknown, _config?: unknown, indentation = ''): string {
    let text: string;
    try {
      const tree = isElement(value) ? value : parse(value as string);
      text = render(tree, { validate: false, pretty: true, declaration: false });
    } catch {
      text = String(value);
    }
    return indentation === '' ? text : text.replace(/\n(?!\n|$)/g, `\n${indentation}`);
  },
};
