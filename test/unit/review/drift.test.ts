import fc from "fast-check";
import { DRIFT_MARKER, reviewDrift } from "../../../provider/review";
import { ReviewInputError } from "../../../provider/review/review-input-error";

// The drift report on `pulumi preview --refresh --json` shapes: per campaign a refresh step, then
// the program's step, whose oldState is what Feishu holds and whose newState is the code. The
// engine test (test/engine/ci-workflows.test.ts) runs it on the real engine's output; these pin
// the rules.
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
const stackUrn = "urn:pulumi:prod::campaigns::pulumi:pulumi:Stack::campaigns-prod";
/** The stack's own refresh step opens every `preview --refresh`. */
const preview = (...steps: unknown[]) => JSON.stringify({ steps: [{ op: "refresh", urn: stackUrn }, ...steps] });
/** A campaign as `preview --refresh` shows it: read (unchanged in the JSON), then code against Feishu. */
const read = (name: string, feishu: Record<string, unknown>, code: Record<string, unknown> = {}) => {
  const [inFeishu, inCode] = [state(name, feishu), state(name, code)];
  const program = JSON.stringify(inFeishu.inputs) === JSON.stringify(inCode.inputs) ? "same" : "update";
  return [
    { op: "refresh", urn: urn(name), oldState: inCode, newState: inCode },
    { op: program, urn: urn(name), oldState: inFeishu, newState: { ...inCode, outputs: {} } },
  ];
};

