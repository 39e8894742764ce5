/**
 * `validate()`: one walk over the tree that checks it against the vocabulary tables
 * (structure, attributes, text) and the semantic rules in `rules.ts`.
 */
import { XML_DECLARATION } from '../render/declaration.js';
import { sizeProblem, writeXml } from '../render/write.js';
import {
  COMMENT,
  FRAGMENT,
  type TwiMLChild,
  type TwiMLElement,
  describeValue,
  isElement,
  positionOf,
} from '../runtime/element.js';
import { allTags, specOf } from '../vocabulary/index.js';
import type { AttributeSpec, ElementSpec } from '../vocabulary/spec.js';
import { PROBLEM_CODES, type ProblemCode } from './codes.js';
import { joinPath, segmentOf } from './path.js';
import { type Problem, TwiMLValidationError } from './problem.js';
import { RULES, type RuleContext } from './rules.js';
import { didYouMean, listForMessage } from './suggest.js';
import { deepText, ownText } from './text.js';
import { type ValueProblem, checkAttributeValue, checkTextValue } from './values.js';

/** A table prepared for checking: attributes by XML name, allowed children as a set. */
interface Compiled {
  readonly spec: ElementSpec;
  readonly attributes: ReadonlyMap<string, AttributeSpec>;
  readonly required: readonly string[];
  readonly children: ReadonlySet<string>;
}

const compiled = new Map<string, Compiled>();

function compile(tag: string): Compiled | undefined {
  let entry = compiled.get(tag);
  if (entry === undefined) {
    const spec = specOf(tag);
    if (spec === undefined) return undefined;
    const attributes = new Map<string, AttributeSpec>();
    const required: string[] = [];
    for (const name in spec.attributes) {
      const attribute = spec.attributes[name];
      const xml = attribute.xml ?? name;
      attributes.set(xml, attribute);
      if (attribute.required) required.push(xml);
    }
    entry = { spec, attributes, required, children: new Set(spec.children ?? []) };
    compiled.set(tag, entry);
  }
  return entry;
}

/** A stack frame: an element and its position in its parent. */
interface Frame {
  readonly element: TwiMLElement;
  readonly siblings: readonly TwiMLChild[] | undefined;
  readonly index: number;
}

class Walker {
  readonly problems: Problem[] = [];
  /** The element each problem is about, to sort problems in document order. */
  private readonly targets: (TwiMLElement | undefined)[] = [];
  private readonly stack: Frame[] = [];

  private add(problem: Problem, target: TwiMLElement | undefined): void {
    this.problems.push(problem);
    this.targets.push(target);
  }

