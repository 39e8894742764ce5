/**
 * The `.d.ts` files of dist/: tsc's declaration emit (tsconfig.build.json), plus the JSDoc of every
 * vocabulary attribute wherever an element table's type is written out.
 *
 * Why the second part: component props are a mapped type over a table's `attributes`, so an editor
 * shows the JSDoc of the property it maps. tsc keeps that JSDoc only when it prints a type in the
 * file that declares the property: it drops it from the inferred types it prints elsewhere
 * (`export const Gather = component(v.Gather)` in runtime/components.d.ts) and from properties a
 * table takes by spread (`...recordingCallbacks`). The consumer's editor then finds no docs. Here
 * every `ElementSpec<"Tag", { … }>` written in a declaration file gets, above each attribute, the
 * JSDoc comment its table row has in src/ — the same comment, whatever file the type lands in.
 * test/package-hover.test.ts checks the result in an installed package with the language service.
 */
import { join } from 'node:path';
import ts from 'typescript';

/** The raw JSDoc comment (`/** … *\/`) above each attribute, by tag and prop name. */
type AttributeComments = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The JSDoc comment written directly above a declaration, as in the source. */
function jsDocCommentOf(declaration: ts.Node): string | undefined {
  const text = declaration.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, declaration.getFullStart()) ?? [];
  const last = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  return last && text.slice(last.pos, last.end);
}

/** Reads the JSDoc of every attribute of every table of `vocabulary` (src/vocabulary/index.ts). */
function attributeComments(program: ts.Program, vocabularyFile: string): AttributeComments {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(vocabularyFile);
  if (!source) throw new Error(`declarations: ${vocabularyFile} is not part of the program`);
  const module = checker.getSymbolAtLocation(source);
  const vocabulary = module && checker.getExportsOfModule(module).find((s) => s.name === 'vocabulary');
  if (!vocabulary) throw new Error(`declarations: ${vocabularyFile} exports no \`vocabulary\``);
  const comments = new Map<string, Map<string, string>>();
  for (const table of checker.getTypeOfSymbol(vocabulary).getProperties()) {
    const type = checker.getTypeOfSymbol(table);
    const tag = type.getProperty('tag');
    const attributes = type.getProperty('attributes');
    if (!tag || !attributes) continue;
    const tagType = checker.getTypeOfSymbol(tag);
    if (!tagType.isStringLiteral()) throw new Error(`declarations: the tag of ${table.name} is not a string literal`);
    const byProp = new Map<string, string>();
    for (const attribute of checker.getTypeOfSymbol(attributes).getProperties()) {
      const declaration = attribute.declarations?.[0];
      const comment = declaration && jsDocCommentOf(declaration);
      if (comment) byProp.set(attribute.name, comment);
    }
    comments.set(tagType.value, byProp);
  }
  return comments;
}

/**
 * The comment as a synthetic comment's text (what goes between `/*` and `*\/`): continuation
 * lines start with ` *`, so the printer indents them like the property they document.
 */
function syntheticText(comment: string): string {
  const lines = comment.slice(2, -2).split('\n');
  if (lines.length === 1) return lines[0];
  return lines.map((line, i) => (i === 0 ? line.trimEnd() : ' ' + line.trim())).join('\n');
}

/** `ElementSpec<"Tag", { … }, …>` (or `import("…").ElementSpec<…>`): the tag and the attributes literal. */
function elementSpecParts(node: ts.Node): { tag: string; attributes: ts.TypeLiteralNode } | undefined {
  let name: ts.EntityName | undefined;
  let args: ts.NodeArray<ts.TypeNode> | undefined;
  if (ts.isTypeReferenceNode(node)) [name, args] = [node.typeName, node.typeArguments];
  else if (ts.isImportTypeNode(node)) [name, args] = [node.qualifier, node.typeArguments];
  const last = name && (ts.isQualifiedName(name) ? name.right : name);
  if (!last || last.text !== 'ElementSpec' || !args || args.length < 2) return undefined;
  const [tag, attributes] = args;
  if (!ts.isLiteralTypeNode(tag) || !ts.isStringLiteral(tag.literal) || !ts.isTypeLiteralNode(attributes))
    return undefined;
  return { tag: tag.literal.text, attributes };
}

/**
 * A declaration transformer that puts each attribute's JSDoc above its property in every
 * `ElementSpec<"Tag", { … }>` of the file. The property's own comment range (kept by tsc when the
 * table is declared in the same file) is dropped first, so no comment is written twice.
 */
function documentAttributes(comments: AttributeComments): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  return (context) => {
    const visit = (node: ts.Node): ts.Node => {
      const parts = elementSpecParts(node);
      const byProp = parts && comments.get(parts.tag);
      if (parts && byProp) {
        for (const member of parts.attributes.members) {
          if (!ts.isPropertySignature(member)) continue;
          const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
          const comment = name === undefined ? undefined : byProp.get(name);
          if (!comment) continue;
          ts.setCommentRange(member, { pos: -1, end: -1 });
          ts.setSyntheticLeadingComments(member, [
            {
              kind: ts.SyntaxKind.MultiLineCommentTrivia,
              text: syntheticText(comment),
              hasTrailingNewLine: true,
              pos: -1,
              end: -1,
            },
          ]);
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => ts.visitNode(file, visit) as ts.SourceFile | ts.Bundle;
  };
}

/**
 * Emits the declarations of `tsconfig` (a path relative to `root`), documented as above. Throws
 * with tsc's messages when the program has errors.
 */
export function emitDeclarations(root: string, tsconfig: string, vocabularyFile: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, tsconfig), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`declarations: cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const transformer = documentAttributes(attributeComments(program, join(root, vocabularyFile)));
  const result = program.emit(undefined, undefined, undefined, true, { afterDeclarations: [transformer] });
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
  if (diagnostics.length > 0) {
    throw new Error(
      ts.formatDiagnostics(diagnostics, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => root,
        getNewLine: () => '\n',
      }),
    );
  }
}
