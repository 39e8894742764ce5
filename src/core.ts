/**
 * `twiml-jsx/core`: the whole core in one module, for tools that build on twiml-jsx (and for the
 * package's own entries: `twiml-jsx`, the JSX runtimes, `xml`, `http`, `rest`, `testing` and the
 * CLI import the core from here, so every entry shares one copy of it: one element class, one
 * set of caches).
 *
 * It exports everything `twiml-jsx` exports, and the building blocks below it, in the order of
 * the layers:
 * - XML text: {@link writeText}, {@link writeAttribute}, {@link invalidCharacterIndex},
 *   {@link isSafeName}, {@link XML_DECLARATION};
 * - the vocabulary: {@link vocabulary}, {@link specOf}, {@link allTags} and the attribute
 *   builders' types;
 * - the element tree: {@link makeElement}, {@link isElement}, {@link positionOf},
 *   {@link MAX_DEPTH}, and tree utilities ({@link deepText}, {@link ownText},
 *   {@link segmentOf}, {@link joinPath}, {@link didYouMean}, {@link describeValue});
 * - the JSX runtime: {@link jsx}, {@link jsxs}, {@link jsxDEV}, {@link createElement};
 * - validation and rendering: {@link validate}, {@link render}, {@link checkUrl}.
 *
 * Everything here is public and follows semantic versioning like the main entry.
 *
 * @example
 * import { makeElement, render } from 'twiml-jsx/core';
 * render(makeElement('Response', {}, [makeElement('Hangup', {}, [])]));
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'
 */

// ── XML text ──
export { XML_DECLARATION } from './xml-text/declaration.js';
export { invalidCharacterIndex, writeAttribute, writeText } from './xml-text/escape.js';
export { isSafeName } from './xml-text/names.js';

// ── Vocabulary ──
export { allTags, componentNameOf, specOf, vocabulary, type ComponentName } from './vocabulary/index.js';
export type { AttributeKind, AttributeSpec, ElementSpec, Family, StringFormat, TextSpec } from './vocabulary/spec.js';
export type * from './vocabulary/voices.js';
export { HTTP_METHODS, methodOf, type HttpMethod } from './vocabulary/methods.js';
export { SID_PREFIXES, isSid, sidPattern, sidPrefixesText, type SidKind } from './vocabulary/sids.js';
export * from './vocabulary/statuses.js';
export { CONTROL_FLOW, leavesDocument, type VerbFlow } from './vocabulary/control-flow.js';

// ── Element tree and JSX runtime ──
export { COMMENT, ELEMENT, FRAGMENT, POSITION } from './runtime/brand.js';
export {
  MAX_DEPTH,
  isElement,
  makeElement,
  positionOf,
  type Key,
  type SourcePosition,
  type TwiMLChild,
  type TwiMLElement,
  type TwiMLNode,
} from './runtime/element.js';
export { describeValue } from './runtime/describe.js';
export { deepText, ownText } from './runtime/text.js';
export { joinPath, segmentOf } from './runtime/path.js';
export { closest, didYouMean, listForMessage } from './runtime/suggest.js';
export { Comment, Fragment, createElement, jsx, jsxDEV, jsxs, type Component, type JSX } from './runtime/jsx.js';
export type { TwiMLComponent } from './runtime/component.js';
export type { ElementChild, PropsOf, TextChild } from './runtime/prop-types.js';
export * from './runtime/components.js';

// ── Validation ──
export { validate } from './validate/validate.js';
export { MAX_PROBLEMS_IN_MESSAGE, TwiMLValidationError, formatProblems, type Problem } from './validate/problem.js';
export { PROBLEM_CODES, type CodeInfo, type ProblemCode } from './validate/codes.js';
export { MAX_DOCUMENT_BYTES } from './validate/size.js';
export { checkUrl } from './validate/values.js';

// ── Rendering ──
export { render, type RenderOptions } from './render/render.js';
export { MAX_REMEMBERED_WARNINGS, resetSeenWarnings, seenWarnings, type SeenWarning } from './render/warnings.js';
