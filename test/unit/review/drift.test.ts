import fc from "fast-check";
import { DRIFT_MARKER, reviewDrift } from "../../../provider/review";
import { ReviewInputError } from "../../../provider/review/review-input-error";

// The drift report on `pulumi refresh --preview-only --json` shapes: each step's oldState is the
// stack's, its newState what Feishu holds. The engine test (test/engine/ci-workflows.test.ts)
// runs it on the real engine's output; these pin the rules.
const type = "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification";
const urn = (name: string) => `urn:pulumi:prod::campaigns::${type}::${name}`;
const card = (text: string) =>
  JSON.stringify({ elements: [{ tag: "div", text: { tag: "plain_text", content: text } }] });
const state = (name: string, inputs: Record<string, unknown>, outputs: Record<string, unknown> = {}) => ({
  urn: urn(name),
  type,
  inputs: { __provider: "serialized", jobName: "VPN", pushContent: card("Upgrade"), ...inputs },
  outputs: { __provider: "serialized", stage: "draft", status: 0, ...outputs },
});
const refresh = (...steps: unknown[]) => JSON.stringify({ steps });

describe("reviewDrift", () => {
  it("names a campaign changed outside code and each property, state → Feishu, with the card's diff", () => {
    const { drifted, markdown, stack } = reviewDrift(
      refresh(
        { op: "refresh", urn: urn("vpn"), oldState: state("vpn", {}), newState: state("vpn", {}) },
        {
          op: "update",
          urn: urn("holiday"),
          oldState: state("holiday", {}),
          newState: state("holiday", { jobName: "Edited", pushContent: card("Closed") }, { stage: "approved" }),
        },
      ),
    );
    expect(stack).toBe("prod");
    expect(drifted.map((d) => [d.name, d.how, d.properties.map((p) => [p.property, p.inState, p.inFeishu])])).toEqual([
      [
        "holiday",
        "changed",
        [
          ["jobName", "VPN", "Edited"],
          ["pushContent", "(the card: its diff is below)", "(the card: its diff is below)"],
          ["stage", "draft", "approved"],
        ],
      ],
    ]);
    expect(markdown).toContain(`${DRIFT_MARKER}\n### Feishu Helpdesk campaigns changed outside code · stack \`prod\``);
    expect(markdown).toContain("#### `holiday` VPN: changed outside code\nChanged: jobName, pushContent, stage.");
    expect(markdown).toContain("| stage | draft | approved |");
    expect(markdown).toMatch(/```diff\n[^`]*-Upgrade\n[^`]*```/);
    expect(markdown).toMatch(/```diff\n[^`]*\+Closed\n[^`]*```/);
  });

  it("says when Feishu no longer has a campaign, and when nothing drifted", () => {
    const gone = reviewDrift(refresh({ op: "delete", urn: urn("vpn"), oldState: state("vpn", {}) }));
    expect(gone.drifted).toEqual([expect.objectContaining({ name: "vpn", how: "deleted" })]);
    expect(gone.markdown).toContain("#### `vpn` VPN: deleted outside code");
    const same = reviewDrift(
      refresh({ op: "same", urn: urn("vpn"), oldState: state("vpn", {}), newState: state("vpn", {}) }),
    );
    expect(same.drifted).toEqual([]);
    expect(same.markdown).toContain("No drift");
  });

  it("hides secrets and ignores resources that are not campaigns", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const { drifted, markdown } = reviewDrift(
      refresh(
        {
          op: "update",
          urn: urn("vpn"),
          oldState: state("vpn", { ext: secret }),
          newState: state("vpn", { ext: { ...secret, ciphertext: "v1:def" } }),
        },
        {
          op: "update",
          urn: "urn:pulumi:prod::campaigns::pulumi:pulumi:Stack::campaigns-prod",
          oldState: {},
          newState: {},
        },
      ),
    );
    expect(drifted).toHaveLength(1);
    expect(markdown).toContain("| ext | \\[secret\\] |");
    expect(markdown).not.toContain("v1:abc");
  });

  it("refuses input that is not JSON, and never lets a job name break out of the Markdown", () => {
    expect(() => reviewDrift("not json")).toThrow(ReviewInputError);
    fc.assert(
      fc.property(fc.string(), (name) => {
        const { markdown } = reviewDrift(
          refresh({ op: "update", urn: urn("x"), oldState: state("x", {}), newState: state("x", { jobName: name }) }),
        );
        const row = markdown.split("\n").find((line) => line.startsWith("| jobName |")) ?? "";
        // One table row of three cells: no raw pipe, newline, HTML or link from the name.
        expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(5);
        expect(row).not.toMatch(/<|\]\(/);
      }),
    );
  });
});
