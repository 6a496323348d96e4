import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createProxy } from "proxy";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { HelpdeskClient } from "../../provider";
import { randomCredentials } from "../harness/feishu-fixture";

// CD runners behind a proxy: HTTP(S)_PROXY and NO_PROXY are honoured. A real forward proxy
// (the `proxy` package) sits between the client and the emulator. This file sets process.env,
// so it runs alone in its jest worker.
describe("proxies", () => {
  let emulator: RunningEmulator;
  let proxy: http.Server;
  let proxied = 0;
  const credentials = randomCredentials();
  const saved = { ...process.env };

  beforeAll(async () => {
    emulator = await startEmulator({ credentials });
    proxy = createProxy(http.createServer());
    proxy.on("request", () => proxied++);
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    process.env = saved;
    await emulator.close();
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("goes through HTTP_PROXY, and around it for hosts in NO_PROXY", async () => {
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const client = new HelpdeskClient({ baseUrl: emulator.url, credentials });
    const { notificationId } = await client.createNotification({
      job_name: "Via proxy",
      push_content: "{}",
      push_type: 0,
      push_scope_type: 0,
    });
    expect(proxied).toBeGreaterThanOrEqual(2); // token and create
    expect(emulator.notifications()).toHaveLength(1);

    process.env.NO_PROXY = "127.0.0.1";
    const before = proxied;
    await new HelpdeskClient({ baseUrl: emulator.url, credentials }).getNotification(notificationId);
    expect(proxied).toBe(before);
  });
});
