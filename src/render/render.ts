/** `render()`: an element tree to TwiML, byte-identical to the official helper's `toString()`. */
import { describeValue } from '../runtime/describe.js';
import { type TwiMLElement, isElement } from '../runtime/element.js';
import { type Problem, TwiMLValidationError } from '../validate/problem.js';
import { textSizeProblem, treeSizeProblem } from '../validate/size.js';
import { unwritableProblem } from '../validate/unwritable.js';
import { validateStructure } from '../validate/validate.js';
import { XML_DECLARATION } from '../xml-text/declaration.js';
import { UnwritableDocumentError, writeXml } from './write.js';

export interface RenderOptions {
  /**
   * Indent the XML for people and snapshots: `true` for two spaces, or the indent string.
   * Elements holding text stay on one line, so spoken text never changes.
   * @default false
   */
  readonly pretty?: boolean | string;
  /**
   * Start with `<?xml version="1.0" encoding="UTF-8"?>`.
   * @default true
   */
  readonly declaration?: boolean;
  /**
   * Check the document first and throw `TwiMLValidationError` if it has errors.
   * `false` skips every check except XML well-formedness.
   * @default true
   */
  readonly validate?: boolean;
  /**
   * Receives the warnings of a document that has no errors.
   * @default one console.warn per render
   */
  readonly onWarning?: (warnings: readonly Problem[]) => void;
}

function defaultWarn(warnings: readonly Problem[]): void {
  console.warn(
    `twiml-jsx: ${warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`}\n` +
      warnings.map((w) => `  ${w.code} at ${w.path}: ${w.message}`).join('\n'),
  );
}

/**
 * Renders an element tree to TwiML.
 *
 * @example
 * render(<Response><Say voice="Polly.Joanna">Hello &amp; welcome</Say><Hangup /></Response>)
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna">Hello &amp; welcome</Say><Hangup/></Response>'
 * @throws TwiMLValidationError when the document has errors (all of them are listed), or
 * holds something XML cannot carry (control characters, lone surrogates).
 */
export function render(node: TwiMLElement, options?: RenderOptions): string {
  if (!isElement(node)) {
    throw new TypeError(
      `twiml-jsx: render() expects an element such as <Response>…</Response>, got ${describeValue(node)}`,
    );
  }
  const validating = options?.validate !== false;
  const warnings = validating ? validateStructure(node) : [];
  if (warnings.length > 0 && warnings.some((p) => p.severity === 'error')) throw new TwiMLValidationError(warnings);
  const pretty = options?.pretty;
  const declaration = options?.declaration !== false;
  let body: string;
  try {
    body = writeXml(node, pretty ? (typeof pretty === 'string' ? pretty : '  ') : undefined);
  } catch (error) {
    if (error instanceof UnwritableDocumentError) throw new TwiMLValidationError([unwritableProblem(node)]);
    throw error;
  }
  if (validating) {
    const tooLarge = pretty
      ? textSizeProblem(declaration ? XML_DECLARATION + body : body)
      : treeSizeProblem(node, declaration);
    if (tooLarge) throw new TwiMLValidationError([...warnings, tooLarge]);
    if (warnings.length > 0) (options?.onWarning ?? defaultWarn)(warnings);
  }
  if (!declaration) return pretty ? body.slice(1) : body;
  return XML_DECLARATION + body;
}
