import { spawn } from "node:child_process";
import { enginePid, watchEngine } from "../../../provider/pulumi/engine-watch";

// Issue 24: a provider process outlived a `pulumi` killed with SIGKILL and went on creating.
describe("watching the engine", () => {
  it("finds the nearest ancestor named pulumi, through a launcher script", () => {
    const table: Record<number, { ppid: number; comm: string }> = {
      40: { ppid: 30, comm: "sh" },
      30: { ppid: 20, comm: "pulumi" },
      20: { ppid: 1, comm: "bash" },
    };
    expect(enginePid(40, (pid) => table[pid])).toBe(30);
    expect(enginePid(20, (pid) => table[pid])).toBe(20); // none: the parent itself
  });

  it("tells as soon as the watched process is killed with SIGKILL", async () => {
    const engine = spawn("sleep", ["60"]);
    const told = new Promise<number>((resolve) => watchEngine(() => resolve(Date.now()), engine.pid!));
    await new Promise((resolve) => setTimeout(resolve, 700));
    const killed = Date.now();
    engine.kill("SIGKILL");
    expect((await told) - killed).toBeLessThan(5_000);
  });
});
