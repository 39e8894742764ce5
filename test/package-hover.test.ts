/**
 * What an editor shows a user of the installed package: the TypeScript language service (the
 * engine behind VS Code's hover and completions) over consumer `.tsx` files in a project that
 * installed the packed tarball (NodeNext, `jsxImportSource: twiml-jsx`).
 *
 * - Hover: every attribute of every element shows the JSDoc of its table row in src/ (text,
 *   `@default`, `@see`), read from the installed `.d.ts`. A control strips that JSDoc from the
 *   declarations the components are typed by, as plain tsc emits them, and the same check must
 *   then fail for every attribute (so it cannot pass vacuously).
 * - Completions: known voices, languages, methods and inputs are offered, while a voice or
 *   language Twilio adds later (`Polly.${string}`, any language tag) still compiles.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vocabulary } from '../src/vocabulary/index.js';
import { type PackedProject, packAndInstall } from './support/packed.js';

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    jsx: 'react-jsx',
    jsxImportSource: 'twiml-jsx',
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['attributes.tsx', 'completions.tsx', 'open.tsx'],
};

/** Source text with `¦` markers: the text without them, and the markers' offsets. */
function marked(source: string): { text: string; marks: number[] } {
  const [first, ...rest] = source.split('¦');
  let text = first;
  const marks: number[] = [];
  for (const part of rest) {
    marks.push(text.length);
    text += part;
  }
  return { text, marks };
}

/** Every attribute of every element, each on its own line (values do not matter for hover). */
function attributesFile(): { text: string; positions: Map<string, number> } {
  const names = Object.keys(vocabulary);
  let text = `import { ${names.join(', ')} } from 'twiml-jsx';\n\n`;
  const positions = new Map<string, number>();
  for (const [name, spec] of Object.entries(vocabulary)) {
    text += `export const ${name}Element = (\n  <${name}\n`;
    for (const prop of Object.keys(spec.attributes)) {
      text += '    ';
      positions.set(`${name}.${prop}`, text.length + 1);
      text += `${prop}={undefined}\n`;
    }
    text += '  />\n);\n';
  }
  return { text, positions };
}

/** Completion requests: element.attribute → offset inside the empty string value. */
const COMPLETIONS = marked(`import { ConversationRelay, Gather, Lang, Say } from 'twiml-jsx';

export const flow = (
  <Gather input="¦" method="¦" language="¦">
    <Say voice="¦" language="¦">
      Hi <Lang xmlLang="¦">salut</Lang>
    </Say>
  </Gather>
);
export const relay = <ConversationRelay url="wss://example.com/relay" language="¦" />;
`);
const COMPLETION_KEYS = [
  'Gather.input',
  'Gather.method',
  'Gather.language',
  'Say.voice',
  'Say.language',
  'Lang.xmlLang',
  'ConversationRelay.language',
];

/** Values Twilio adds later still compile; what is not a voice at all does not. */
const OPEN = `import { Gather, Say } from 'twiml-jsx';

export const later = [
  <Say voice="Polly.SomeVoiceFromNextYear-Neural" language="xx-YY">hi</Say>,
  <Say voice="Google.xx-XX-Chirp9-HD-Nova">hi</Say>,
  <Say voice="ElevenLabs.abcdefghij0123456789">hi</Say>,
  <Say voice="Polly.Joanna" language="en-US">hi</Say>,
  <Gather language="sw-TZ" input="speech" method="GET" />,
];
// @ts-expect-error not a voice: no provider prefix
export const wrong = <Say voice="Amazon.Joanna">hi</Say>;
`;

/** A language service over the project's files, as an editor runs it. */
function languageService(project: string): ts.LanguageService {
  const config = ts.getParsedCommandLineOfConfigFile(join(project, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  })!;
  return ts.createLanguageService(
    {
      getScriptFileNames: () => config.fileNames,
      getScriptVersion: () => '1',
      getScriptSnapshot: (file) =>
        ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)!) : undefined,
      getCurrentDirectory: () => project,
      getCompilationSettings: () => config.options,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
    },
    ts.createDocumentRegistry(),
  );
}

const flatten = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Hover {
  readonly text: string;
  readonly defaultValue?: string;
  readonly see: readonly string[];
}

/** Hover (quick info) on each attribute of the generated file. */
function hovers(ls: ts.LanguageService, file: string, positions: Map<string, number>): Map<string, Hover> {
  const out = new Map<string, Hover>();
  for (const [key, position] of positions) {
    const info = ls.getQuickInfoAtPosition(file, position);
    const tags = info?.tags ?? [];
    const tag = (name: string) =>
      tags.filter((t) => t.name === name).map((t) => flatten(ts.displayPartsToString(t.text)));
    out.set(key, {
      text: flatten(ts.displayPartsToString(info?.documentation)),
      defaultValue: tag('default')[0],
      see: tag('see'),
    });
  }
  return out;
}

/** Attributes whose hover differs from the JSDoc of their table row in src/. */
function mismatches(actual: Map<string, Hover>, expected: Map<string, Hover>): string[] {
  const wrong: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (
      !got ||
      got.text !== want.text ||
      got.defaultValue !== want.defaultValue ||
      JSON.stringify(got.see) !== JSON.stringify(want.see)
    )
      wrong.push(key);
  }
  return wrong;
}

let packed: PackedProject;
let ls: ts.LanguageService;
let expected: Map<string, Hover>;
let generated: ReturnType<typeof attributesFile>;

