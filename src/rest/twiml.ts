/**
 * The `twiml` parameter: a JSX element is rendered and validated; then, since TwiML sent with
 * the request has no document URL, relative URLs in it are refused (Twilio could not resolve
 * them), and so is anything over Twilio's 4,000-character limit.
 */
import {
  checkUrl,
  COMMENT,
  describeValue,
  FRAGMENT,
  isElement,
  joinPath,
  ownText,
  render,
  segmentOf,
  specOf,
  type TwiMLElement,
} from '../core.js';
import { TwilioParameterError } from './errors.js';

/**
 * Most characters Twilio accepts in the `Twiml` parameter (longer values fail with error 32018).
 *
 * @example
 * twiml.length <= MAX_INLINE_TWIML_LENGTH
 */
export const MAX_INLINE_TWIML_LENGTH = 4000;

/** Twilio's error code for inline TwiML over the limit. */
const TWIML_TOO_LONG = 32018;

/** `Response > Gather action="/menu"` for every relative URL in the tree. */
function relativeUrls(root: TwiMLElement): string[] {
  const found: string[] = [];
  const visit = (element: TwiMLElement, path: readonly string[]): void => {
    const spec = specOf(element.type);
    if (spec !== undefined) {
      for (const [name, attribute] of Object.entries(spec.attributes)) {
        const xml = attribute.xml ?? name;
        const value = element.attributes[xml];
        if (attribute.kind === 'url' && value !== undefined && checkUrl(value, { ...attribute, absolute: true })) {
          found.push(`${joinPath(path)} ${xml}=${JSON.stringify(value)}`);
        }
      }
      if (spec.text?.is === 'url') {
        const text = ownText(element).trim();
        if (text !== '' && checkUrl(text, { schemes: spec.text.schemes, absolute: true })) {
          found.push(`${joinPath(path)} text ${JSON.stringify(text)}`);
        }
      }
    }
    visitChildren(element, path);
  };
  const visitChildren = (element: TwiMLElement, path: readonly string[]): void => {
    element.children.forEach((child, index) => {
      if (typeof child !== 'string' && child.type !== COMMENT) {
        visit(child, [...path, segmentOf(element.children, index)]);
      }
    });
  };
  if (root.type === FRAGMENT) visitChildren(root, []);
  else visit(root, [root.type]);
  return found;
}

/**
 * The string sent as `Twiml`.
 *
 * @param where the operation (`calls.create`), for messages.
 * @throws TwiMLValidationError when the element is not valid TwiML (from `render()`).
 * @throws TwilioParameterError for relative URLs, more than 4,000 characters (Twilio error
 * 32018), an empty string, or a value that is neither an element nor a string.
 * @example
 * inlineTwiml(<Response><Say>Hi</Say></Response>, 'calls.create');
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say></Response>'
 */
export function inlineTwiml(value: unknown, where: string): string {
  let xml: string;
  if (isElement(value)) {
    xml = render(value);
    const relative = relativeUrls(value);
    if (relative.length > 0) {
      throw new TwilioParameterError(
        'twiml',
        `${where}: twiml holds relative URLs, which Twilio cannot resolve in inline TwiML (it has no document URL): ` +
          `${relative.join('; ')}. Make them absolute (https://…), or serve the TwiML from a URL and pass url instead`,
      );
    }
  } else if (typeof value === 'string') {
    if (value.trim() === '') {
      throw new TwilioParameterError('twiml', `${where}: twiml is an empty string; give a <Response> document`);
    }
    xml = value;
  } else {
    throw new TwilioParameterError(
      'twiml',
      `${where}: twiml must be a JSX element such as <Response>…</Response> or a TwiML string, got ${describeValue(value)}`,
    );
  }
  if (xml.length > MAX_INLINE_TWIML_LENGTH) {
    throw new TwilioParameterError(
      'twiml',
      `${where}: the inline TwiML is ${xml.length} characters long; Twilio accepts at most ${MAX_INLINE_TWIML_LENGTH}. ` +
        'Serve it from a URL instead (a route of your web app that renders it) and pass url',
      TWIML_TOO_LONG,
    );
  }
  return xml;
}
