/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The card corpus rendered to HTML and opened in headless Chromium: what a person would see is asserted
// through the DOM, each card is screenshotted, and hostile cards run no script and load nothing.
import * as fs from "node:fs";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { renderCardHtml } from "../../provider/card";
import { cardCorpus } from "../cases/card-corpus";
import { launchBrowser } from "../harness/browser";
import { HOSTILE_STRINGS } from "../cases/hostile-strings";

/** Where the screenshots go: one PNG per corpus card, named after it. */
export const SCREENSHOT_DIR = path.join(__dirname, "..", "..", ".pulumi-local", "card-screenshots");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** A page that records every dialog (an executed alert) and every request other than the page itself. */
async function watchedPage(): Promise<{ page: Page; dialogs: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 600, height: 400 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("request", (request) => {
    if (!request.url().startsWith("data:") && request.url() !== "about:blank") requests.push(request.url());
  });
  return { page, dialogs, requests };
}

describe("cards in a real browser", () => {
  it.each(cardCorpus.map((c) => [c.name, c]))(
    "%s shows its text and structure, and is screenshotted",
    async (name, c) => {
      const { page, dialogs, requests } = await watchedPage();
      await page.setContent(renderCardHtml(c.card), { waitUntil: "load" });
      const card = page.locator(".fh-card");
      expect(await card.count()).toBe(1);
      const visible = (await card.innerText()).replace(/\s+/g, " ");
      for (const phrase of c.shows) expect(visible).toContain(phrase.replace(/\*\*/g, "").replace(/\s+/g, " "));
      // Everything shown sits inside the card's box, which has a size.
      const box = await card.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      await card.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
      expect(fs.statSync(path.join(SCREENSHOT_DIR, `${name}.png`)).size).toBeGreaterThan(1000);
      expect({ dialogs, requests }).toEqual({ dialogs: [], requests: [] });
      await page.close();
    },
  );

  it("lays out the every-tag card like Feishu: coloured header, short fields side by side, typed buttons", async () => {
    const { page } = await watchedPage();
    await page.setContent(renderCardHtml(cardCorpus.find((c) => c.name === "v1-every-tag")!.card));
    const header = await page.locator(".fh-header").evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(header).toBe("rgb(4, 180, 156)"); // turquoise
    const [first, second] = await page
      .locator(".fh-field.fh-short")
      .evaluateAll((fields) => fields.map((f) => f.getBoundingClientRect().toJSON() as { top: number; left: number }));
    expect(second.top).toBe(first.top);
    expect(second.left).toBeGreaterThan(first.left);
    const primary = await page.getByText("Book now").evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(primary).toBe("rgb(51, 112, 255)");
    expect(await page.getByText("Book now").getAttribute("href")).toBe("https://it.example.com/book");
    expect(await page.locator(".fh-img").first().innerText()).toContain("img_v2_041b28e3");
    await page.close();
  });

  it.each(cardCorpus.map((c) => [c.name, c.card]))(
    "runs no script and loads nothing when every text and link of %s is hostile",
    async (_name, card) => {
      const base = typeof card === "string" ? JSON.parse(card) : card;
      // One page for all payloads: its dialog and request records span every one of them.
      const { page, dialogs, requests } = await watchedPage();
      for (const payload of HOSTILE_STRINGS) {
        const hostile = JSON.parse(JSON.stringify(base), (key, value) =>
          typeof value === "string" && key !== "tag" ? payload : value,
        );
        await page.setContent(renderCardHtml(hostile), { waitUntil: "load" });
        const dom = await page.evaluate(() => ({
          scripts: document.querySelectorAll("script").length,
          handlers: [...document.querySelectorAll("*")].flatMap((e) =>
            [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => a.name),
          ),
          hrefs: [...document.querySelectorAll("[href]")].map((a) => (a as HTMLAnchorElement).protocol),
        }));
        expect({ dialogs, requests, scripts: dom.scripts, handlers: dom.handlers }).toEqual({
          dialogs: [],
          requests: [],
          scripts: 0,
          handlers: [],
        });
        for (const protocol of dom.hrefs) expect(["https:", "http:", "lark:"]).toContain(protocol);
      }
      await page.close();
    },
  );
});
