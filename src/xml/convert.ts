/**
 * `toTsx()`: an element tree (e.g. from `parse()`) as a `.tsx` module whose default export
 * renders the same document. Used by `twiml-jsx convert` to migrate TwiML Bins and XML files.
 */
import {
  COMMENT,
  componentNameOf,
  FRAGMENT,
  isElement,
  specOf,
  type AttributeSpec,
  type TwiMLChild,
  type TwiMLElement,
} from '../core.js';

export interface ToTsxOptions {
  /**
   * Name of the exported function component.
   * @default Flow
   */
  readonly name?: string;
  /**
   * One level of indentation.
   * @default two spaces
   */
  readonly indent?: string;
}

/** Text JSX can hold as is, on one line: no braces, angle brackets, entities or line breaks. */
const PLAIN_TEXT = /^[^{}<>&\r\n\t\u2028\u2029]*$/;
/** An attribute value that can sit between double quotes in JSX as is. */
const PLAIN_VALUE = /^[^"&\\\r\n\t{}\u2028\u2029]*$/;
/** A JSX attribute name (hyphens allowed). */
const JSX_NAME = /^[A-Za-z_$][\w$-]*$/;
const CANONICAL_NUMBER = (v: string) => v.trim() !== '' && String(Number(v)) === v;

const literal = (value: string) => JSON.stringify(value);

/** The JSX for one attribute value, typed the way the component's prop expects it. */
function attributeExpression(spec: AttributeSpec | undefined, value: string): string {
  switch (spec?.kind) {
    case 'integer':
    case 'number':
      if (CANONICAL_NUMBER(value)) return `{${value}}`;
      break;
    case 'boolean':
      if (value === 'true' || value === 'false') return `{${value}}`;
      break;
    case 'list': {
      const items = value.split(' ');
      if (spec.items === 'integer' && items.every(CANONICAL_NUMBER)) return `{[${items.join(', ')}]}`;
      if (spec.items !== 'integer' && value !== '') return `{[${items.map(literal).join(', ')}]}`;
      break;
    }
    case 'enum':
      // A value that may be a number of seconds (speechTimeout) is a number prop.
      if (/^\d+$/.test(value) && spec.pattern?.test(value) && !spec.values?.includes(value)) return `{${value}}`;
      break;
  }
  return PLAIN_VALUE.test(value) ? `"${value}"` : `{${literal(value)}}`;
}

class Writer {
  readonly used = new Set<string>();

  constructor(private readonly indent: string) {}

  private tagName(element: TwiMLElement): string {
    if (element.type === COMMENT) {
      this.used.add('Comment');
      return 'Comment';
    }
    const name = componentNameOf(element.type);
    if (name === undefined) {
      throw new Error(`twiml-jsx: cannot convert <${element.type}>: TwiML has no such element`);
    }
    this.used.add(name);
    return name;
  }

  private attributes(element: TwiMLElement): string {
    if (element.type === COMMENT) return '';
    const spec = specOf(element.type);
    const byXml = new Map<string, [string, AttributeSpec]>();
    for (const [prop, attribute] of Object.entries(spec?.attributes ?? {}))
      byXml.set(attribute.xml ?? prop, [prop, attribute]);
    let out = '';
    for (const [xml, value] of Object.entries(element.attributes)) {
      const known = byXml.get(xml);
      const name = known ? known[0] : xml;
      if (!JSX_NAME.test(name)) {
        out += ` {...{ ${literal(name)}: ${literal(value)} }}`;
      } else {
        const expression = attributeExpression(known?.[1], value);
        out += expression === '{true}' ? ` ${name}` : ` ${name}=${expression}`;
      }
    }
    return out;
  }

  private inlineChild(child: TwiMLChild): string {
    if (typeof child !== 'string') return this.inline(child);
    return PLAIN_TEXT.test(child) && child.trim() !== '' ? child : `{${literal(child)}}`;
  }

  /** One element on one line: used wherever text is involved, so whitespace stays exact. */
  inline(element: TwiMLElement): string {
    if (element.type === FRAGMENT) return `<>${element.children.map((c) => this.inlineChild(c)).join('')}</>`;
    const name = this.tagName(element);
    const open = `<${name}${this.attributes(element)}`;
    if (element.children.length === 0) return element.type === COMMENT ? `<Comment>{''}</Comment>` : `${open} />`;
    return `${open}>${element.children.map((c) => this.inlineChild(c)).join('')}</${name}>`;
  }

  /** An element and its children, indented; elements that hold text are written inline. */
  block(element: TwiMLElement, depth: number): string {
    const pad = this.indent.repeat(depth);
    const children = element.children;
    if (children.length === 0 || children.some((c) => typeof c === 'string')) return pad + this.inline(element);
    const inner = children.map((c) => this.block(c as TwiMLElement, depth + 1)).join('\n');
    if (element.type === FRAGMENT) return `${pad}<>\n${inner}\n${pad}</>`;
    const name = this.tagName(element);
    return `${pad}<${name}${this.attributes(element)}>\n${inner}\n${pad}</${name}>`;
  }
}

/**
 * Writes a tree as a `.tsx` module: imports, then a default-exported component returning the
 * document. Compiling it and rendering its default export gives the same TwiML back.
 *
 * @example
 * toTsx(parse('<Response><Say voice="man">Hi</Say></Response>'))
 * // import { Response, Say } from 'twiml-jsx';
 * //
 * // export default function Flow() {
 * //   return (
 * //     <Response>
 * //       <Say voice="man">Hi</Say>
 * //     </Response>
 * //   );
 * // }
 */
export function toTsx(node: TwiMLElement, options?: ToTsxOptions): string {
  if (!isElement(node)) throw new TypeError('twiml-jsx: toTsx() expects an element, e.g. from parse()');
  const indent = options?.indent ?? '  ';
  const name = options?.name ?? 'Flow';
  const writer = new Writer(indent);
  const body = writer.block(node, 2);
  const imports = [...writer.used].sort();
  return [
    `import { ${imports.join(', ')} } from 'twiml-jsx';`,
    '',
    `export default function ${name}() {`,
    `${indent}return (`,
    body,
    `${indent});`,
    '}',
    '',
  ].join('\n');
}
