import { CONSOLE_CSP } from "../../emulator/console/serve";
import { draftBody, emulatorWithCredentials, postCampaign, rawRequest } from "./raw-http";

// The emulator's web console over real HTTP: what it serves, to whom, with which policy, and the
// admin routes as its page calls them. The browser's view is test/engine/console-browser.test.ts.

const hostile = '<script>alert("job")</script><img src=x onerror=alert(1)>';

describe("GET / (the console)", () => {
  let setup: Awaited<ReturnType<typeof emulatorWithCredentials>>;
  let id: string;
  beforeAll(async () => {
    setup = await emulatorWithCredentials();
    const card = { elements: [{ tag: "div", text: { tag: "lark_md", content: hostile } }] };
    const created = await postCampaign(setup.emulator.url, setup.authHeaders, {
      ...draftBody,
      job_name: hostile,
      push_content: JSON.stringify(card),
    });
    id = created.json!.data.notification_id;
  });
  afterAll(() => setup.emulator.close());
  const get = (target: string, headers: Record<string, string> = {}) =>
    rawRequest(setup.emulator.url, { method: "GET", target, headers });

  it("serves the page with a strict policy, the campaign's text escaped, and no API request logged", async () => {
    setup.emulator.clearRequests();
    const page = await get("/");
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-security-policy"]).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toContain("unsafe");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.text).toContain(id);
    expect(page.text).not.toMatch(/<script>|<img|onerror=alert\(1\)>/);
    expect(page.text).toContain("&#60;script&#62;alert(&#34;job&#34;)");
    // Only the console's own script and stylesheet, by URL; no inline script or style.
    expect(page.text.match(/<script\b[^>]*>/g)).toEqual(['<script src="/__emulator/console.js" defer>']);
    expect(page.text).not.toMatch(/<style|style=|https?:\/\//);
    expect(setup.emulator.requests).toEqual([]);
  });

  it("serves its script, stylesheet and panels; the panels as JSON of escaped markup", async () => {
    const script = await get("/__emulator/console.js");
    expect([script.status, script.headers["content-type"]]).toEqual([200, "text/javascript; charset=utf-8"]);
    expect((await get("/__emulator/console.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    const panels = await get("/__emulator/console/panels");
    expect(panels.json?.campaigns).toContain(`data-id="${id}"`);
    expect(panels.json?.campaigns).not.toContain("<img");
  });

  it("answers loopback names only, like the admin routes, and refuses another site's page", async () => {
    const port = new URL(setup.emulator.url).port;
    expect((await get("/", { Host: `attacker.example:${port}` })).status).toBe(403);
    expect((await get("/", { Origin: "http://attacker.example" })).status).toBe(403);
    expect((await rawRequest(setup.emulator.url, { method: "POST", target: "/", body: "{}" })).status).toBe(405);
  });
});

describe("the admin routes, called by the console's page", () => {
  let setup: Awaited<ReturnType<typeof emulatorWithCredentials>>;
  let id: string;
  beforeEach(async () => {
    setup = await emulatorWithCredentials();
    const created = await postCampaign(setup.emulator.url, setup.authHeaders);
    id = created.json!.data.notification_id;
  });
  afterEach(() => setup.emulator.close());
  const status = () => setup.emulator.notifications()[0].status;
  const post = (headers: Record<string, string>, body = '{"status":2}') =>
    rawRequest(setup.emulator.url, { method: "POST", target: `/__emulator/notifications/${id}/status`, headers, body });

  it("takes a JSON request from the emulator's own origin (same-origin fetch)", async () => {
    const origin = setup.emulator.url;
    const reply = await post({ Origin: origin, "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json" });
    expect(reply.status).toBe(200);
    expect(status()).toBe(2);
  });

  it("refuses another origin, a cross-site fetch, and a page's request not declared JSON", async () => {
    const origin = setup.emulator.url;
    const json = { "Content-Type": "application/json" };
    expect((await post({ ...json, Origin: "http://attacker.example" })).status).toBe(403);
    expect((await post({ ...json, Origin: "null" })).status).toBe(403);
    expect((await post({ ...json, Origin: origin, "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    // A form post or a text/plain one needs no preflight: refused even when empty.
    expect((await post({ Origin: origin, "Content-Type": "text/plain" })).status).toBe(415);
    const approve = await rawRequest(setup.emulator.url, {
      method: "POST",
      target: `/__emulator/notifications/${id}/approve`,
      headers: { Origin: origin },
    });
    expect(approve.status).toBe(415);
    expect(status()).toBe(0);
  });
});
