// The emulator's web console in headless Chromium, against the demo campaign deployed by the real
// engine: its card is rendered, Approve moves it on, and the next edit's `pulumi preview` is refused.
// Hostile job names and cards are shown as text: no dialog, no console error, no foreign request.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../harness/browser";
import { emulatedStack } from "../harness/emulated-stack";

/** Where the screenshots go (looked at by a person: before and after approving). */
const SCREENSHOTS = path.join(__dirname, "..", "..", ".pulumi-local", "console-screenshots");

const hostile = {
  jobName: `<script>alert("job")</script><img src=x onerror=alert("job-img")>`,
  card: {
    header: { title: { tag: "plain_text", content: `<img src=x onerror=alert("title")>` } },
    elements: [
      { tag: "div", text: { tag: "lark_md", content: `<script>alert("md")</script> [x](javascript:alert(1))` } },
      { tag: "div", text: { tag: "plain_text", content: `"><img src=/nope onerror=alert("plain")>` } },
    ],
  },
};

describe("the emulator's web console in a real browser", () => {
  const stack = emulatedStack("examples/scheduled-campaign");
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  const foreign: string[] = [];

  beforeAll(async () => {
    const { project, emulator, credentials } = stack;
    await project.setConfig("approvalReason", "Q3 rollout");
    await project.up();
    // A hostile campaign, created over the API as any client could.
    const auth = Buffer.from(`${credentials.helpdeskId}:${credentials.helpdeskToken}`).toString("base64");
    const created = await fetch(`${emulator.url}/open-apis/helpdesk/v1/notifications`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${credentials.userAccessTokens[0]}`,
        "X-Lark-Helpdesk-Authorization": auth,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({
        job_name: hostile.jobName,
        push_content: JSON.stringify(hostile.card),
        push_type: 0,
        push_scope_type: 1,
        chat_list: [{ chat_id: "oc_x" }],
      }),
    });
    expect(created.status).toBe(200);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("request", (request) => {
      if (!request.url().startsWith(`${emulator.url}/`)) foreign.push(request.url());
    });
  });
  afterAll(async () => browser?.close());

  const demo = () => stack.emulator.notifications().find((n) => n.job_name === "Q3 VPN client upgrade reminder")!;

  it("shows the demo campaign's rendered card; Approve moves it on; the next edit's preview is refused", async () => {
    const { emulator, project } = stack;
    expect(demo().status).toBe(1); // in review
    await page.goto(`${emulator.url}/`);
    const article = page.locator(`article.campaign[data-id="${demo().id}"]`);
    await article.locator(".fh-card").waitFor();
    expect(await article.locator(".fh-card").innerText()).toContain(
      "Please upgrade the VPN client to 5.2 before Friday",
    );
    expect(await article.locator(".status").innerText()).toBe("1 (inReview)");
    await page.screenshot({ path: path.join(SCREENSHOTS, "before-approve.png"), fullPage: true });

    await article.locator('button[data-action="approve"]').click();
    await page.locator(`article.campaign[data-id="${demo().id}"] .status`, { hasText: "2 (approved)" }).waitFor();
    expect(await page.locator("#notice").innerText()).toContain("Approve: done");
    expect(demo().status).toBe(2);
    // The request log follows without a reload: the engine's calls are listed.
    expect(await page.locator("#requests").innerText()).toContain("/open-apis/helpdesk/v1/notifications");
    await page.screenshot({ path: path.join(SCREENSHOTS, "after-approve.png"), fullPage: true });

    await project.setConfig("message", "Please upgrade the VPN client to 5.3.");
    const preview = await project.run(["preview"]);
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("only drafts (status 0) can be edited");
  });

  it("shows hostile job names and cards as text: no dialog, no console error, no request elsewhere", async () => {
    const article = page.locator("article.campaign", { hasText: "onerror" });
    await article.first().waitFor();
    expect(await article.locator("h2").innerText()).toBe(hostile.jobName);
    expect(await article.locator("img, script, a[href^='javascript']").count()).toBe(0);
    const card = await article.locator(".card-frame").innerText();
    expect(card).toContain(`<script>alert("md")</script>`);
    expect(card).toContain(`"><img src=/nope onerror=alert("plain")>`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "hostile.png"), fullPage: true });
    expect({ dialogs, consoleErrors, foreign }).toEqual({ dialogs: [], consoleErrors: [], foreign: [] });
  });
});