describe("reviewDrift", () => {
  it("names a campaign changed outside code and each input, code → Feishu, with the card's diff", () => {
    const { drifted, markdown, stack } = reviewDrift(
      preview(...read("vpn", {}), ...read("holiday", { jobName: "Edited", pushContent: card("Closed") })),
    );
    expect(stack).toBe("prod");
    // The program's step has no outputs in a preview: only inputs are compared, not a missing output.
    expect(drifted.map((d) => [d.name, d.how, d.properties.map((p) => [p.property, p.inCode, p.inFeishu])])).toEqual([
      [
        "holiday",
        "changed",
        [
          ["jobName", "VPN", "Edited"],
          ["pushContent", "(the card: its diff is below)", "(the card: its diff is below)"],
        ],
      ],
    ]);
    expect(markdown).toContain(`${DRIFT_MARKER}\n### Feishu Helpdesk campaigns changed outside code · stack \`prod\``);
    expect(markdown).toContain("#### `holiday` VPN: changed outside code\nChanged: jobName, pushContent.");
    expect(markdown).toContain(
      "| property | in code | in Feishu now |\n| --- | --- | --- |\n| jobName | VPN | Edited |",
    );
    expect(markdown).toMatch(/```diff\n[^`]*-Upgrade\n[^`]*```/);
    expect(markdown).toMatch(/```diff\n[^`]*\+Closed\n[^`]*```/);
  });

  it("says when Feishu no longer has a campaign, and when nothing drifted", () => {
    // The refresh found it gone (its step becomes a delete), so the program would create it again.
    const gone = reviewDrift(
      preview(
        { op: "delete", urn: urn("vpn"), oldState: state("vpn", {}) },
        { op: "create", urn: urn("vpn"), newState: state("vpn", {}) },
      ),
    );
    expect(gone.drifted).toEqual([expect.objectContaining({ name: "vpn", how: "deleted" })]);
    expect(gone.markdown).toContain("#### `vpn` VPN: deleted outside code");
    const same = reviewDrift(preview(...read("vpn", {})));
    expect(same.drifted).toEqual([]);
    expect(same.markdown).toContain("No drift");
  });

  it("names a campaign the provider refused to compare, and never says 'no drift' when the run stopped", () => {
    // The native plugin's refresh step carries what was read (state → Feishu, outputs too); the
    // program was never diffed because the provider refused the other campaign, approved outside code.
    const refused = 'holiday: Cannot update push campaign 7 ("Edited"): Feishu reports status 2';
    const { drifted, markdown } = reviewDrift(
      JSON.stringify({
        steps: [
          { op: "refresh", urn: stackUrn },
          {
            op: "update",
            urn: urn("vpn"),
            oldState: state("vpn", {}),
            newState: state("vpn", { jobName: "Renamed" }, { stage: "inReview", status: 1 }),
          },
          { op: "refresh", urn: urn("holiday"), oldState: state("holiday", {}), newState: state("holiday", {}) },
        ],
        diagnostics: [
          { urn: urn("holiday"), severity: "error", message: `error: Preview failed: ${refused}` },
          { severity: "error", message: "error: preview failed\n" },
        ],
      }),
    );
    expect(drifted.map((d) => [d.name, d.how, d.properties.map((p) => p.property)])).toEqual([
      ["vpn", "changed", ["jobName", "stage", "status"]],
      ["holiday", "refused", []],
    ]);
    expect(markdown).toContain("#### `holiday`: changed outside code, and the code can no longer be applied to it");
    expect(markdown).toContain(`\`\`\`text\n${refused}\n\`\`\``);
    expect(markdown).not.toMatch(/preview failed/i); // the engine's closing line adds nothing
    const stopped = reviewDrift(
      JSON.stringify({ steps: [], diagnostics: [{ severity: "error", message: "error: the engine crashed" }] }),
    );
    expect(stopped.markdown).toContain("the run stopped before it could compare every campaign with its code");
    expect(stopped.markdown).toContain("**The engine also reported:**\n\n```text\nthe engine crashed\n```");
    expect(stopped.markdown).not.toContain("No drift");
  });

  it("lists a campaign that only waits for approval apart: a pending step is not drift", () => {
    // The provider's own warning at preview (messages.ts `pending`), with the campaign's urn.
    const waits = "vpn: `sendAt` is pending, not changed in code: it waits for the helpdesk owner's approval";
    const { drifted, waiting, markdown } = reviewDrift(
      JSON.stringify({
        steps: JSON.parse(preview(...read("vpn", {}, { sendAt: "1796702400000" }))).steps,
        diagnostics: [{ urn: urn("vpn"), severity: "warning", message: `warning: ${waits}` }],
      }),
    );
    expect(drifted).toEqual([]);
    expect(waiting).toEqual([{ name: "vpn", urn: urn("vpn"), message: waits }]);
    expect(markdown).toContain("No drift");
    expect(markdown).toMatch(/\*\*Waiting, not drift\*\*[^\n]*\n\n- `vpn`: vpn: \\`sendAt\\` is pending/);
    // Pending sendAt and a renamed job: the rename is drift, the sendAt is not.
    const both = reviewDrift(
      JSON.stringify({
        steps: JSON.parse(preview(...read("vpn", { jobName: "Renamed" }, { sendAt: "1796702400000" }))).steps,
        diagnostics: [{ urn: urn("vpn"), severity: "warning", message: waits }],
      }),
    );
    expect(both.drifted.map((d) => d.properties.map((p) => p.property))).toEqual([["jobName"]]);
  });

  it("refuses input that is not `preview --refresh`, and keeps a URN's name inside its code span", () => {
    expect(() => reviewDrift(JSON.stringify({ steps: [{ op: "same", urn: urn("vpn") }] }))).toThrow(
      /No refresh step in the input: give --drift the stdout of `pulumi preview --refresh --json`/,
    );
    expect(() => reviewDrift("{}")).toThrow(ReviewInputError);
    const name = "q3\n# pwned <img src=x>\n| a | b |";
    const { markdown } = reviewDrift(preview(...read(name, { jobName: "Renamed" })));
    expect(markdown).toContain("#### `q3 # pwned <img src=x> | a | b |` VPN: changed outside code");
    expect(markdown.split("\n").filter((line) => line.startsWith("#"))).toHaveLength(2);
  });

  it("hides secrets and ignores resources that are not campaigns", () => {
    const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:abc" };
    const { drifted, markdown } = reviewDrift(
      preview(...read("vpn", { ext: secret }, { ext: { ...secret, ciphertext: "v1:def" } }), {
        op: "update",
        urn: "urn:pulumi:prod::campaigns::pulumi:pulumi:Stack::campaigns-prod",
        oldState: {},
        newState: {},
      }),
    );
    expect(drifted).toHaveLength(1);
    expect(markdown).toContain("| ext | \\[secret\\] |");
    expect(markdown).not.toContain("v1:abc");
  });

  it("refuses input that is not JSON, and never lets a job name break out of the Markdown", () => {
    expect(() => reviewDrift("not json")).toThrow(ReviewInputError);
    fc.assert(
      fc.property(fc.string(), (name) => {
        const { markdown } = reviewDrift(preview(...read("x", { jobName: name })));
        const row = markdown.split("\n").find((line) => line.startsWith("| jobName |")) ?? "";
        // One table row of three cells: no raw pipe, newline, HTML or link from the name.
        if (name !== "VPN") expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(5);
        expect(row).not.toMatch(/<|\]\(/);
      }),
    );
  });
});
