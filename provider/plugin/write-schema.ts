import * as fs from "node:fs";
import * as path from "node:path";
import { buildSchema } from "./package-schema";
import { PackageSchemaError } from "./package-schema-error";
import { collectSchemaDocs } from "./schema-docs";

// `npm run schema`: writes provider/plugin/schema.json from the TypeScript tables and JSDoc.
// The schema test fails until it is rerun after a change to either.

/** The repo: where package.json is, above this file (or its bundle under .pulumi-local/). */
export function repoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "provider"))) return dir;
    if (path.dirname(dir) === dir) throw new PackageSchemaError(`no repo above ${from}`);
  }
}

/** The schema as schema.json holds it: two-space JSON with a final newline. */
export function schemaText(repo: string): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { version: string };
  return `${JSON.stringify(buildSchema(collectSchemaDocs(repo), version), null, 2)}\n`;
}

/** Where the committed schema lives. */
export const SCHEMA_FILE = path.join("provider", "plugin", "schema.json");

if (require.main === module) {
  const repo = repoRoot(__dirname);
  fs.writeFileSync(path.join(repo, SCHEMA_FILE), schemaText(repo));
  console.log(`wrote ${SCHEMA_FILE}`);
}
