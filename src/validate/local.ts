/**
 * The problems an element has on its own: its attributes and text, the kinds of its children,
 * and the rules that look at it and its children. They need nothing above the element;
 * `validate()` works them out element by element in its walk and adds the paths.
 */
import { COMMENT } from '../runtime/brand.js';
import { type TwiMLChild, type TwiMLElement, acceptedWhenBuilt } from '../runtime/element.js';
import type { TextSpec } from '../vocabulary/spec.js';
import type { ProblemCode } from './codes.js';
import { ANY, type Compiled, compiled } from './compile.js';
import { closest, didYouMean, listForMessage } from '../runtime/suggest.js';
import { deepText } from '../runtime/text.js';
import { emptyUrlProblem, type ValueProblem } from './values.js';

/** A problem before it has a path: on the element itself, or on its child at `child`. */
export interface Issue {
  readonly code: ProblemCode;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
  readonly child?: number;
}

/** The issues of the element being checked (checks do not nest, so one list will do). */
let found: Issue[] | undefined;

const report = (code: ProblemCode, message: string, child?: number): void => {
  (found ??= []).push(child === undefined ? { code, message } : { code, message, child });
};

const reportValue = (problem: ValueProblem): void => {
  (found ??= []).push(
    problem.severity === undefined
      ? { code: problem.code as ProblemCode, message: problem.message }
      : { code: problem.code as ProblemCode, message: problem.message, severity: problem.severity },
  );
};

const TEXT_NAMES: Record<TextSpec['is'], string> = {
  url: 'a URL',
  phone: 'the phone number',
  sip: 'the SIP URI',
  sid: 'the SID',
  name: 'the name',
  identity: 'the client identity',
  json: 'the JSON attributes',
  words: 'the words',
  'number-or-client': 'the number or client',
};

/**
 * `; did you mean "Language"?` for a tag that is close to one allowed at this place (a typo, or
 * the start of its name: `Lang` → `Language`), or nothing. Names allowed elsewhere are never
 * suggested.
 */
function didYouMeanChild(tag: string, allowed: readonly string[]): string {
  const lower = tag.toLowerCase();
  const match =
    closest(tag, allowed) ??
    (lower.length >= 3 ? allowed.find((name) => name.toLowerCase().startsWith(lower)) : undefined);
  return match === undefined ? '' : `; did you mean ${JSON.stringify(match)}?`;
}

function textExcused(element: TwiMLElement, text: TextSpec): boolean {
  if (text.deep && deepText(element).trim() !== '') return true;
  if (text.unlessAttribute?.some((name) => element.attributes[name] !== undefined)) return true;
  const unless = text.unlessChild;
  if (unless === undefined) return false;
  return element.children.some(
    (c) => typeof c !== 'string' && c.type !== COMMENT && (unless === 'any' || unless.includes(c.type)),
  );
}

function checkSpecial(element: TwiMLElement, entry: Compiled): void {
  const { spec, tag } = entry;
  if (spec.deprecated) report('deprecated-element', `<${tag}> is deprecated: ${spec.deprecated}`);
  if (spec.undocumented) {
    report('undocumented-element', `<${tag}> is built by the official helper but not described in Twilio's docs`);
  }
  const limits = spec.childLimits;
  if (limits !== undefined) {
    for (const child of Object.keys(limits)) {
      let count = 0;
      for (const c of element.children) if (typeof c !== 'string' && c.type === child) count++;
      if (count > limits[child])
        report('too-many-children', `<${tag}> holds ${count} <${child}> elements; at most ${limits[child]}`);
    }
  }
}