beforeAll(async () => {
  packed = await packAndInstall({ link: ['typescript'] });
  writeFileSync(join(packed.project, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  generated = attributesFile();
  writeFileSync(join(packed.project, 'attributes.tsx'), generated.text);
  writeFileSync(join(packed.project, 'completions.tsx'), COMPLETIONS.text);
  writeFileSync(join(packed.project, 'open.tsx'), OPEN);
  ls = languageService(packed.project);
  // The JSDoc of the source tables, read through the type checker as an editor of this repo would.
  const { readJsDoc } = await import('../scripts/docs.js');
  expected = readJsDoc().attributes;
}, 180_000);

afterAll(() => packed?.remove());

describe('hover docs on the installed package', () => {
  it('every attribute of every element shows its table row’s JSDoc (text, @default, @see)', () => {
    const file = join(packed.project, 'attributes.tsx');
    const actual = hovers(ls, file, generated.positions);
    expect(actual.size).toBe(expected.size);
    expect(actual.size).toBeGreaterThan(300);
    expect(mismatches(actual, expected)).toEqual([]);
  });

  it.each(['Gather', 'Dial', 'Say', 'Record', 'ConversationRelay'])(
    'every attribute of <%s> has documentation, and a @default where its row has one',
    (name) => {
      const file = join(packed.project, 'attributes.tsx');
      const keys = [...generated.positions.keys()].filter((k) => k.startsWith(`${name}.`));
      expect(keys.length).toBeGreaterThan(2);
      const actual = hovers(ls, file, new Map(keys.map((k) => [k, generated.positions.get(k)!])));
      for (const key of keys) {
        expect(actual.get(key)?.text, key).toMatch(/\w{3,}/);
        if (expected.get(key)?.defaultValue !== undefined) expect(actual.get(key)?.defaultValue, key).toBeTruthy();
      }
    },
  );

  it('shows the issue’s examples: Gather.timeout and numDigits, Dial.record, Say.voice', () => {
    const file = join(packed.project, 'attributes.tsx');
    const keys = ['Gather.timeout', 'Gather.numDigits', 'Dial.record', 'Say.voice'];
    const actual = hovers(ls, file, new Map(keys.map((k) => [k, generated.positions.get(k)!])));
    for (const key of keys) {
      expect(actual.get(key)?.text, key).toMatch(/\w{3,}/);
      expect(actual.get(key), key).toEqual(expected.get(key));
    }
    expect(actual.get('Gather.timeout')?.text).toMatch(/seconds/i);
    for (const key of ['Gather.timeout', 'Dial.record', 'Say.voice'])
      expect(actual.get(key)?.defaultValue, key).toMatch(/\w/);
  });

  it('control: with the attribute JSDoc stripped from the components’ declarations (as plain tsc emits them), the check fails for every attribute', () => {
    const control = join(packed.work, 'control');
    cpSync(packed.project, control, { recursive: true, verbatimSymlinks: true });
    const declarations = join(control, 'node_modules/twiml-jsx/dist/runtime/components.d.ts');
    const original = readFileSync(declarations, 'utf8');
    // Indented comments are the attributes' (inside the printed table types); each component's
    // own JSDoc starts at column 0 and stays.
    const stripped = original.replace(/\n[ \t]+\/\*\*[\s\S]*?\*\//g, '');
    expect(stripped.length).toBeLessThan(original.length);
    writeFileSync(declarations, stripped);
    const actual = hovers(languageService(control), join(control, 'attributes.tsx'), generated.positions);
    const documented = [...expected].filter(([, doc]) => doc.text !== '').map(([key]) => key);
    expect(mismatches(actual, expected).sort()).toEqual(documented.sort());
  });
});

describe('completions on the installed package', () => {
  const completions = () => {
    const file = join(packed.project, 'completions.tsx');
    return new Map(
      COMPLETION_KEYS.map((key, i) => [
        key,
        (ls.getCompletionsAtPosition(file, COMPLETIONS.marks[i], {})?.entries ?? []).map((e) => e.name),
      ]),
    );
  };

  it('offers the known voices of every provider, and the basic ones', () => {
    const voices = completions().get('Say.voice')!;
    expect(voices).toEqual(
      expect.arrayContaining([
        'man',
        'woman',
        'alice',
        'Polly.Joanna',
        'Polly.Joanna-Neural',
        'Polly.Matthew-Generative',
        'Google.en-US-Neural2-F',
        'Google.fr-FR-Standard-A',
        'ElevenLabs.XA2bIQ92TabjGbpO2xRr',
      ]),
    );
    expect(voices.length).toBeGreaterThan(500);
  });

  it('offers known languages, HTTP methods and inputs', () => {
    const all = completions();
    for (const key of ['Say.language', 'Gather.language', 'Lang.xmlLang', 'ConversationRelay.language'])
      expect(all.get(key), key).toEqual(expect.arrayContaining(['en-US', 'fr-FR']));
    expect(all.get('Gather.language')).toEqual(expect.arrayContaining(['sw-TZ', 'cmn-Hans-CN']));
    expect(all.get('Gather.method')!.sort()).toEqual(['GET', 'POST']);
    expect(all.get('Gather.input')!.sort()).toEqual(['dtmf', 'speech']);
  });

  it('still compiles voices and languages outside the known lists, and refuses a voice without a provider', () => {
    const file = join(packed.project, 'open.tsx');
    const diagnostics = [...ls.getSyntacticDiagnostics(file), ...ls.getSemanticDiagnostics(file)];
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });
});