  /** Problems in document order (rules on a parent may report on its children first). */
  sorted(root: TwiMLElement): Problem[] {
    if (this.problems.length < 2) return this.problems;
    const order = new Map<TwiMLElement, number>();
    const number = (element: TwiMLElement): void => {
      order.set(element, order.size);
      for (const child of element.children) if (typeof child !== 'string') number(child);
    };
    number(root);
    const rank = (i: number) => {
      const target = this.targets[i];
      return target === undefined ? -1 : (order.get(target) ?? -1);
    };
    return this.problems
      .map((problem, i) => ({ problem, rank: rank(i), i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((entry) => entry.problem);
  }

  private path(extra?: { siblings: readonly TwiMLChild[]; index: number }): string {
    const segments: string[] = [];
    for (const frame of this.stack) {
      segments.push(frame.siblings === undefined ? frame.element.type : segmentOf(frame.siblings, frame.index));
    }
    if (extra) segments.push(segmentOf(extra.siblings, extra.index));
    return joinPath(segments);
  }

  report(
    code: ProblemCode,
    message: string,
    at?: { siblings: readonly TwiMLChild[]; index: number },
    severity?: 'error' | 'warning',
  ): void {
    const info = PROBLEM_CODES[code];
    const target = at ? at.siblings[at.index] : this.stack[this.stack.length - 1]?.element;
    const position = target !== undefined && typeof target !== 'string' ? positionOf(target) : undefined;
    const problem: Problem = {
      severity: severity ?? info.severity,
      code,
      message,
      path: this.path(at),
      ...('twilioCode' in info ? { twilioCode: info.twilioCode } : {}),
      ...position,
    };
    this.add(problem, typeof target === 'string' ? undefined : target);
  }

  private reportValue(problem: ValueProblem): void {
    this.report(problem.code as ProblemCode, problem.message, undefined, problem.severity);
  }

  document(node: TwiMLElement): void {
    if (node.type !== FRAGMENT) {
      this.root(node, undefined, 0);
      return;
    }
    const roots: number[] = [];
    node.children.forEach((child, index) => {
      if (typeof child === 'string') {
        if (child.trim() !== '') {
          this.add(
            {
              severity: 'error',
              code: 'text-outside-root',
              message: `text ${JSON.stringify(child.trim().slice(0, 40))} outside <Response>; put it in a <Say> or <Message>`,
              path: '',
            },
            undefined,
          );
        }
      } else if (child.type !== COMMENT) {
        roots.push(index);
      }
    });
    if (roots.length === 0) {
      this.add(
        {
          severity: 'error',
          code: 'root-not-response',
          message: 'the document is empty; it needs a <Response> element',
          path: '',
        },
        undefined,
      );
    }
    for (const [n, index] of roots.entries()) {
      const root = node.children[index] as TwiMLElement;
      if (n > 0) {
        this.add(
          {
            severity: 'error',
            code: 'multiple-roots',
            message: `a document has one root element; found ${roots.length} (${roots
              .map((i) => `<${(node.children[i] as TwiMLElement).type}>`)
              .join(', ')}). Put everything inside one <Response>`,
            path: segmentOf(node.children, index),
            ...positionOf(root),
          },
          root,
        );
      }
      this.root(root, node.children, index);
    }
  }

  private root(element: TwiMLElement, siblings: readonly TwiMLChild[] | undefined, index: number): void {
    if (element.type !== 'Response') {
      this.add(
        {
          severity: 'error',
          code: 'root-not-response',
          message: `the root element must be <Response>, not <${element.type}>; wrap the flow in <Response>…</Response>`,
          path: element.type,
          ...positionOf(element),
        },
        element,
      );
    }
    this.element(element, undefined, siblings, index);
  }

  private element(
    element: TwiMLElement,
    parent: Compiled | undefined,
    siblings: readonly TwiMLChild[] | undefined,
    index: number,
  ): void {
    const type = element.type;
    if (type === COMMENT) return;
    this.stack.push({ element, siblings: parent === undefined ? undefined : siblings, index });
    try {
      const entry = compile(type);
      if (entry === undefined) {
        this.report('unknown-element', `<${type}> is not a TwiML element${didYouMean(type, allTags())}`);
        return;
      }
      if (parent !== undefined && !parent.children.has(type)) {
        const allowed = [...parent.children];
        this.report(
          'invalid-child',
          allowed.length === 0
            ? `<${type}> cannot be inside <${parent.spec.tag}>, which holds no elements`
            : `<${type}> cannot be inside <${parent.spec.tag}>; allowed: ${listForMessage(allowed, 30)}`,
        );
      }
      this.checkElement(element, entry);
      const rules = RULES[type];
      if (rules !== undefined) {
        const context: RuleContext = {
          parent: this.stack.length > 1 ? this.stack[this.stack.length - 2].element : undefined,
          report: (code, message, at) =>
            this.report(code, message, at === undefined ? undefined : { siblings: element.children, index: at }),
        };
        for (const rule of rules) rule(element, context);
      }
      const children = element.children;
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        if (typeof child !== 'string') this.element(child, entry, children, i);
      }
    } finally {
      this.stack.pop();
    }
  }

  private checkElement(element: TwiMLElement, entry: Compiled): void {
    const { spec } = entry;
    const tag = spec.tag;
    if (spec.deprecated) this.report('deprecated-element', `<${tag}> is deprecated: ${spec.deprecated}`);
    if (spec.undocumented) {
      this.report(
        'undocumented-element',
        `<${tag}> is built by the official helper but not described in Twilio's docs`,
      );
    }

    const attributes = element.attributes;
    for (const name in attributes) {
      const attribute = entry.attributes.get(name);
      if (attribute === undefined) {
        const known = [...entry.attributes.keys()];
        this.report(
          'unknown-attribute',
          known.length === 0
            ? `<${tag}> has no attributes; remove ${name}`
            : `<${tag}> has no attribute ${name}${didYouMean(name, known)}`,
        );
        continue;
      }
      const problem = checkAttributeValue(attribute, attributes[name], tag, name);
      if (problem !== undefined) this.reportValue(problem);
    }
    for (const name of entry.required) {
      if (!(name in attributes)) this.report('missing-attribute', `<${tag}> needs the ${name} attribute`);
    }

    const text = ownText(element);
    const hasText = text.trim() !== '';
    const textSpec = spec.text;
    if (textSpec === undefined) {
      if (hasText) {
        this.report(
          'text-not-allowed',
          `<${tag}> cannot hold text (${JSON.stringify(text.trim().slice(0, 40))})${
            entry.children.has('Say') ? '; put it in a <Say>' : ''
          }`,
        );
      }
    } else if (hasText) {
      const problem = checkTextValue(textSpec, text, tag);
      if (problem !== undefined) this.reportValue(problem);
    } else if (textSpec.required && !this.textExcused(element, textSpec)) {
      const alternatives = [
        ...(textSpec.unlessAttribute ?? []).map((a) => `a ${a} attribute`),
        ...(textSpec.unlessChild === 'any' ? ['child elements'] : (textSpec.unlessChild ?? []).map((c) => `a <${c}>`)),
      ];
      this.report(
        'missing-text',
        `<${tag}> needs ${TEXT_NAMES[textSpec.is]} as its text${alternatives.length ? ` (or ${alternatives.join(' or ')})` : ''}`,
      );
    }

    const limits = spec.childLimits;
    if (limits !== undefined) {
      for (const child in limits) {
        let count = 0;
        for (const c of element.children) if (typeof c !== 'string' && c.type === child) count++;
        if (count > limits[child]) {
          this.report('too-many-children', `<${tag}> holds ${count} <${child}> elements; at most ${limits[child]}`);
        }
      }
    }
  }

  private textExcused(element: TwiMLElement, textSpec: NonNullable<ElementSpec['text']>): boolean {
    if (textSpec.deep && deepText(element).trim() !== '') return true;
    if (textSpec.unlessAttribute?.some((name) => element.attributes[name] !== undefined)) return true;
    const unless = textSpec.unlessChild;
    if (unless === undefined) return false;
    return element.children.some(
      (c) => typeof c !== 'string' && c.type !== COMMENT && (unless === 'any' || unless.includes(c.type)),
    );
  }
}

const TEXT_NAMES: Record<NonNullable<ElementSpec['text']>['is'], string> = {
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

/** The structural checks alone (no writing): what `render()` runs before it writes. */
export function validateStructure(node: TwiMLElement): Problem[] {
  const walker = new Walker();
  walker.document(node);
  return walker.sorted(node);
}

/**
 * Checks a document and returns every problem found (errors and warnings), in document order.
 * An empty array means the document is valid.
 *
 * @example
 * validate(<Response><Gather><Dial>+15551234567</Dial></Gather></Response>)
 * // [{ severity: 'error', code: 'invalid-child', path: 'Response > Gather > Dial',
 * //    message: '<Dial> cannot be inside <Gather>; allowed: Say, Play, Pause' }]
 */
export function validate(node: TwiMLElement): Problem[] {
  if (!isElement(node)) {
    return [
      {
        severity: 'error',
        code: 'root-not-response',
        message: `validate() expects an element such as <Response>…</Response>, got ${describeValue(node)}`,
        path: '',
      },
    ];
  }
  const problems = validateStructure(node);
  try {
    const tooLarge = sizeProblem(XML_DECLARATION + writeXml(node));
    if (tooLarge) problems.push(tooLarge);
  } catch (error) {
    if (!(error instanceof TwiMLValidationError)) throw error;
    problems.push(...error.problems);
  }
  return problems;
}
