import fc from "fast-check";
import { escapeHtml, html } from "../../provider/markup/html";

// The console's markup under any text (the fuzz project, `npm run test:fuzz`): what it serves over
// HTTP is console.test.ts's.

const hostile = '<script>alert("job")</script><img src=x onerror=alert(1)>';

describe("the console's markup", () => {
  it("escapes every interpolated value: no string can open a tag, an attribute or an entity", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const markup = html`<p title="${text}">${text}</p>`.text;
        const inner = markup.slice(markup.indexOf(">") + 1, markup.lastIndexOf("</p>"));
        expect(inner).not.toMatch(/[<>"'`]/);
        expect(markup.match(/"/g)).toHaveLength(2);
        expect(inner.replace(/&#\d+;/g, "")).not.toContain("&");
      }),
    );
    expect(escapeHtml(hostile)).toBe(
      "&#60;script&#62;alert(&#34;job&#34;)&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;",
    );
  });
});
