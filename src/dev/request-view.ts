/**
 * One webhook exchange as the page shows it: the TwiML answered, pretty-printed one element per
 * line with each line's element path (so the elements that problems name can be highlighted),
 * or the beginning of a body that is not XML.
 */
import {
  COMMENT,
  FRAGMENT,
  type Problem,
  render,
  segmentOf,
  type TwiMLElement,
  validate,
  writeAttribute,
} from '../core.js';
import type { SimulatedRequest } from '../testing/index.js';
import { parse, XmlParseError } from '../xml/index.js';
import type { DocumentLine, RequestView } from './protocol.js';

/** Characters of a body shown when it is not a TwiML document. */
export const BODY_START = 2000;

/**
 * A request as the simulator reports it (`SimulatedRequest`); what a view can do without is
 * optional, so an exchange reported without it still shows.
 */
export type ReportedRequest = Pick<SimulatedRequest, 'method' | 'url' | 'params' | 'status' | 'contentType' | 'body'> &
  Partial<Pick<SimulatedRequest, 'problems' | 'label' | 'cause' | 'error' | 'startedAt' | 'durationMs'>>;

/** The element lines of `node` at `depth`, under `parent`'s path. */
function linesOf(node: TwiMLElement, depth: number, path: string, out: DocumentLine[]): void {
  if (node.type === COMMENT) {
    out.push({ depth, text: `<!-- ${node.children.join('')} -->`, path });
    return;
  }
  if (node.children.length === 0 || node.children.some((c) => typeof c === 'string')) {
    // One line, as render() writes elements that hold text.
    out.push({ depth, text: render(node, { validate: false, declaration: false }), path });
    return;
  }
  const attributes = Object.entries(node.attributes)
    .map(([name, value]) => ` ${name}="${writeAttribute(value) ?? value}"`)
    .join('');
  out.push({ depth, text: `<${node.type}${attributes}>`, path });
  node.children.forEach((child, index) => {
    linesOf(child as TwiMLElement, depth + 1, `${path} > ${segmentOf(node.children, index)}`, out);
  });
  out.push({ depth, text: `</${node.type}>`, path });
}

/** A parsed document as lines, each with its element's path as problems name it. */
export function documentLines(document: TwiMLElement): DocumentLine[] {
  const out: DocumentLine[] = [];
  if (document.type === FRAGMENT) {
    document.children.forEach((child, index) => {
      if (typeof child === 'string') {
        if (child.trim() !== '') out.push({ depth: 0, text: child.trim(), path: '' });
      } else linesOf(child, 0, segmentOf(document.children, index), out);
    });
  } else linesOf(document, 0, document.type, out);
  return out;
}

/**
 * `lines` with the lines that `problems` name marked: a problem's element, or the line that holds
 * it when it is written inside another element's line (SSML inside a `<Say>`).
 */
export function markProblems(lines: readonly DocumentLine[], problems: readonly Problem[]): DocumentLine[] {
  const paths = new Set(lines.map((line) => line.path));
  const marked = new Set<string>();
  for (const { path } of problems) {
    let at = path;
    while (at !== '' && !paths.has(at)) at = at.includes(' > ') ? at.slice(0, at.lastIndexOf(' > ')) : '';
    if (at !== '') marked.add(at);
  }
  return lines.map((line) => (marked.has(line.path) ? { ...line, marked: true } : line));
}

/** Where a request sits: its conversation, whether it is the first, and the app's origin. */
export interface RequestContext {
  readonly id: number;
  readonly conversation: string;
  readonly first: boolean;
  /** The origin of the app's own URLs, shown as paths. */
  readonly origin: string;
}

/** The URL without the app's own origin. */
export function displayUrl(url: string, origin: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(origin).origin ? parsed.pathname + parsed.search : url;
  } catch {
    return url;
  }
}

/** `METHOD path` (query string left out; another origin's URLs keep their origin). */
export function nodeOf(method: string, url: string, origin: string): string {
  try {
    const parsed = new URL(url);
    const own = parsed.origin === new URL(origin).origin;
    return `${method} ${own ? parsed.pathname : parsed.origin + parsed.pathname}`;
  } catch {
    return `${method} ${url}`;
  }
}

/** What the page shows of one exchange. */
export function viewOf(request: ReportedRequest, context: RequestContext): RequestView {
  const base = {
    id: context.id,
    conversation: context.conversation,
    first: context.first,
    method: request.method,
    url: request.url,
    display: displayUrl(request.url, context.origin),
    node: nodeOf(request.method, request.url, context.origin),
    params: request.params,
    status: request.status,
    contentType: request.contentType,
    startedAt: request.startedAt ?? Date.now(),
    ...(request.durationMs !== undefined ? { durationMs: request.durationMs } : {}),
    ...(request.label !== undefined ? { label: request.label } : {}),
    ...(request.cause !== undefined ? { cause: request.cause } : {}),
    ...(request.error !== undefined ? { error: request.error } : {}),
  };
  const body = request.body ?? '';
  // An error status is shown as it came (an error page), whatever its type; an answer with a
  // TwiML content type, or that looks like XML, as TwiML.
  const answered = request.status >= 200 && request.status < 300;
  const xml = /^(text|application)\/xml\b|^text\/html\b/i.test(request.contentType) || /^\s*</.test(body);
  if (answered && xml && body.trim() !== '') {
    try {
      const document = parse(body);
      const problems = request.problems ?? validate(document);
      return { ...base, problems, document: markProblems(documentLines(document), problems) };
    } catch (error) {
      if (!(error instanceof XmlParseError)) throw error;
    }
  }
  return {
    ...base,
    problems: request.problems ?? [],
    bodyStart: body.slice(0, BODY_START),
    ...(body.length > BODY_START ? { bodyMore: body.length - BODY_START } : {}),
  };
}
