/**
 * `validate()`: one walk over the tree. Each element is checked on its own (`local.ts`: its
 * attributes, text, children's kinds and rules); the walk adds the paths, and what only the
 * whole document can tell: its root, whether it can be written as XML, and its size.
 */
import { COMMENT, FRAGMENT } from '../runtime/brand.js';
import { describeValue } from '../runtime/describe.js';
import { type TwiMLElement, isElement, memoOf, positionOf, remember } from '../runtime/element.js';
import { segmentOf, siblingSegments } from '../runtime/path.js';
import { PROBLEM_CODES } from './codes.js';
import { compiled } from './compile.js';
import { type Issue, localIssues } from './local.js';
import type { Problem } from './problem.js';
import { treeSizeProblem } from './size.js';
import { unwritableProblem } from './unwritable.js';

const NONE: readonly Problem[] = [];

function problemOf(issue: Issue, path: string, target: TwiMLElement): Problem {
  const info = PROBLEM_CODES[issue.code];
  return {
    severity: issue.severity ?? info.severity,
    code: issue.code,
    message: issue.message,
    path,
    ...('twilioCode' in info ? { twilioCode: info.twilioCode } : {}),
    ...positionOf(target),
  };
}

/** `problem` with `prefix` put before its path (`''` is the subtree's own root). */
function under(prefix: string, problem: Problem): Problem {
  return { ...problem, path: problem.path === '' ? prefix : prefix + ' > ' + problem.path };
}

/**
 * The problems of `element` and of everything below it, in document order, with paths relative
 * to `element` (`''` for itself). No check looks above the element it checks, so the result
 * belongs to the subtree: elements built here keep it, and a subtree reused in many documents
 * (a module-level constant) is checked once.
 */
function subtreeProblems(element: TwiMLElement): readonly Problem[] {
  if (element.type === COMMENT) return NONE;
  const known = memoOf(element) as readonly Problem[] | undefined;
  if (known !== undefined) return known;
  let found: Problem[] | undefined;
  const entry = compiled(element.type);
  const issues = localIssues(element, entry);
  // The issues on children, by child index (linear however many there are).
  let byChild: Map<number, Issue[]> | undefined;
  if (issues !== undefined) {
    for (const issue of issues) {
      if (issue.child === undefined) {
        (found ??= []).push(problemOf(issue, '', element));
        continue;
      }
      const list = (byChild ??= new Map()).get(issue.child);
      if (list === undefined) byChild.set(issue.child, [issue]);
      else list.push(issue);
    }
  }
  // An unknown element's children are not looked at: what they may hold is unknown too.
  if (entry !== undefined) {
    const children = element.children;
    // Path segments of the children, worked out for all at once when the first one is needed.
    let segments: string[] | undefined;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (typeof child === 'string') continue;
      const below = subtreeProblems(child);
      const own = byChild?.get(i);
      if (own === undefined && below.length === 0) continue;
      const segment = (segments ??= siblingSegments(children))[i];
      if (own !== undefined) for (const issue of own) (found ??= []).push(problemOf(issue, segment, child));
      for (const problem of below) (found ??= []).push(under(segment, problem));
    }
  }
  const result = found ?? NONE;
  remember(element, result);
  return result;
}

/**
 * The root elements of a document (with their paths; every root after the first with its
 * `multiple-roots` problem) and what else is wrong with its shape as XML (text around the root,
 * no root).
 */
interface DocumentShape {
  readonly roots: readonly { readonly element: TwiMLElement; readonly path: string; readonly problem?: Problem }[];
  readonly problems: readonly Problem[];
}

/**
 * The shape of a document as XML: one root element, nothing but comments and whitespace around
 * it. These are the only checks `render(…, { validate: false })` keeps (with the characters and
 * names XML cannot carry, which the writer refuses).
 */
function documentShape(node: TwiMLElement): DocumentShape {
  if (node.type !== FRAGMENT && node.type !== COMMENT)
    return { roots: [{ element: node, path: node.type }], problems: [] };
  const children = node.type === COMMENT ? [node] : node.children;
  const problems: Problem[] = [];
  const indexes: number[] = [];
  children.forEach((child, index) => {
    if (typeof child === 'string') {
      if (child.trim() !== '') {
        problems.push({
          severity: 'error',
          code: 'text-outside-root',
          message: `text ${JSON.stringify(child.trim().slice(0, 40))} outside <Response>; put it in a <Say> or <Message>`,
          path: '',
        });
      }
    } else if (child.type !== COMMENT) {
      indexes.push(index);
    }
  });
  if (indexes.length === 0) {
    problems.push({
      severity: 'error',
      code: 'root-not-response',
      message: 'the document is empty; it needs a <Response> element',
      path: '',
    });
  }
  const roots = indexes.map((index, n) => {
    const element = children[index] as TwiMLElement;
    const path = segmentOf(children, index);
    if (n === 0) return { element, path };
    const problem: Problem = {
      severity: 'error',
      code: 'multiple-roots',
      message: `a document has one root element; found ${indexes.length} (${indexes
        .map((i) => `<${(children[i] as TwiMLElement).type}>`)
        .join(', ')}). Put everything inside one <Response>`,
      path,
      ...positionOf(element),
    };
    return { element, path, problem };
  });
  return { roots, problems };
}

/** What makes a document not well-formed XML as a whole (no root, several, text outside it). */
export function shapeProblems(node: TwiMLElement): readonly Problem[] {
  const { roots, problems } = documentShape(node);
  if (roots.length <= 1) return problems; // the usual document: no root with a problem of its own
  return [...problems, ...roots.flatMap((root) => (root.problem === undefined ? [] : [root.problem]))];
}

/** The problems of a tree, in document order. */
class Collector {
  readonly problems: Problem[] = [];

  /** The document: one `<Response>`, nothing but comments and whitespace around it. */
  document(node: TwiMLElement): void {
    // The usual document: one root element, nothing around it.
    if (node.type !== FRAGMENT && node.type !== COMMENT) {
      this.root(node, node.type);
      return;
    }
    const { roots, problems } = documentShape(node);
    // The document's own problems first; then each root, its multiple-roots problem before its tree.
    this.problems.push(...problems);
    for (const { element, path, problem } of roots) {
      if (problem !== undefined) this.problems.push(problem);
      this.root(element, path);
    }
  }

  private root(element: TwiMLElement, path: string): void {
    if (element.type !== 'Response') {
      this.problems.push({
        severity: 'error',
        code: 'root-not-response',
        message: `the root element must be <Response>, not <${element.type}>; wrap the flow in <Response>…</Response>`,
        path: element.type,
        ...positionOf(element),
      });
    }
    for (const problem of subtreeProblems(element)) this.problems.push(under(path, problem));
  }
}

/** The structural checks alone (no writing): what `render()` runs before it writes. */
export function validateStructure(node: TwiMLElement): Problem[] {
  const collector = new Collector();
  collector.document(node);
  return collector.problems;
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
  const size = treeSizeProblem(node);
  if (size === null) problems.push(unwritableProblem(node));
  else if (size !== undefined) problems.push(size);
  return problems;
}
