/**
 * Generates the reference docs from the vocabulary tables and the problem codes:
 * - docs/vocabulary.md: every element, its children, text and attributes (with their JSDoc);
 * - the problem-codes table in README.md (between the `codes` markers).
 *
 * `npm run docs` writes them; `npm run docs -- --check` (run by the tests) fails if they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import { CODE_DOCS } from '../src/validate/code-docs.js';
import { PROBLEM_CODES } from '../src/validate/codes.js';
import { vocabulary } from '../src/vocabulary/index.js';
import { type SidKind, sidPrefixesText } from '../src/vocabulary/sids.js';
import type { AttributeSpec, ElementSpec } from '../src/vocabulary/spec.js';

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const DOCS = 'https://www.twilio.com/docs/';

/** What the JSDoc of a declaration says: its text, `@default` and `@see` tags. */
export interface JsDoc {
  readonly text: string;
  readonly defaultValue?: string;
  readonly see: readonly string[];
}

/**
 * The JSDoc of every attribute and element table, and of every component, read through the
 * type checker as an editor would (keys: `Gather.numDigits`, `Gather`).
 */
export function readJsDoc(): {
  attributes: Map<string, JsDoc>;
  elements: Map<string, JsDoc>;
  components: Map<string, string>;
} {
  const program = ts.createProgram([root('src/vocabulary/index.ts'), root('src/runtime/components.ts')], {
    strict: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const exportsOf = (file: string) =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(root(file))!)!);
  const flatten = (text: string) => text.replace(/\s+/g, ' ').trim();
  const jsDoc = (symbol: ts.Symbol): JsDoc => {
    const tags = symbol.getJsDocTags(checker);
    const tag = (name: string) =>
      tags.filter((t) => t.name === name).map((t) => flatten(ts.displayPartsToString(t.text)));
    return {
      text: flatten(ts.displayPartsToString(symbol.getDocumentationComment(checker))),
      defaultValue: tag('default')[0],
      see: tag('see'),
    };
  };
  const attributes = new Map<string, JsDoc>();
  const elements = new Map<string, JsDoc>();
  const vocabularySymbol = exportsOf('src/vocabulary/index.ts').find((s) => s.name === 'vocabulary')!;
  for (const element of checker.getTypeOfSymbol(vocabularySymbol).getProperties()) {
    elements.set(element.name, jsDoc(element));
    const table = checker.getTypeOfSymbol(element).getProperty('attributes');
    if (!table) continue;
    for (const attribute of checker.getTypeOfSymbol(table).getProperties()) {
      attributes.set(`${element.name}.${attribute.name}`, jsDoc(attribute));
    }
  }
  const components = new Map<string, string>();
  for (const symbol of exportsOf('src/runtime/components.ts')) {
    components.set(symbol.name, flatten(ts.displayPartsToString(symbol.getDocumentationComment(checker))));
  }
  return { attributes, elements, components };
}

/** A table cell: pipes escaped, bare `<Tag>`s put in code spans (Markdown would drop them as HTML). */
const cell = (text: string) =>
  text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<[A-Za-z!?/][^<>]*>/g, (tag) => `\`${tag}\``)))
    .join('')
    .replace(/\|/g, '\\|');
const code = (text: string) => `\`${text}\``;

function typeOf(spec: AttributeSpec): string {
  const values = (list?: readonly string[]) => (list ?? []).map(code).join(', ');
  switch (spec.kind) {
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'number': {
      const range =
        spec.min !== undefined && spec.max !== undefined
          ? ` ${spec.min}–${spec.max}`
          : spec.min !== undefined
            ? ` ≥ ${spec.min}`
            : spec.max !== undefined
              ? ` ≤ ${spec.max}`
              : '';
      return `${spec.kind === 'integer' ? 'integer' : 'number'}${range}`;
    }
    case 'enum':
      if (spec.values && spec.values.length > 12)
        return `one of ${spec.values.length} values${spec.open ? ' (open)' : ''}`;
      return `${values(spec.values)}${spec.expected ? `, or ${spec.expected}` : ''}${spec.open ? ' (open list)' : ''}`;
    case 'list':
      return spec.items === 'integer' ? 'list of integers' : `list of ${values(spec.values)}`;
    case 'url':
      return `URL${spec.schemes ? ` (${spec.schemes.join('/')})` : ''}${spec.absolute ? ', absolute' : ''}`;
    case 'string':
      if (spec.format?.startsWith('sid:')) return `SID (${sidPrefixesText(spec.format.slice(4) as SidKind, false)}…)`;
      return spec.format ? `string (${spec.format})` : spec.expected ? `string (${spec.expected})` : 'string';
  }
}

