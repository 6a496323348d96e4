import * as fs from "node:fs";
import * as path from "node:path";

// `npm run docs` (run by `npm run schema` too): writes docs/_index.md and
// docs/installation-configuration.md, the two pages the Pulumi Registry takes from a community
// package's repository, from provider/plugin/schema.json, so they cannot drift from it; a unit
// test fails when the committed pages differ from what this returns.

/** The parts of the package schema the pages read. */
export interface DocsSchema {
  readonly name: string;
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly repository: string;
  readonly pluginDownloadURL: string;
  readonly language: {
    readonly nodejs: { readonly packageName: string };
    readonly python: { readonly packageName: string };
    readonly go: { readonly importBasePath: string };
    readonly csharp: { readonly rootNamespace: string };
  };
  readonly config: { readonly variables: Readonly<Record<string, { description: string; secret?: boolean }>> };
  readonly resources: Readonly<Record<string, { description: string }>>;
  readonly functions: Readonly<Record<string, { description: string }>>;
}

const frontMatter = (title: string, metaDesc: string) =>
  ["---", `title: ${title}`, `meta_desc: ${metaDesc}`, "layout: package", "---", ""].join("\n");

/** A schema description's first sentence, on one line. */
const firstSentence = (text: string) => (/^[\s\S]*?\.(?=\s|$)/.exec(text)?.[0] ?? text).replace(/\s+/g, " ");
const tokenName = (token: string) => token.split(":").pop()!;
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** docs/_index.md: what the package is, what it serves, an example. */
export function indexPage(schema: DocsSchema): string {
  const entries = (table: DocsSchema["resources"]) =>
    Object.entries(table).map(([token, { description }]) => `- \`${tokenName(token)}\`: ${firstSentence(description)}`);
  return [
    frontMatter(schema.displayName, schema.description),
    `The ${schema.displayName} provider (package \`${schema.name}\`, version ${schema.version}) manages ` +
      "Feishu (Lark) " +
      "Helpdesk push campaigns and helpdesk bot messages as code.",
    "",
    "## Resources",
    "",
    ...entries(schema.resources),
    "",
    "## Functions",
    "",
    ...entries(schema.functions),
    "",
    "## Example",
    "",
    "```yaml",
    "resources:",
    "  vpn:",
    `    type: ${schema.name}:index:HelpdeskNotification`,
    "    properties:",
    "      jobName: Q3 VPN client upgrade reminder",
    "      pushType: scheduled",
    "      pushScopeType: someMembers",
    "      users: [ou_7277fd1262bfafc363d5b2a1f9c2ac90]",
    "      pushContent:",
    "        elements:",
    "          - tag: div",
    "            text: { tag: lark_md, content: Please upgrade the VPN client. }",
    "outputs:",
    "  stage: ${vpn.stage}",
    "```",
    "",
    "See the [installation and configuration](installation-configuration.md) page, and the " +
      `[README](${schema.repository}#readme).`,
    "",
  ].join("\n");
}

/** docs/installation-configuration.md: each language's package, the plugin, every setting. */
export function installationPage(schema: DocsSchema): string {
  const { nodejs, python, go, csharp } = schema.language;
  const dotnetPackage = `${csharp.rootNamespace}.FeishuHelpdesk`;
  const goModule = go.importBasePath.replace(/\/go\/[^/]+$/, "");
  const settings = Object.entries(schema.config.variables).map(([key, { description, secret }]) => {
    const [text, ...rest] = description.split("\nEnvironment variable: ");
    const env = rest.join("").replace(/\.$/, "");
    return `| \`${schema.name}:${key}\` | \`${env}\` | ${secret ? "yes" : "no"} | ${cell(text)} |`;
  });
  return [
    frontMatter(
      `${schema.displayName} Installation & Configuration`,
      `How to install the ${schema.displayName} provider and set its credentials.`,
    ),
    "## Installation",
    "",
    "The provider is available as a package in each Pulumi language:",
    "",
    `- JavaScript/TypeScript: [\`${nodejs.packageName}\`](https://www.npmjs.com/package/${nodejs.packageName})`,
    `- Python: [\`${python.packageName}\`](https://pypi.org/project/${python.packageName.replace(/_/g, "-")}/)`,
    `- Go: [\`${go.importBasePath}\`](https://pkg.go.dev/${go.importBasePath}) (module \`${goModule}\`)`,
    `- .NET: [\`${dotnetPackage}\`](https://www.nuget.org/packages/${dotnetPackage})`,
    "",
    `The engine installs the provider plugin, \`pulumi-resource-${schema.name}\`, by itself the first time a ` +
      `program needs it, from the repository's GitHub releases (\`${schema.pluginDownloadURL}\`). It needs ` +
      "Node.js 20 or later on `PATH`. Behind a firewall, point the engine at a mirror of the release assets:",
    "",
    "```sh",
    `export PULUMI_PLUGIN_DOWNLOAD_URL_OVERRIDES='^${schema.pluginDownloadURL.replace(/\./g, "\\.")}$=` +
      "https://mirror.example.com/feishu-helpdesk/v${VERSION}'",
    "```",
    "",
    "or install it ahead, checking the sum from the release's checksums file:",
    "",
    "```sh",
    `pulumi plugin install resource ${schema.name} ${schema.version} --server ${schema.pluginDownloadURL} ` +
      "--checksum <sha256>",
    "```",
    "",
    "## Configuration",
    "",
    `Set each with \`pulumi config set ${schema.name}:<key> <value>\` (\`--secret\` for secrets), or its ` +
      "environment variable. An explicit provider resource takes the same keys as properties, and never reads " +
      "the environment.",
    "",
    "| key | environment variable | secret | what it is |",
    "| --- | --- | --- | --- |",
    ...settings,
    "",
  ].join("\n");
}

/** The pages, by path under the repo. */
export function registryDocs(schema: DocsSchema): Record<string, string> {
  return {
    [path.join("docs", "_index.md")]: indexPage(schema),
    [path.join("docs", "installation-configuration.md")]: installationPage(schema),
  };
}

if (require.main === module) {
  const repo = path.resolve(process.argv[2] ?? ".");
  const schema = JSON.parse(fs.readFileSync(path.join(repo, "provider", "plugin", "schema.json"), "utf8"));
  for (const [file, text] of Object.entries(registryDocs(schema))) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
    console.log(`wrote ${file}`);
  }
}
