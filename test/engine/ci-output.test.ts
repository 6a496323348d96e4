import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

const base = {
  jobName: "Onboarding push",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a", "ou_b"],
  pushContent: sampleCard,
};

interface Diagnostic {
  readonly urn?: string;
  readonly severity: string;
  readonly message: string;
}

/** The engine events of `pulumi up --json`: a stream of JSON objects. */
function jsonEvents(stdout: string): { diagnosticEvent?: Diagnostic }[] {
  return stdout
    .split(/\n(?=\{)/)
    .filter((chunk) => chunk.trim().startsWith("{"))
    .map((chunk) => JSON.parse(chunk) as { diagnosticEvent?: Diagnostic });
}

/** How many times `text` occurs in `output`. */
const count = (output: string, text: string) => output.split(text).length - 1;

// What a CI job posts to a pull request: the refusal to edit an approved campaign appears once,
// on stdout, under its resource, without stack frames; in --json tied to the resource's urn.
describe("CI output of a refused edit", () => {
  const stack = emulatedStack("test/programs/campaigns", { emulator: { autoApprove: true } });
  // The refusal's hint, which only its full text has: the CLI's progress line under the resource
  // repeats an error's first line (the CLI's display, which the provider cannot change), the
  // Diagnostics section shows the whole message.
  const refusal = "set `cancelToEdit: true`";

  it("shows the refusal once per command", async () => {
    const { project } = stack;
    await project.setCampaigns({ push: { ...base, approval: { reason: "Quarterly" } } });
    await project.up();
    await project.setCampaigns({ push: { ...base, jobName: "Renamed", approval: { reason: "Quarterly" } } });

    const preview = await project.run(["preview"]);
    const diff = await project.run(["preview", "--diff"]);
    const up = await project.run(["up", "--yes", "--skip-preview"]);
    const json = await project.run(["preview", "--json"]);
    // Before: preview 6 (stdout), preview --diff 3 (all on stderr), up 6, with stack frames.
    expect(preview.code).not.toBe(0);
    expect(count(preview.stdout, refusal)).toBe(1);
    expect(count(preview.stderr, refusal)).toBe(0);
    // `preview --diff` prints engine errors on stderr (the CLI's choice, not the provider's).
    expect(count(diff.output, refusal)).toBe(1);
    expect(up.code).not.toBe(0);
    expect(count(up.output, refusal)).toBe(1);
    for (const run of [preview, diff, up, json]) expect(run.output).not.toMatch(/^\s+at /m);
    expect(count(preview.stdout, "only drafts")).toBe(2); // the progress line and Diagnostics; before: 6
    expect(preview.stdout).toContain("ignoreChanges");

    // --json: one diagnostic, tied to the resource, an error; no info#err echo.
    const events =
      (JSON.parse(json.stdout) as { diagnostics?: { urn?: string; severity: string; message: string }[] })
        .diagnostics ?? [];
    const about = events.filter((event) => event.message.includes(refusal));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({ severity: "error", urn: expect.stringContaining("HelpdeskNotification::push") });
    expect(events.filter((event) => event.severity === "info#err")).toEqual([]);
  });
});

// A provider warning goes to the engine's log with the resource's urn: shown once, under the
// resource, naming it; in the event log a "warning" diagnostic with that urn, not "info#err".
describe("a provider warning", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("is shown once, under its resource, with its urn and severity", async () => {
    const { project } = stack;
    await project.setCampaigns({ review: { ...base, approval: { reason: "Please approve" } } });
    const up = await project.ok(["up", "--yes", "--skip-preview"]);
    const warning = "submitted for review; the helpdesk owner must approve it";
    // Before: under the Stack, as "info#err". Now once in Diagnostics, under the resource, naming
    // it (Pulumi name, job name). The CLI's progress lines also repeat a resource's latest
    // diagnostic (its display, not a second message).
    const diagnosticsSection = up.stdout.slice(up.stdout.indexOf("Diagnostics:"), up.stdout.indexOf("Outputs:"));
    expect(count(diagnosticsSection, warning)).toBe(1);
    expect(diagnosticsSection).toMatch(
      /HelpdeskNotification \(review\):\n\s+warning: review: push campaign \d+ \("Onboarding push"\)/,
    );
    expect(up.stderr).not.toContain(warning);

    // In --json: one "warning" diagnostic with the resource's urn; no "info#err".
    await project.setCampaigns({
      review: { ...base, approval: { reason: "Please approve" } },
      second: { ...base, jobName: "Second", approval: { reason: "Please approve" } },
    });
    const json = await project.ok(["up", "--yes", "--skip-preview", "--json"]);
    const diagnostics = jsonEvents(json.stdout).flatMap((event) =>
      event.diagnosticEvent ? [event.diagnosticEvent] : [],
    );
    const about = diagnostics.filter((event) => event.message.includes(warning));
    expect(about).toHaveLength(1);
    expect(about[0]).toMatchObject({
      severity: "warning",
      urn: expect.stringMatching(/HelpdeskNotification::second$/),
    });
    expect(about[0].message).toContain("second: push campaign");
    expect(diagnostics.filter((event) => event.severity === "info#err")).toEqual([]);

    // The urn input is never a change; the outputs keep it, so delete's warning goes under the resource too.
    expect((await project.preview()).code).toBe(0); // --expect-no-changes
    const [resource] = await project.notificationsInState();
    expect(resource.outputs).toHaveProperty("__urn", resource.urn);

    // Delete (removing it from the program) gets only the outputs: its warning still names the resource.
    await project.setCampaigns({ second: { ...base, jobName: "Second", approval: { reason: "Please approve" } } });
    const removed = await project.ok(["up", "--yes", "--skip-preview", "--json"]);
    const withdrawn = jsonEvents(removed.stdout)
      .flatMap((event) => (event.diagnosticEvent ? [event.diagnosticEvent] : []))
      .filter((event) => event.message.includes("its review was withdrawn"));
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]).toMatchObject({
      severity: "warning",
      urn: expect.stringMatching(/HelpdeskNotification::review$/),
    });
    expect(withdrawn[0].message).toMatch(/^review: push campaign/);
  });
});

// The dynamic host sends no detailed diff, so a campaign waiting for approval previewed as
// `~ update` with no property marked. The provider names the pending step under the resource.
describe("a campaign waiting for approval, previewed", () => {
  const stack = emulatedStack("test/programs/campaigns");

  it("names the pending sendAt and why, under its resource", async () => {
    const { project } = stack;
    const sendAt = new Date(Date.now() + 3_600_000).toISOString();
    await project.setCampaigns({ waiting: { ...base, approval: { reason: "Please approve" }, sendAt } });
    await project.up();
    const pending = "`sendAt` is pending, not changed in code: it waits for the helpdesk owner's approval";

    const preview = await project.run(["preview", "--expect-no-changes"]);
    expect(preview.code).not.toBe(0); // there is still a step to take
    expect(preview.stdout).toMatch(/HelpdeskNotification \(waiting\):\n\s+warning: waiting: push campaign \d+/);
    expect(preview.stdout).toContain(pending);

    const json = await project.run(["preview", "--json"]);
    const about = (JSON.parse(json.stdout) as { diagnostics?: Diagnostic[] }).diagnostics?.filter((d) =>
      d.message.includes(pending),
    );
    expect(about).toHaveLength(1);
    expect(about?.[0]).toMatchObject({
      severity: "warning",
      urn: expect.stringMatching(/HelpdeskNotification::waiting$/),
    });
  });
});
