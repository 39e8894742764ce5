/** `render()`: an element tree to TwiML, byte-identical to the official helper's `toString()`. */
import { describeValue } from '../runtime/describe.js';
import { type TwiMLElement, isElement } from '../runtime/element.js';
import { type Problem, TwiMLValidationError } from '../validate/problem.js';
import { textSizeProblem, treeSizeProblem } from '../validate/size.js';
import { unwritableProblem } from '../validate/unwritable.js';
import { shapeProblems, validateStructure } from '../validate/validate.js';
import { XML_DECLARATION } from '../xml-text/declaration.js';
import { warnAlways, warnOnce } from './warnings.js';
import { UnwritableDocumentError, writeXml } from './write.js';

export interface RenderOptions {
  /**
   * Indent the XML for people and snapshots: `true` for two spaces, or the indent string
   * (spaces and tabs only). Elements holding text stay on one line, so spoken text never changes.
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
   * `false` skips every TwiML check but keeps XML well-formedness: one root element, no text
   * outside it, no character, name or comment XML cannot carry (those still throw).
   * @default true
   */
  readonly validate?: boolean;
  /**
   * What to do with the warnings of a document that has no errors:
   * - `'once'`: print each distinct warning (code, path and message) once per process, with
   *   `console.warn`; `seenWarnings()` counts how many renders had each;
   * - `'always'`: print them on every render;
   * - `'never'`: print nothing;
   * - a function: receives them on every render (nothing is printed).
   * @default 'once'
   */
  readonly onWarning?: 'once' | 'always' | 'never' | ((warnings: readonly Problem[]) => void);
}

const INDENT = /^[ \t]*$/;

/** Checks the options of `render()`; throws a TypeError naming the option and what it takes. */
function checkOptions(options: RenderOptions | undefined): void {
  if (options === undefined) return;
  const fail = (name: string, expected: string, value: unknown) => {
    const shown =
      typeof value === 'string'
        ? JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
        : describeValue(value);
    throw new TypeError(`twiml-jsx: render() option ${name} must be ${expected}; got ${shown}`);
  };
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`twiml-jsx: render() options must be an object, got ${describeValue(options)}`);
  }
  const { pretty, declaration, validate, onWarning } = options;
  if (pretty !== undefined && typeof pretty !== 'boolean' && !(typeof pretty === 'string' && INDENT.test(pretty))) {
    fail('pretty', 'true, false, or an indent made of spaces and tabs', pretty);
  }
  if (declaration !== undefined && typeof declaration !== 'boolean') fail('declaration', 'true or false', declaration);
  if (validate !== undefined && typeof validate !== 'boolean') fail('validate', 'true or false', validate);
  if (
    onWarning !== undefined &&
    typeof onWarning !== 'function' &&
    onWarning !== 'once' &&
    onWarning !== 'always' &&
    onWarning !== 'never'
  ) {
    fail('onWarning', "'once', 'always', 'never' or a function", onWarning);
  }
}

function report(warnings: readonly Problem[], onWarning: RenderOptions['onWarning']): void {
  if (onWarning === undefined || onWarning === 'once') warnOnce(warnings);
  else if (onWarning === 'always') warnAlways(warnings);
  else if (typeof onWarning === 'function') onWarning(warnings);
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
  checkOptions(options);
  const validating = options?.validate !== false;
  const pretty = options?.pretty;
  const declaration = options?.declaration !== false;
  // Over Twilio's 64 kB, the document is refused at once, read from the tree (built elements carry
  // their XML), before anything else is checked or written.
  const tooLarge = validating && !pretty ? treeSizeProblem(node, declaration) : undefined;
  if (tooLarge) throw new TwiMLValidationError([tooLarge]);
  const warnings = validating ? validateStructure(node) : shapeProblems(node);
  if (warnings.length > 0 && warnings.some((p) => p.severity === 'error')) throw new TwiMLValidationError(warnings);
  let body: string;
  try {
    body = writeXml(node, pretty ? (typeof pretty === 'string' ? pretty : '  ') : undefined);
  } catch (error) {
    if (error instanceof UnwritableDocumentError) throw new TwiMLValidationError([unwritableProblem(node)]);
    throw error;
  }
  if (validating) {
    // Pretty output is measured as written (its indentation counts too).
    const prettyTooLarge = pretty ? textSizeProblem(declaration ? XML_DECLARATION + body : body) : undefined;
    if (prettyTooLarge) throw new TwiMLValidationError([...warnings, prettyTooLarge]);
    if (warnings.length > 0) report(warnings, options?.onWarning);
  }
  if (!declaration) return pretty ? body.slice(1) : body;
  return XML_DECLARATION + body;
}
