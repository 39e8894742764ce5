/** Twilio's limit on the size of a TwiML document (error 11750). */
import { type TwiMLElement } from '../runtime/element.js';
import { compactSizeOver, textSizeOver } from '../runtime/size.js';
import { XML_DECLARATION } from '../xml-text/declaration.js';
import type { Problem } from './problem.js';

/**
 * Twilio refuses TwiML responses over 64 kB (error 11750).
 * @see https://www.twilio.com/docs/api/errors/11750
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

function tooLarge(bytes: number): Problem {
  return {
    severity: 'error',
    code: 'document-too-large',
    message: `the document is ${bytes} bytes; Twilio accepts at most ${MAX_DOCUMENT_BYTES} (64 kB). Split it with <Redirect>`,
    path: 'Response',
    twilioCode: 11750,
  };
}

/**
 * The `document-too-large` problem of a tree written compactly (with the XML declaration unless
 * `declaration` is false), read from the tree; `null` when the tree cannot be written as XML.
 */
export function treeSizeProblem(node: TwiMLElement, declaration = true): Problem | undefined | null {
  const bytes = compactSizeOver(node, MAX_DOCUMENT_BYTES, declaration ? XML_DECLARATION.length : 0);
  if (bytes === undefined) return null;
  return bytes === false ? undefined : tooLarge(bytes);
}

/** The `document-too-large` problem of a document already written (pretty output). */
export function textSizeProblem(xml: string): Problem | undefined {
  const bytes = textSizeOver(xml, MAX_DOCUMENT_BYTES);
  return bytes === false ? undefined : tooLarge(bytes);
}
