import * as net from "node:net";
import { emulatedStack } from "../harness/emulated-stack";
import { sampleCard } from "../harness/feishu-fixture";

const base = {
  jobName: "Onboarding push",
  pushType: "scheduled",
  pushScopeType: "someMembers",
  users: ["ou_a", "ou_b"],
  pushContent: sampleCard,
};

/** A server that accepts connections and never answers: Feishu behind a black-holing network. */
async function blackHole(): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

// A pipeline never hangs on an unreachable Feishu: a refused connection fails in seconds, and a
// runner's SIGTERM to `pulumi` ends a run that is retrying within seconds, with a clear message.
describe("an unreachable Feishu in a pipeline", () => {
  const stack = emulatedStack("test/programs/campaigns");

  beforeAll(async () => {
    await stack.project.setCampaigns({ push: base });
    await stack.project.up();
    await stack.project.setCampaigns({ push: { ...base, jobName: "Renamed" } }); // diff reads the live status
  });

  it("fails fast on a refused connection, naming the base URL and its config key", async () => {
    const url = await closedPort();
    await stack.project.setConfig("feishu-helpdesk:baseUrl", url);
    const started = Date.now();
    const run = await stack.project.run(["preview"]);
    const tookMs = Date.now() - started;
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`Nothing answers at ${url}`);
    expect(run.output).toContain("feishu-helpdesk:baseUrl");
    expect(tookMs).toBeLessThan(30_000); // before: 300 s of retries
  }, 60_000);

  it("ends a retrying preview within 15 s of SIGTERM", async () => {
    const hole = await blackHole();
    try {
      await stack.project.setConfig("feishu-helpdesk:baseUrl", hole.url);
      await stack.project.setConfig("feishu-helpdesk:timeoutMs", "1000");
      const { child, done } = stack.project.start(["preview"]);
      await new Promise((resolve) => setTimeout(resolve, 8000)); // well into the retries
      const signalled = Date.now();
      child.kill("SIGTERM");
      const run = await done;
      const tookMs = Date.now() - signalled;
      console.log(`SIGTERM to exit: ${tookMs} ms\n${run.output}`);
      expect(run.code).not.toBe(0);
      expect(tookMs).toBeLessThan(15_000); // before: the 300 s retry deadline
      expect(run.output).toContain("was given up because the run was cancelled");
    } finally {
      hole.close();
    }
  }, 90_000);
});
