import fc from "fast-check";
import { cardLinks } from "pulumi-feishu-helpdesk/client";
import { hostAllowed, judgeLink } from "../../../policy/decisions/hosts";

const allowed = ["example.com", "feishu.cn"];

describe("host matching", () => {
  it.each(["example.com", "docs.example.com", "a.b.example.com", "EXAMPLE.com", "example.com."])("allows %s", (host) =>
    expect(hostAllowed(host, allowed)).toBe(true),
  );

  it.each(["example.com.evil.io", "evilexample.com", "example.co", "xexample.com", "com", ""])("refuses %j", (host) =>
    expect(hostAllowed(host, allowed)).toBe(false),
  );

  it("never allows a host that only ends with an allowed name's text", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{1,10}$/), (prefix) =>
        expect(hostAllowed(`${prefix}example.com`, ["example.com"])).toBe(prefix.endsWith(".")),
      ),
    );
  });

  it("never allows an allowed name followed by more labels", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,10}$/), (tld) =>
        expect(hostAllowed(`example.com.${tld}`, ["example.com"])).toBe(false),
      ),
    );
  });
});

describe("links as a browser reads them", () => {
  it("judges by the real host, not the text before @", () => {
    expect(judgeLink("https://example.com@evil.io/x", allowed, ["https"])).toMatchObject({
      allowed: false,
      host: "evil.io",
    });
  });
  it("refuses other schemes and relative links", () => {
    expect(judgeLink("http://example.com", allowed, ["https"])).toMatchObject({ allowed: false });
    expect(judgeLink("javascript:alert(1)", allowed, ["https"])).toMatchObject({ allowed: false });
    expect(judgeLink("/relative", allowed, ["https"])).toMatchObject({ allowed: false, why: "is not an absolute URL" });
  });
  it("allows a subdomain over https", () => {
    expect(judgeLink("https://Docs.Example.com/vpn?x=1", allowed, ["https"])).toEqual({
      allowed: true,
      host: "docs.example.com",
    });
  });
});

// The card model's walker (issue 17), as card-links-allowed-hosts reads it: paths from pushContent.
describe("the links in a card", () => {
  it("finds buttons, multi_url, markdown and <a href> with their paths", () => {
    const card = {
      elements: [
        { tag: "div", text: { tag: "lark_md", content: "See [the guide](https://docs.example.com/vpn)" } },
        {
          tag: "action",
          actions: [
            { tag: "button", url: "https://evil.io", multi_url: { url: "", android_url: "https://a.example.com" } },
          ],
        },
        { tag: "markdown", content: '<a href="https://example.com.evil.io/">x</a>' },
      ],
    };
    expect(cardLinks(card)).toEqual([
      { path: "pushContent.elements[0].text.content", url: "https://docs.example.com/vpn" },
      { path: "pushContent.elements[1].actions[0].url", url: "https://evil.io" },
      // An empty multi_url target is no link (the old walker listed it as one): the card model leaves it out.
      { path: "pushContent.elements[1].actions[0].multi_url.android_url", url: "https://a.example.com" },
      { path: "pushContent.elements[2].content", url: "https://example.com.evil.io/" },
    ]);
  });

  it("never throws on any JSON", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => expect(Array.isArray(cardLinks(value))).toBe(true)));
  });
});
