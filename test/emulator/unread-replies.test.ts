import * as net from "node:net";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { randomCredentials } from "../harness/feishu-fixture";

// Issue 24: the emulator buffered every reply for a client that pipelines requests and never
// reads them (40 such connections grew it from 55 to 384 MB, and a legitimate call took 2.6 s).
// Now a connection with more than maxUnsentReplyBytes unread is closed instead.
describe("a client that pipelines requests and never reads", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => (emulator = await startEmulator({ credentials: randomCredentials() })));
  afterAll(() => emulator.close());

  it("has its connection closed once its unread replies pass the cap, and others are still answered", async () => {
    const { port } = new URL(emulator.url);
    const socket = net.connect(Number(port), "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.on("error", () => undefined); // the emulator resets it: that is the point
    let closedByEmulator = false;
    const closed = new Promise((resolve) => socket.once("close", resolve)).then(() => (closedByEmulator = true));
    const sent = 20_000;
    const request = "GET /open-apis/helpdesk/v1/notifications/1 HTTP/1.1\r\nHost: x\r\n\r\n";
    socket.write(request.repeat(sent));
    // Nothing read for 3 s: every reply the emulator makes meanwhile waits on its side.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const legitimate = await fetch(`${emulator.url}/open-apis/helpdesk/v1/notifications/1`);
    expect(legitimate.status).toBeGreaterThanOrEqual(400); // answered (no credentials), not stuck
    // Now read what the emulator kept for this client, until it ends the connection.
    let replies = 0;
    socket.on("data", (chunk: Buffer) => (replies += chunk.toString("latin1").split("HTTP/1.1 ").length - 1));
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    socket.destroy();
    expect(closedByEmulator).toBe(true);
    expect(replies).toBeLessThan(sent / 2); // before: every one of the 20,000 was buffered and sent
  }, 30_000);
});