function elementSection(name: string, spec: ElementSpec, docs: ReturnType<typeof readJsDoc>): string {
  const lines = [`### \`<${spec.tag}>\` — ${code(name)}`, ''];
  const summary = docs.components.get(name);
  if (summary) lines.push(cell(summary.replace(/ ?@example[\s\S]*$/, '')), '');
  const facts = (docs.elements.get(name)?.see ?? []).map((url) => `Twilio docs: <${url}>`);
  if (spec.text) {
    const unless = [
      ...(spec.text.unlessAttribute ?? []).map((a) => `a ${code(a)} attribute`),
      ...(spec.text.unlessChild === 'any'
        ? ['child elements']
        : (spec.text.unlessChild ?? []).map((c) => `\`<${c}>\``)),
    ];
    facts.push(
      `Text: ${spec.text.is}${spec.text.required ? `, required${unless.length ? ` unless it has ${unless.join(' or ')}` : ''}` : ', optional'}${spec.text.maxLength ? `, at most ${spec.text.maxLength} characters` : ''}`,
    );
  } else {
    facts.push('Text: none');
  }
  facts.push(`Children: ${spec.children?.length ? spec.children.map((c) => `\`<${c}>\``).join(', ') : 'none'}`);
  if (spec.childLimits)
    facts.push(
      `Limits: ${Object.entries(spec.childLimits)
        .map(([tag, n]) => `at most ${n} \`<${tag}>\``)
        .join(', ')}`,
    );
  if (spec.deprecated) facts.push(`Deprecated: ${spec.deprecated}`);
  if (spec.undocumented) facts.push('Not described in Twilio’s docs (the official helper builds it).');
  lines.push(...facts.map((f) => `- ${f}`), '');
  const attributes = Object.entries(spec.attributes);
  if (attributes.length > 0) {
    lines.push('| Prop | XML | Type | Default | Description |', '|---|---|---|---|---|');
    for (const [prop, attribute] of attributes) {
      const doc = docs.attributes.get(`${name}.${prop}`);
      const defaultValue =
        doc?.defaultValue === undefined ? '' : /\s/.test(doc.defaultValue) ? doc.defaultValue : code(doc.defaultValue);
      const see = doc?.see.length ? ` (${doc.see.map((url) => `[source](${url})`).join(', ')})` : '';
      lines.push(
        `| ${code(prop)}${attribute.required ? ' (required)' : ''} | ${attribute.xml ? code(attribute.xml) : ''} | ${cell(typeOf(attribute))} | ${cell(defaultValue)} | ${cell(doc?.text ?? '')}${see} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

export function vocabularyMarkdown(): string {
  const docs = readJsDoc();
  // In the order of src/runtime/components.ts (document, voice verbs, Dial, Pay, Connect, streams, SSML, messaging, fax).
  const specs = vocabulary as Record<string, ElementSpec>;
  const names = [...docs.components.keys()].filter((name) => name in specs);
  const sections = names.map((name) => elementSection(name, specs[name], docs));
  return [
    '# TwiML vocabulary',
    '',
    'Generated by `npm run docs` from the vocabulary tables in `src/vocabulary/`; do not edit by hand.',
    'Each element is a component exported from `twiml-jsx`; props are the TwiML attribute names',
    '(camelCase for XML names that are not identifiers). Allowed children follow Twilio’s docs.',
    '',
    ...sections,
  ].join('\n');
}

export function codesTable(): string {
  const rows = Object.entries(PROBLEM_CODES).map(([name, info]) => {
    const { summary, source } = CODE_DOCS[name as keyof typeof PROBLEM_CODES];
    const twilio = 'twilioCode' in info ? info.twilioCode : '';
    return `| \`${name}\` | ${info.severity} | ${cell(summary)} | ${twilio} | ${source === 'xml' ? 'XML 1.0' : `[${source}](${DOCS}${source})`} |`;
  });
  return ['| Code | Severity | Meaning | Twilio code | Source |', '|---|---|---|---|---|', ...rows].join('\n');
}

const START = '<!-- codes:start (generated by npm run docs) -->';
const END = '<!-- codes:end -->';

export function readmeWithCodes(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return readme.slice(0, start + START.length) + '\n' + codesTable() + '\n' + readme.slice(end);
}

/** The generated files, formatted as prettier would (so `prettier --check` agrees with them). */
export async function generatedFiles(): Promise<[string, string][]> {
  const config = (await prettier.resolveConfig(root('README.md'))) ?? {};
  const format = (text: string) => prettier.format(text, { ...config, parser: 'markdown' });
  return [
    ['docs/vocabulary.md', await format(vocabularyMarkdown())],
    ['README.md', await format(readmeWithCodes(readFileSync(root('README.md'), 'utf8')))],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, content] of await generatedFiles()) {
    const current = readFileSync(root(file), { encoding: 'utf8', flag: 'a+' });
    if (current === content) continue;
    if (check) {
      console.error(`${file} is out of date: run npm run docs`);
      stale = true;
    } else {
      writeFileSync(root(file), content);
      console.log(`wrote ${file}`);
    }
  }
  process.exitCode = stale ? 1 : 0;
}
