import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as http2 from "node:http2";
import * as os from "node:os";
import * as path from "node:path";
import { buildSync } from "esbuild";

// host-cancel.ts ends the provider process on SIGINT/SIGTERM: at once when idle (the engine
// stops every provider that way at the end of a run), and only after the replies in progress
// have been sent otherwise. A real process with a real HTTP/2 server, as the dynamic host has.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "host-cancel-"));
const entry = path.join(dir, "entry.ts");
const bundle = path.join(dir, "entry.js");
const hostCancel = path.resolve(__dirname, "../../../provider/pulumi/host-cancel");

beforeAll(() => {
  fs.writeFileSync(
    entry,
    `import * as http2 from "node:http2";
import { countedCall, hostCancellation } from ${JSON.stringify(hostCancel)};
const server = http2.createServer();
server.on("stream", (stream) => {
  void countedCall(() => new Promise((resolve) => setTimeout(resolve, 300))).then(() => {
    stream.respond({ ":status": 200 });
    stream.end("the whole reply");
  });
});
server.listen(0, "127.0.0.1", () => {
  hostCancellation();
  process.stdout.write(String((server.address() as { port: number }).port) + "\\n");
});
`,
  );
  buildSync({ entryPoints: [entry], bundle: true, platform: "node", outfile: bundle, logLevel: "silent" });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the provider-like process; resolves with it and its port once it listens. */
function start(): Promise<{ child: ChildProcess; port: number; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [bundle], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", (data: Buffer) => resolve({ child, port: Number(String(data).trim()), exited }));
    child.once("error", reject);
  });
}

it("ends at once, with status 130, when SIGINT finds it idle", async () => {
  const { child, exited } = await start();
  const sent = Date.now();
  child.kill("SIGINT");
  expect(await exited).toBe(130);
  expect(Date.now() - sent).toBeLessThan(1500); // the grace period is 2 s: not waited for
});

it("sends the reply in progress before it ends after SIGTERM", async () => {
  const { child, port, exited } = await start();
  const session = http2.connect(`http://127.0.0.1:${port}`);
  session.on("error", () => undefined); // the server goes away after the reply
  const reply = new Promise<string>((resolve, reject) => {
    const request = session.request({ ":path": "/pulumirpc.ResourceProvider/Create" });
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
    request.end();
  });
  await new Promise((resolve) => setTimeout(resolve, 100)); // the call is under way
  child.kill("SIGTERM");
  expect(await reply).toBe("the whole reply");
  expect(await exited).toBe(143);
  session.destroy();
});
