import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { PackageSchemaError } from "./package-schema-error";

// Why this file exists: the descriptions of the package schema are the JSDoc the TypeScript
// resources already carry (HelpdeskNotificationArgs, the HelpdeskNotification class, the enum
// tables...). Reading them from the sources, rather than copying them into the schema by hand,
// keeps one text for both. Dev-time only: `npm run schema` and the schema test use it; the
// plugin itself reads the committed schema.json and never loads the TypeScript compiler.
// Syntactic only (one file at a time, no type checker), so it runs in milliseconds.

/** The JSDoc of each member of one declaration, by member name. */
export type MemberDocs = Readonly<Record<string, string>>;

/** A declaration's own JSDoc and its members'. */
export interface DeclarationDocs {
  readonly doc: string;
  readonly members: MemberDocs;
}

/** `{@link X}` and `{@link X | text}` as plain text, `@default v` as a sentence; trimmed. */
function plain(text: string, defaultValue: string | undefined): string {
  const body = text
    .replace(/\{@link\s+([^}|\s]+)\s*\|\s*([^}]+)\}/g, "$2")
    .replace(/\{@link\s+([^}\s]+)\s*\}/g, "$1")
    .trim();
  return defaultValue === undefined ? body : `${body}\nDefault: ${defaultValue}.`;
}

function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs[docs.length - 1];
  if (last === undefined) return "";
  const defaultTag = last.tags?.find((tag) => tag.tagName.text === "default");
  const internal = last.tags?.some((tag) => tag.tagName.text === "internal");
  if (internal) return "";
  return plain(
    ts.getTextOfJSDocComment(last.comment) ?? "",
    defaultTag && ts.getTextOfJSDocComment(defaultTag.comment),
  );
}

const nameText = (name: ts.PropertyName | ts.BindingName | undefined): string | undefined =>
  name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;

function membersOf(node: ts.Node): MemberDocs {
  const members: Record<string, string> = {};
  const visit = (member: ts.Node) => {
    if (
      ts.isPropertySignature(member) ||
      ts.isPropertyDeclaration(member) ||
      ts.isPropertyAssignment(member) ||
      ts.isMethodSignature(member)
    ) {
      const name = nameText(member.name);
      const isStatic =
        ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
      if (name !== undefined && !isStatic) members[name] = docOf(member);
    }
  };
  if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) node.members.forEach(visit);
  if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) node.type.members.forEach(visit);
  if (ts.isVariableStatement(node)) {
    let init = node.declarationList.declarations[0]?.initializer;
    while (init !== undefined && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init))) init = init.expression;
    if (init !== undefined && ts.isObjectLiteralExpression(init)) init.properties.forEach(visit);
  }
  return members;
}

function declarationName(node: ts.Node): string | undefined {
  if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isTypeAliasDeclaration(node))
    return node.name?.text;
  if (ts.isFunctionDeclaration(node)) return node.name?.text;
  if (ts.isVariableStatement(node)) return nameText(node.declarationList.declarations[0]?.name);
  return undefined;
}

/**
 * The JSDoc of the named top-level declarations of `file` (relative to the repo), and of their
 * members. Throws if one is missing, so a rename fails the schema test instead of dropping text.
 */
export function declarationDocs(
  repo: string,
  file: string,
  names: readonly string[],
): Readonly<Record<string, DeclarationDocs>> {
  const text = fs.readFileSync(path.join(repo, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: Record<string, DeclarationDocs> = {};
  for (const statement of source.statements) {
    const name = declarationName(statement);
    // An overloaded function: the first signature with a body-less doc wins; later ones are ignored.
    if (name !== undefined && names.includes(name) && found[name] === undefined)
      found[name] = { doc: docOf(statement), members: membersOf(statement) };
  }
  const missing = names.filter((name) => found[name] === undefined);
  if (missing.length > 0) throw new PackageSchemaError(`${file} declares no ${missing.join(", ")}`);
  return found;
}
