import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EmulatorStatus, ManualClock, validateDataFile, type FaultOptions } from "../../emulator";
import { faultKinds } from "../../emulator/faults";
import { anyBody, anyCredentials, anyMethod, anyTarget, type Credentials } from "./fuzz-arbitraries";
import { draftBody, emulatorWithCredentials, rawRequest, type RawAnswer } from "./raw-http";

/** Cases per property: a few seconds by default; FUZZ_RUNS=20000 for a long run. */
const runs = Number(process.env.FUZZ_RUNS ?? 500);
/** The seed: the same seed gives the same requests. FUZZ_SEED to try others. */
const seed = Number(process.env.FUZZ_SEED ?? 20261122);
const maxBodyBytes = 256 * 1024; // small, so that bodies over the cap are cheap to send

const prototypeBaseline = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
};
const prototypesClean = () =>
  JSON.stringify(Object.getOwnPropertyNames(Object.prototype).sort()) === JSON.stringify(prototypeBaseline.object) &&
  JSON.stringify(Object.getOwnPropertyNames(Array.prototype).sort()) === JSON.stringify(prototypeBaseline.array) &&
  (Object.prototype as Record<string, unknown>).polluted === undefined;

/** An emulator holding campaigns at several stages, on a frozen clock so nothing changes unless a request does. */
async function fuzzTarget(faults?: FaultOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-fuzz-"));
  const dataFile = path.join(dir, "data.json");
  const clock = new ManualClock({ start: Date.UTC(2030, 0, 1) });
  const setup = await emulatorWithCredentials({
    clock,
    dataFile,
    maxBodyBytes,
    ...(faults ? { faults, timeScale: 60 } : { rateLimits: false }),
  });
  const { emulator, authHeaders } = setup;
  const ids: string[] = [];
  for (const status of [
    EmulatorStatus.draft,
    EmulatorStatus.inReview,
    EmulatorStatus.approved,
    EmulatorStatus.scheduled,
  ]) {
    emulator.clearRequests();
    const created = await rawRequest(emulator.url, {
      method: "POST",
      target: "/open-apis/helpdesk/v1/notifications",
      headers: authHeaders,
      body: JSON.stringify(draftBody),
    });
    const id = created.json?.data?.notification_id as string;
    if (!id) throw new Error(`could not seed a campaign: ${created.text}`);
    emulator.setStatus(id, status);
    ids.push(id);
  }
  const headersFor: Record<Credentials, Record<string, string>> = {
    none: {},
    user: authHeaders,
    tenant: await setup.tenantHeaders(),
    wrongToken: { ...authHeaders, Authorization: "Bearer t-emu-forged" },
    wrongHelpdesk: { ...authHeaders, "X-Lark-Helpdesk-Authorization": "bm9wZTpub3Bl" },
  };
  const state = () => JSON.stringify([emulator.notifications(), { ...emulator.botMessages() }]);
  const close = async () => {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { emulator, ids, headersFor, state, dataFile, close };
}

/** The figures a run reports. */
interface Tally {
  cases: number;
  crashes: number;
  serverErrors: number;
  leaks: number;
  byStatus: Record<number, number>;
}

async function fuzz(name: string, faults: FaultOptions | undefined, numRuns: number): Promise<Tally> {
  const target = await fuzzTarget(faults);
  const tally: Tally = { cases: 0, crashes: 0, serverErrors: 0, leaks: 0, byStatus: {} };
  try {
    const request = fc.record({
      method: anyMethod,
      target: anyTarget(target.ids),
      credentials: anyCredentials,
      body: anyBody(maxBodyBytes),
      contentType: fc.constantFrom("application/json", "text/plain", undefined),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        tally.cases += 1;
        const before = target.state();
        const recorded = target.emulator.requests.length;
        const headers = {
          ...target.headersFor[r.credentials],
          ...(r.contentType ? { "Content-Type": r.contentType } : {}),
        };
        const answer: RawAnswer = await rawRequest(target.emulator.url, { ...r, headers });
        tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
        const faulted = target.emulator.requests.slice(recorded).some((q) => q.fault !== undefined);
        const overCap = r.body !== undefined && Buffer.byteLength(r.body) > maxBodyBytes;

        const health = await rawRequest(target.emulator.url, { method: "GET", target: "/__emulator/messages" });
        if (health.status !== 200) tally.crashes += 1;
        expect(health.status).toBe(200);
        if (answer.status >= 500 && !faulted) tally.serverErrors += 1;
        expect({ status: answer.status, faulted, text: answer.text.slice(0, 200) }).toEqual({
          status: faulted || answer.status < 500 ? answer.status : "not a 5xx",
          faulted,
          text: answer.text.slice(0, 200),
        });
        // No answer at all only for a connection the emulator cut on purpose, or a body over the cap.
        if (answer.status === 0) expect({ faulted, overCap }).not.toEqual({ faulted: false, overCap: false });
        if (answer.status >= 400) expect(target.state()).toBe(before);
        if (!prototypesClean()) tally.leaks += 1;
        expect(prototypesClean()).toBe(true);
      }),
      { seed, numRuns, endOnFailure: true },
    );
    expect(validateDataFile(JSON.parse(fs.readFileSync(target.dataFile, "utf8")))).toHaveProperty("data");
  } finally {
    await target.close();
    console.log(`fuzz ${name}: ${JSON.stringify({ seed, ...tally })}`);
  }
  return tally;
}

// Property-based: random paths, methods, credentials and bodies against a real emulator over real
// HTTP. The process stays up, nothing answers 5xx unless a fault was injected, a refused request
// changes nothing, Object.prototype stays clean, and the data file still validates.
describe("the emulator under random requests", () => {
  it("stays up and answers every request sensibly", async () => {
    const tally = await fuzz("plain", undefined, runs);
    expect(tally).toMatchObject({ cases: runs, crashes: 0, serverErrors: 0, leaks: 0 });
  });

  it("answers 5xx or cuts the connection only when a fault was injected", async () => {
    const faults: FaultOptions = {
      seed,
      latencyMs: 1,
      rules: [
        {
          rate: 0.3,
          kinds: [...faultKinds],
        },
      ],
    };
    const tally = await fuzz("with faults", faults, Math.ceil(runs / 3));
    expect(tally).toMatchObject({ crashes: 0, serverErrors: 0, leaks: 0 });
  });
});
