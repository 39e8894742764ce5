/**
 * twiml-jsx: write Twilio call and message flows as JSX, render them to TwiML.
 *
 * @example
 * import { render, Response, Say, Hangup } from 'twiml-jsx';
 * render(<Response><Say>Goodbye</Say><Hangup /></Response>);
 * // '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Goodbye</Say><Hangup/></Response>'
 */
export * from './components.js';
export { Comment, Fragment, createElement } from './runtime/jsx.js';
export type { Component, JSX } from './runtime/jsx.js';
export {
  COMMENT,
  ELEMENT,
  FRAGMENT,
  isElement,
  type Key,
  type TwiMLChild,
  type TwiMLElement,
  type TwiMLNode,
} from './runtime/element.js';
export type { TwiMLComponent } from './runtime/component.js';
export { render, type RenderOptions } from './render/render.js';
export { XML_DECLARATION } from './render/declaration.js';
export { validate } from './validate/validate.js';
export { TwiMLValidationError, formatProblems, type Problem } from './validate/problem.js';
export { PROBLEM_CODES, type ProblemCode, type CodeInfo } from './validate/codes.js';
export { vocabulary, specOf, componentNameOf, type ComponentName } from './vocabulary/index.js';
export type { AttributeSpec, ElementSpec, TextSpec } from './vocabulary/spec.js';
export type { PropsOf, TextChild, ElementChild } from './vocabulary/props.js';
export type * from './vocabulary/voices.js';