function checkText(element: TwiMLElement, entry: Compiled, text: string | undefined): void {
  const tag = entry.tag;
  const hasText = text !== undefined && text.trim() !== '';
  const spec = entry.spec.text;
  if (spec === undefined) {
    if (hasText) {
      report(
        'text-not-allowed',
        `<${tag}> cannot hold text (${JSON.stringify(text!.trim().slice(0, 40))})${
          entry.children.has('Say') ? '; put it in a <Say>' : ''
        }`,
      );
    }
  } else if (hasText) {
    const problem = entry.text!(text!, tag);
    if (problem !== undefined) reportValue(problem);
  } else if (spec.is === 'url' && spec.empty === 'current-document') {
    reportValue(emptyUrlProblem(tag));
  } else if (spec.required && !textExcused(element, spec)) {
    const alternatives = [
      ...(spec.unlessAttribute ?? []).map((a) => `a ${a} attribute`),
      ...(spec.unlessChild === 'any' ? ['child elements'] : (spec.unlessChild ?? []).map((c) => `a <${c}>`)),
    ];
    report(
      'missing-text',
      `<${tag}> needs ${TEXT_NAMES[spec.is]} as its text${alternatives.length ? ` (or ${alternatives.join(' or ')})` : ''}`,
    );
  }
}

/** The element's attributes, required attributes, kinds of children and text. */
function checkOwnValues(element: TwiMLElement, entry: Compiled): void {
  const tag = entry.tag;
  const attributes = element.attributes;
  const checks = entry.attributes;
  for (const name in attributes) {
    // Own attributes only (never a name inherited from a polluted Object.prototype).
    if (!Object.hasOwn(attributes, name)) continue;
    const check = checks.get(name);
    const documented = check === undefined ? entry.helperNames?.get(name) : undefined;
    if (documented !== undefined) {
      report(
        'helper-spelling',
        `<${tag}> ${name} is the official helper's spelling; Twilio's docs spell it ${documented} (Twilio does not read ${name})`,
      );
      const problem = checks.get(documented)!(attributes[name], tag, name);
      if (problem !== undefined) reportValue(problem);
    } else if (check === undefined) {
      const known = [...checks.keys()];
      report(
        'unknown-attribute',
        known.length === 0
          ? `<${tag}> has no attributes; remove ${name}`
          : `<${tag}> has no attribute ${name}${didYouMean(name, known)}`,
      );
    } else if (check !== ANY) {
      const problem = check(attributes[name], tag, name);
      if (problem !== undefined) reportValue(problem);
    }
  }
  const required = entry.required;
  for (let i = 0; i < required.length; i++) {
    if (!Object.hasOwn(attributes, required[i]))
      report('missing-attribute', `<${tag}> needs the ${required[i]} attribute`);
  }

  const children: readonly TwiMLChild[] = element.children;
  let text: string | undefined;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (typeof child === 'string') {
      text = text === undefined ? child : text + child;
    } else if (child.type !== COMMENT && !entry.children.has(child.type)) {
      const allowed = [...entry.children];
      if (compiled(child.type) === undefined) {
        report('unknown-element', `<${child.type}> is not a TwiML element${didYouMeanChild(child.type, allowed)}`, i);
      } else {
        report(
          'invalid-child',
          allowed.length === 0
            ? `<${child.type}> cannot be inside <${tag}>, which holds no elements`
            : `<${child.type}> cannot be inside <${tag}>; allowed: ${listForMessage(allowed, 30)}${didYouMeanChild(child.type, allowed)}`,
          i,
        );
      }
    }
  }
  checkText(element, entry, text);
}

/**
 * The issues of one element, or `undefined` when it has none. `entry` is its compiled table,
 * `undefined` for a tag TwiML does not have: such an element is reported by its parent, which
 * knows what may stand there (and a root other than `<Response>` is reported as such).
 */
export function localIssues(element: TwiMLElement, entry: Compiled | undefined): Issue[] | undefined {
  found = undefined;
  if (entry === undefined) return undefined;
  const tag = entry.tag;
  if (entry.special) checkSpecial(element, entry);

  // An element built from JSX props whose own values the vocabulary's fast predicates all
  // accepted needs only the checks above (deprecation, limits on children) and its rules
  // (runtime/build.ts).
  if (!acceptedWhenBuilt(element)) checkOwnValues(element, entry);
  const rules = entry.rules;
  if (rules !== undefined) for (let i = 0; i < rules.length; i++) rules[i](element, report);
  return found;
}
