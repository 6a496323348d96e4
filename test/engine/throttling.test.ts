import { type EmulatorOptions, type RunningEmulator, startEmulator } from "../../emulator";
import { type NotificationState, PushScopeType, PushType } from "../../provider";
import { configureStack, randomCredentials, sampleCard } from "../harness/feishu-fixture";
import { keepTranscript } from "../harness/plugin-archive";
import { PulumiProject } from "../harness/pulumi-project";

const N = 40;
const campaigns = (text: string) =>
  Object.fromEntries(
    Array.from({ length: N }, (_, n) => [
      `c${n}`,
      {
        jobName: `Campaign ${n}`,
        pushType: "scheduled",
        pushScopeType: "chatsOnly",
        chats: [`oc_${n}`],
        pushContent: { ...sampleCard, header: { title: { tag: "plain_text", content: text } } },
      },
    ]),
  );

// 40 campaigns in one `pulumi up`, with Feishu's limits scaled 60× (10 creates/s) in the
// emulator and in the provider, the way a CD pipeline declaring many campaigns meets them.
describe("many campaigns through `pulumi up` under Feishu's rate limits", () => {
  let emulator: RunningEmulator;
  let project: PulumiProject;
  const credentials = randomCredentials();

  async function setUp(options: EmulatorOptions): Promise<void> {
    emulator = await startEmulator({ credentials, timeScale: 60, ...options });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
    await project.setConfig("feishu-helpdesk:rateLimitWindowMs", "1000");
  }
  afterEach(async () => {
    await project?.dispose();
    await emulator?.close();
  });
  const creates = () => emulator.requests.filter((r) => r.method === "POST" && r.path.endsWith("/notifications"));

  async function expectStateMatchesEmulator(): Promise<void> {
    const state = await project.notificationsInState();
    const remote = new Map(emulator.notifications().map((n) => [n.id, n]));
    expect(state).toHaveLength(N);
    expect(remote.size).toBe(N);
    for (const resource of state) {
      const live = remote.get(resource.id!)!;
      const outputs = resource.outputs as NotificationState;
      expect(live).toBeDefined();
      expect({
        job_name: outputs.jobName,
        push_content: JSON.parse(outputs.pushContent),
        push_type: PushType[outputs.pushType],
        push_scope_type: PushScopeType[outputs.pushScopeType],
        chat_list: outputs.chats,
        status: outputs.status,
        target_user_count: outputs.targetUserCount,
      }).toEqual({
        job_name: live.job_name,
        push_content: JSON.parse(live.push_content),
        push_type: live.push_type,
        push_scope_type: live.push_scope_type,
        chat_list: live.chat_list!.map((c) => c.chat_id),
        status: live.status,
        target_user_count: live.target_user_count,
      });
    }
  }

  it("paces 40 creates at the limit: no throttling failure, and says why it waits", async () => {
    await setUp({});
    await project.setCampaigns(campaigns("v1"));
    const up = await project.up();
    keepTranscript("throttling-up", [up.output]);
    expect(emulator.notifications()).toHaveLength(N);
    expect(creates().filter((r) => r.status === 429)).toEqual([]);

    // Figures for the closing note (not asserted: speed is the benchmarks' business).
    // Per window: creates in each full 1 s window from the first create, over the allowed 10.
    // Overall: creates after the first window over the time they took, over 10/s; it also
    // charges the pacer for how spread out the engine's first burst was.
    const times = creates()
      .map((r) => r.at)
      .sort((a, b) => a - b);
    const windows = [0, 1, 2].map(
      (k) => times.filter((t) => t >= times[0] + k * 1000 && t < times[0] + (k + 1) * 1000).length,
    );
    const perWindow = windows.reduce((a, b) => a + b, 0) / windows.length / 10;
    const overall = (N - 10) / ((times[N - 1] - times[0]) / 1000) / 10;
    console.log(
      `40 creates at 10/s allowed: per full window ${windows.join(", ")} (ratio ${perWindow.toFixed(3)}); ` +
        `overall ratio ${overall.toFixed(3)}; 429 answers: 0`,
    );
    await expectStateMatchesEmulator();
  });

  it("says what waits for the quota: one notice per endpoint at an interval, then one line for the run", async () => {
    // One create per 5 s, in the emulator (its minute divided by 12) and in the provider: slower
    // than the engine can go even on a loaded machine, so the creates do wait.
    emulator = await startEmulator({ credentials, timeScale: 12, rateLimits: { create: 1 } });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
    await project.setConfig("feishu-helpdesk:rateLimitWindowMs", "5000");
    await project.setConfig("feishu-helpdesk:rateLimits", JSON.stringify({ create: 1 }));
    const twelve = Object.fromEntries(Object.entries(campaigns("v1")).slice(0, 12));
    await project.setCampaigns(twelve);
    const up = await project.up();
    keepTranscript("throttling-notices", [up.output]);
    expect(emulator.notifications()).toHaveLength(12);
    const notices = [
      ...up.output.matchAll(/creates: (\d+) of 12 sent, (\d+) waiting, about \d+ s at the configured 1 per 5 s/g),
    ];
    // Each counts the creates the provider knows of: the engine holds most back (--parallel), and
    // on a loaded machine the program registers them over time, so the total grows to 12.
    expect(notices.length).toBeGreaterThanOrEqual(2);
    for (const [, sent, waiting] of notices) {
      expect(Number(sent) + Number(waiting)).toBeLessThanOrEqual(12);
      expect(Number(waiting)).toBeGreaterThan(0);
    }
    expect(notices.length).toBeLessThan(40);
    expect(up.output).toMatch(
      /Feishu calls in this run so far: 12 creates, 13 reads; waited for the quota: creates \d+ s/,
    );
    expect(up.output).not.toMatch(/reads: \d+ of/); // reads never waited: nothing said of them
  }, 600_000); // a quota that binds on any machine: about a minute of creates, on top of a slow engine

  it("counts every campaign of the run once the engine hands them over (--parallel), also in --json", async () => {
    // The engine checks a new resource, which announces its create, only when one of its --parallel
    // workers (4 per CPU by default) is free: with 16 workers the provider would know of about 9 at a
    // time. With --parallel above the number of campaigns it is told of all 16 at once.
    emulator = await startEmulator({ credentials, timeScale: 60, rateLimits: { create: 1 } });
    project = await PulumiProject.create("test/programs/campaigns");
    await configureStack(project, emulator.url, credentials);
    await project.setConfig("feishu-helpdesk:rateLimitWindowMs", "1000");
    await project.setConfig("feishu-helpdesk:rateLimits", JSON.stringify({ create: 1 }));
    await project.setCampaigns(Object.fromEntries(Object.entries(campaigns("v1")).slice(0, 16)));
    const up = await project.run(["up", "--yes", "--skip-preview", "--parallel", "100", "--json"]);
    expect(up.code).toBe(0);
    // The engine's event stream: the notices are info diagnostics, one JSON document per line.
    const notices = up.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line).diagnosticEvent)
      .filter((event) => event?.severity === "info")
      .map((event) => String(event.message).trim());
    const counts = notices.flatMap((m) => [...m.matchAll(/^creates: (\d+) of (\d+) sent, (\d+) waiting/g)]);
    expect(Math.max(...counts.map(([, , total]) => Number(total)))).toBe(16);
    expect(Math.max(...counts.map(([, , , waiting]) => Number(waiting)))).toBeGreaterThanOrEqual(12);
    expect(notices).toContainEqual(
      expect.stringMatching(/^Feishu calls in this run so far: 16 creates, 17 reads; waited for the quota: creates/),
    );
  }, 600_000);

  it("succeeds in one run with 20% injected faults of the retryable kinds, creating each campaign once", async () => {
    const readFaults = [
      "internalError",
      "dropBeforeCommit",
      "dropAfterCommit",
      "malformed",
      "nonJson",
      "truncated",
    ] as const;
    await setUp({
      faults: {
        seed: 20,
        rules: [
          { method: "POST", pathIncludes: "/helpdesk/v1/notifications", rate: 0.2, kinds: ["rateLimited"] },
          { method: "GET", pathIncludes: "/helpdesk/", rate: 0.2, kinds: readFaults },
          { method: "PATCH", rate: 0.2, kinds: readFaults },
        ],
      },
    });
    await project.setCampaigns(campaigns("v1"));
    await project.up();
    await expectStateMatchesEmulator();

    // And every campaign edited, through the same faults.
    await project.setCampaigns(campaigns("v2"));
    await project.up();
    await expectStateMatchesEmulator();
    expect(emulator.notifications().every((n) => JSON.parse(n.push_content).header.title.content === "v2")).toBe(true);
    const injected = emulator.requests.filter((r) => r.fault).length;
    console.log(
      `faults injected: ${injected} of ${emulator.requests.length} requests; ` +
        `campaigns: ${emulator.notifications().length}`,
    );
    expect(injected).toBeGreaterThan(10);
  });

  it("fails clearly when a create's connection drops after commit; adopting converges, no duplicate", async () => {
    await setUp({
      faults: {
        rules: [
          { method: "POST", pathIncludes: "/helpdesk/v1/notifications", rate: 1, limit: 1, kinds: ["dropAfterCommit"] },
        ],
      },
    });
    const one = {
      jobName: "Dropped reply",
      pushType: "scheduled",
      pushScopeType: "allMembers",
      pushContent: sampleCard,
    };
    await project.setCampaigns({ dropped: one });
    const failed = await project.run(["up", "--yes", "--skip-preview"]);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('Creating push campaign "Dropped reply" may have succeeded');
    expect(failed.output).toContain("adoptId");
    expect(await project.notificationsInState()).toEqual([]);
    expect(emulator.notifications()).toHaveLength(1);

    await project.setCampaigns({ dropped: { ...one, adoptId: emulator.notifications()[0].id } });
    await project.up();
    expect(emulator.notifications()).toHaveLength(1);
    expect((await project.notificationsInState())[0].id).toBe(emulator.notifications()[0].id);
  });
});
