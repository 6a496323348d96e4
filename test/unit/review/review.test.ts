import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { reviewPreview } from "../../../provider/review";
import { renderMarkdown } from "../../../provider/review/markdown";
import type { CampaignReview } from "../../../provider/review/campaign-review";
import { formatSendAt } from "../../../provider/review/send-time";
import { lineDiff } from "../../../provider/review/text-diff";

// The review command on a recorded `pulumi preview --json` of a sample pull request (recorded by
// the real engine against the emulator: one campaign created, one changed, one refused because
// it was approved), with every campaign's `ext` a secret.
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "review", name), "utf8");
const previewJson = fixture("sample-pr.preview.json");
const stackExportJson = fixture("sample-pr.export.json");

describe("reviewPreview on a recorded preview", () => {
  const result = reviewPreview({ previewJson, stackExportJson, timeZone: "Asia/Shanghai", reportLocation: "R" });

  it("summarizes each campaign: action, stage, audience, send time, approval", () => {
    expect(result.campaigns.map((c) => [c.name, c.action, c.stage, c.audience, c.sendTime, c.approval])).toEqual([
      ["printer", "create", "new", "everyone", "not set", "no review requested"],
      ["vpn", "change", "draft", "3 users, 1 chat", "not set", "no review requested"],
      ["holiday", "refused", "submitted", "2 users, 1 chat", "not set", "review requested: Hours change"],
    ]);
    expect(result.failed).toBe(true);
  });

  it("lists the refusal first, its message once, then the table, the created card and the change's diff", () => {
    const md = result.markdown;
    const refusal = md.indexOf("Cannot update push campaign");
    expect(refusal).toBeGreaterThan(0);
    expect(md.split("Cannot update push campaign")).toHaveLength(2);
    expect(refusal).toBeLessThan(md.indexOf("| campaign | action |"));
    expect(md).toContain("| `vpn` VPN client upgrade | change | draft | 3 users, 1 chat | not set |");
    expect(md).toMatch(/#### `vpn` VPN client upgrade: change\nChanged: pushContent, users\./);
    expect(md).toContain("```diff\n Please upgrade the VPN client.\n+\n+Deadline: Friday\n```");
    expect(md).toMatch(/#### `printer` New printer on floor 3: create\n\nThe card, as text:/);
  });

  it("never shows a secret: ext is a secret in every campaign", () => {
    expect(previewJson).toContain('"ext": "[secret]"');
    for (const text of [result.markdown, result.html]) {
      expect(text).not.toContain("ext-secret-value");
      expect(text).not.toMatch(/ciphertext/);
    }
  });

  it("writes one HTML document with each card before and after, and no script", () => {
    expect(result.html.startsWith("<!doctype html>")).toBe(true);
    expect(result.html).not.toMatch(/<script/i);
    expect(result.html).toContain('<section class="campaign" id="vpn">');
    expect(result.html.match(/class="fh-card/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("reads the engine's event stream, where v3.248.0 keeps the policy violations its digest drops", () => {
    // Recorded from `PULUMI_ENABLE_STREAMING_JSON_PREVIEW=1 pulumi preview --json --policy-pack policy`
    // (debug diagnostics and the prelude left out): one campaign breaks a mandatory policy, one an advisory.
    const streamed = reviewPreview({ previewJson: fixture("policy-violations.stream.json") });
    expect(streamed.campaigns.map((c) => [c.name, c.action])).toEqual([
      ["everyone", "refused"], // a mandatory violation stops it
      ["unnamed", "create"], // an advisory one warns
    ]);
    expect(streamed.failed).toBe(true);
    const md = streamed.markdown;
    // Markdown-escaped names: feishu\-helpdesk\-guardrails.
    const mandatory = md.search(
      /\*\*error\*\* \(feishu\\-helpdesk\\-guardrails: approval\\-for\\-everyone\): `everyone`/,
    );
    expect(mandatory).toBeGreaterThan(0);
    expect(mandatory).toBeLessThan(md.indexOf("| campaign | action |"));
    expect(md).toContain('Campaign "everyone" (jobName "CHG-1: All hands") pushes to all members without review');
    expect(md).toMatch(/\*\*warning\*\* \(feishu\\-helpdesk\\-guardrails: job\\-name\\-pattern\): `unnamed`/);
  });

  it("skips a stray non-JSON line of a stream alone, keeping the events around it, and counts it", () => {
    const lines = fixture("policy-violations.stream.json").trim().split("\n");
    const at = lines.findIndex((line) => line.includes('"policyEvent"'));
    lines.splice(at, 0, "warning: something a wrapper printed");
    const streamed = reviewPreview({ previewJson: lines.join("\n") });
    expect(streamed.unreadLines).toBe(1);
    expect(streamed.markdown).toMatch(/approval\\-for\\-everyone/);
  });

  it("refuses input that is not a preview's JSON, saying what it wants", () => {
    expect(() => reviewPreview({ previewJson: "Previewing update (dev):" })).toThrow(/pulumi preview --json/);
  });
});

/** A changed campaign whose card has `lines` lines, before and after. */
const changed = (i: number, lines: number, jobName = `Campaign ${i}`): CampaignReview => ({
  name: `c${i}`,
  urn: `urn:pulumi:s::p::feishu-helpdesk:index:HelpdeskNotification::c${i}`,
  kind: "campaign",
  jobName,
  action: "change",
  stage: "draft",
  audience: "2 users",
  sendTime: "not set",
  approval: "no review requested",
  before: {
    kind: "card",
    value: { elements: [{ tag: "div", text: { tag: "plain_text", content: "Old ".repeat(lines) } }] },
  },
  after: {
    kind: "card",
    value: {
      elements: Array.from({ length: lines }, (_, k) => ({
        tag: "div",
        text: { tag: "plain_text", content: `Line ${k}` },
      })),
    },
  },
  changedProperties: ["pushContent"],
  problems: [],
});

describe("the comment's size", () => {
  it("keeps 200 changed campaigns under the limit, leaving out the least important parts and saying so", () => {
    const reviews = Array.from({ length: 200 }, (_, i) => changed(i, 30));
    const md = renderMarkdown(reviews, { limit: 65_000, reportLocation: "the artifact" });
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toMatch(/Left out to stay under 65000 characters: the full card text of \d+ changed campaigns/);
    expect(md).toContain("the artifact");
    // Every campaign is still in the table.
    for (let i = 0; i < 200; i++) expect(md).toContain(`| \`c${i}\` Campaign ${i} |`);
  });

  it("stays under any limit given, for any number of campaigns and cards (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 2000, max: 30_000 }),
        fc.string({ maxLength: 80 }),
        (count, lines, limit, jobName) => {
          const md = renderMarkdown(
            Array.from({ length: count }, (_, i) => changed(i, lines, jobName)),
            { limit },
          );
          expect(md.length).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("escapes names: no HTML, link, mention or table break from a job name", () => {
    const md = renderMarkdown([changed(1, 1, "<img src=x onerror=alert(1)> [x](http://e) @team | *b*")]);
    expect(md).not.toMatch(/<img|\]\(http|@team|\| \*b\*/);
  });
});

describe("pure parts", () => {
  it("a line diff keeps the common lines and turns before into after (property)", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const diff = lineDiff(a.join("\n"), b.join("\n"));
        expect(diff.filter((l) => l[0] !== "+").map((l) => l.slice(1))).toEqual(a.join("\n") === "" ? [] : a);
        expect(diff.filter((l) => l[0] !== "-").map((l) => l.slice(1))).toEqual(b.join("\n") === "" ? [] : b);
      }),
    );
  });

  it("says a send time in the helpdesk's zone with its offset, to the minute", () => {
    const at = String(Date.parse("2026-12-24T09:00:00+08:00"));
    expect(formatSendAt(at, "Asia/Shanghai")).toBe("2026-12-24 09:00 UTC+08:00 (Asia/Shanghai)");
    expect(formatSendAt(at, "UTC")).toBe("2026-12-24 01:00 UTC+00:00 (UTC)");
    expect(formatSendAt(undefined, "UTC")).toBe("not set");
    expect(formatSendAt("[secret]", "UTC")).toBe("[secret]");
  });
});
