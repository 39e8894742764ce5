/**
 * Where a tree cannot be written as XML: the first name, character or comment XML 1.0 cannot
 * carry, in document order, as a problem with its path. Only looked for when writing failed.
 */
import { COMMENT, FRAGMENT } from '../runtime/brand.js';
import type { TwiMLElement } from '../runtime/element.js';
import { joinPath, segmentOf } from '../runtime/path.js';
import { invalidCharacterIndex } from '../xml-text/escape.js';
import { isCommentText } from '../xml-text/markup.js';
import { isSafeName } from '../xml-text/names.js';
import type { Problem } from './problem.js';

function invalidCharacter(owner: string, value: string, index: number, path: string): Problem {
  const code = value.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  return {
    severity: 'error',
    code: 'invalid-character',
    message: `${owner} contains U+${code} at index ${index}, which XML 1.0 cannot carry; remove it`,
    path,
  };
}

function invalidName(name: string, path: string): Problem {
  return { severity: 'error', code: 'invalid-name', message: `${JSON.stringify(name)} is not a valid XML name`, path };
}

/** The problem of the element itself (its name, attributes, or comment text), if any. */
function ownProblem(element: TwiMLElement, path: string): Problem | undefined {
  if (element.type === COMMENT) {
    const text = element.children.join('');
    const index = invalidCharacterIndex(text);
    if (index !== -1) return invalidCharacter('comment', text, index, path);
    if (!isCommentText(text)) {
      return { severity: 'error', code: 'invalid-comment', message: 'a comment cannot contain "--"', path };
    }
    return undefined;
  }
  if (element.type === FRAGMENT) return undefined;
  if (!isSafeName(element.type)) return invalidName(element.type, path);
  const attributes = element.attributes;
  for (const name of Object.keys(attributes)) {
    if (!isSafeName(name)) return invalidName(name, path);
    const index = invalidCharacterIndex(attributes[name]);
    if (index !== -1) return invalidCharacter(`attribute ${name} of <${element.type}>`, attributes[name], index, path);
  }
  return undefined;
}

function firstProblem(element: TwiMLElement, path: readonly string[]): Problem | undefined {
  const at = joinPath(path);
  const own = ownProblem(element, at);
  if (own !== undefined) return own;
  if (element.type === COMMENT) return undefined;
  const children = element.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (typeof child === 'string') {
      const index = invalidCharacterIndex(child);
      if (index !== -1) return invalidCharacter(`the text of <${element.type}>`, child, index, at);
    } else {
      const found = firstProblem(child, [...path, segmentOf(children, i)]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Why `root` cannot be written as XML: the first offending part, with its path. */
export function unwritableProblem(root: TwiMLElement): Problem {
  return (
    firstProblem(root, root.type === FRAGMENT ? [] : [root.type]) ?? {
      severity: 'error',
      code: 'unwritable',
      message: 'the document cannot be written as XML',
      path: '',
    }
  );
}
