import * as fs from "node:fs";
import * as path from "node:path";
import { findRepoRoot } from "./pulumi-project";

const readme = () => fs.readFileSync(path.join(findRepoRoot(__dirname), "README.md"), "utf8");

/**
 * The README's fenced blocks of `language` whose text starts with `first` (a line of the block):
 * the examples the tests run as written, so an edit of the README is an edit of the test.
 */
export function readmeBlock(language: string, first: string): string {
  const blocks: { language: string; text: string }[] = [];
  let open: { language: string; lines: string[] } | undefined;
  for (const line of readme().split("\n")) {
    if (open === undefined && line.startsWith("```")) open = { language: line.slice(3).trim(), lines: [] };
    else if (open !== undefined && line === "```") {
      blocks.push({ language: open.language, text: `${open.lines.join("\n")}\n` });
      open = undefined;
    } else open?.lines.push(line);
  }
  const found = blocks.filter((block) => block.language === language && block.text.startsWith(first));
  if (found.length !== 1) {
    throw new Error(`README.md has ${found.length} \`\`\`${language} blocks starting with ${JSON.stringify(first)}`);
  }
  return found[0].text;
}
