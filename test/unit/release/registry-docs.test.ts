import * as fs from "node:fs";
import * as path from "node:path";
import { type DocsSchema, installationPage, registryDocs } from "../../../tools/release/registry-docs";

const repo = path.join(__dirname, "..", "..", "..");
const schema: DocsSchema = JSON.parse(fs.readFileSync(path.join(repo, "provider", "plugin", "schema.json"), "utf8"));

// The Pulumi Registry's two pages are written from the schema (npm run docs, run by npm run schema):
// the committed ones must be what the committed schema gives, so a new setting or resource cannot
// be left out of them.
describe("the registry docs (docs/_index.md, docs/installation-configuration.md)", () => {
  it.each(Object.entries(registryDocs(schema)))("%s is what npm run docs writes from schema.json", (file, text) => {
    expect(fs.readFileSync(path.join(repo, file), "utf8")).toBe(text);
  });

  it("list every setting with its variable and whether it is secret, and every resource and function", () => {
    const install = installationPage(schema);
    for (const [key, variable] of Object.entries(schema.config.variables)) {
      const env = /Environment variable: (\w+)/.exec(variable.description)![1];
      expect(install).toContain(`| \`feishu-helpdesk:${key}\` | \`${env}\` | ${variable.secret ? "yes" : "no"} |`);
    }
    const index = registryDocs(schema)[path.join("docs", "_index.md")];
    for (const token of [...Object.keys(schema.resources), ...Object.keys(schema.functions)]) {
      expect(index).toContain(`\`${token.split(":").pop()}\``);
    }
    expect(install).toContain(`--server ${schema.pluginDownloadURL}`);
  });

  it("a setting added to the schema changes the page: drift is caught", () => {
    const more = {
      ...schema,
      config: { variables: { ...schema.config.variables, region: { description: "x\nEnvironment variable: R." } } },
    };
    expect(installationPage(more)).not.toBe(installationPage(schema));
    expect(installationPage(more)).toContain("| `feishu-helpdesk:region` | `R` | no | x |");
  });
});
