import { cardCss, cardLinks, renderCardHtml, renderCardHtmlFragment, renderCardText } from "../../../provider/card";
import { cardCorpus, demoCard, v1Full, v2Body } from "../../cases/card-corpus";

/** The words of HTML, tags dropped and entities read, to compare with what a person sees. */
const words = (html: string) =>
  html
    .replace(/<br>/g, "\n")
    .replace(/<\/?(strong|em|del|span|a|code)\b[^>]*>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
/** The words of Markdown, its escapes and emphasis dropped. */
const mdWords = (md: string) =>
  md
    .replace(/\\(.)/g, "$1")
    .replace(/\*\*|~~/g, "")
    .replace(/\s+/g, " ");

describe("renderCardText", () => {
  it.each(cardCorpus.map((c) => [c.name, c]))("shows what %s says", (_name, { card, shows }) => {
    const text = mdWords(renderCardText(card));
    for (const phrase of shows) expect(text).toContain(phrase.replace(/\s+/g, " ").replace(/\*\*/g, ""));
  });

  it("writes the title, lark_md as Markdown, fields, buttons as links and notes", () => {
    const md = renderCardText(v1Full);
    expect(md).toMatch(/^### Laptop refresh 2027\n/);
    expect(md).toContain("your laptop is due for **refresh**");
    expect(md).toContain("[booking page](https://it.example.com/book)");
    expect(md).toContain("- **Where** HQ, floor 3");
    expect(md).toContain("[Ask the helpdesk](https://help.example.com/pc)");
    expect(md).toContain("[Book now](https://it.example.com/book) · [Open in Feishu](lark://applink.feishu.cn/");
    expect(md).toContain("> [image img\\_v2\\_icon: IT] Sent by the IT helpdesk");
    expect(md).toContain("[image img\\_v2\\_041b28e3");
  });

  it("escapes the card's text so it cannot add markup, and links only allowed schemes", () => {
    const md = renderCardText({
      header: { title: { tag: "plain_text", content: "<img src=x onerror=alert(1)> ![t](https://evil)" } },
      elements: [
        { tag: "div", text: { tag: "lark_md", content: "[click](javascript:alert(1)) # not a heading" } },
        { tag: "action", actions: [{ tag: "button", text: { tag: "plain_text", content: "Go" }, url: "data:x" }] },
      ],
    });
    expect(md).toContain("\\<img src=x onerror=alert(1)\\>");
    expect(md).not.toMatch(/\]\((javascript|data):/);
    expect(md).toContain("[ Go ]");
  });
});

describe("renderCardHtmlFragment and renderCardHtml", () => {
  it.each(cardCorpus.map((c) => [c.name, c]))("shows what %s says", (_name, { card, shows }) => {
    const text = words(renderCardHtmlFragment(card));
    for (const phrase of shows) expect(text).toContain(phrase.replace(/\*\*/g, "").replace(/\s+/g, " "));
  });

  it("is one element with class fh-card, header coloured by its template", () => {
    const html = renderCardHtmlFragment(v2Body);
    expect(html).toMatch(/^<div class="fh-card" data-schema="2.0">[\s\S]*<\/div>$/);
    expect(html).toContain('<div class="fh-header fh-tpl-red">');
    expect(renderCardHtmlFragment(demoCard)).toContain('<div class="fh-header fh-tpl-default">');
  });

  it("renders lark_md, short fields, buttons by type, notes, dividers and image placeholders", () => {
    const html = renderCardHtmlFragment(v1Full);
    expect(html).toContain("<strong>refresh</strong>");
    expect(html).toContain("<em>Book a slot</em>");
    expect(html).toContain("<del>Monday</del>");
    expect(html).toContain('<span class="fh-font-red">required</span>');
    expect(html).toContain('<span class="fh-at">@all</span>');
    expect(html).toContain(
      '<a href="https://it.example.com/book" target="_blank" rel="noopener noreferrer nofollow">booking page</a>',
    );
    expect(html.match(/class="fh-field fh-short"/g)).toHaveLength(2);
    expect(html).toContain('class="fh-button fh-button-primary" data-path="elements[5].actions[0]">Book now</a>');
    expect(html).toContain('class="fh-button fh-button-danger" data-path="elements[5].actions[2]">Opt out</a>');
    expect(html).toContain('<hr class="fh-hr" data-path="elements[2]">');
    expect(html).toContain("<code>img_v2_041b28e3-5680-48c2-9af2-497ace79333g</code>");
    expect(html).toContain('<div class="fh-note" data-path="elements[6]">');
  });

  it("escapes every text and makes a link of an allowed scheme only", () => {
    const html = renderCardHtmlFragment({
      header: { title: { tag: "plain_text", content: '"><script>alert(1)</script>' }, template: 'blue" onclick="x' },
      elements: [
        { tag: "div", text: { tag: "lark_md", content: "[a](javascript:alert(1)) <b onmouseover=x>b</b>" } },
        { tag: "action", actions: [{ tag: "button", text: { tag: "plain_text", content: "x" }, url: "JaVaScRiPt:x" }] },
      ],
    });
    expect(html).not.toMatch(/<script|<b |javascript:"|href="(?!https?:|lark:)/i);
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
    expect(html).toContain('class="fh-header fh-tpl-default"');
  });

  it("makes one page with the CSS inline, a policy that forbids scripts, and the card's title", () => {
    const page = renderCardHtml(demoCard);
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain("<title>VPN client upgrade</title>");
    expect(page).toContain(cardCss);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).not.toMatch(/<script|<link|src=|url\(/i);
    expect(renderCardHtml(demoCard, { title: "Preview <1>" })).toContain("<title>Preview &lt;1&gt;</title>");
  });
});

describe("cardLinks", () => {
  it("lists every URL with its path, whatever its scheme", () => {
    expect(cardLinks(v1Full)).toEqual([
      { path: "pushContent.elements[0].text.content", url: "https://it.example.com/book" },
      { path: "pushContent.elements[1].href.help.pc_url", url: "https://help.example.com/pc" },
      { path: "pushContent.elements[1].href.help.url", url: "https://help.example.com" },
      { path: "pushContent.elements[5].actions[0].url", url: "https://it.example.com/book" },
      {
        path: "pushContent.elements[5].actions[1].multi_url.url",
        url: "lark://applink.feishu.cn/client/web_app/open?appId=cli_a",
      },
      { path: "pushContent.elements[5].actions[2].url", url: "https://it.example.com/opt-out" },
      { path: "pushContent.card_link.url", url: "https://it.example.com/refresh" },
    ]);
    const bad = { elements: [{ tag: "markdown", content: "see https://x.example/a and [b](javascript:1)" }] };
    expect(cardLinks(bad, { pathPrefix: "content" })).toEqual([
      { path: "content.elements[0].content", url: "https://x.example/a" },
      { path: "content.elements[0].content", url: "javascript:1" },
    ]);
  });
});
