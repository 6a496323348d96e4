import { decodeSegment, jsonNestingDepth, parseJsonBody, parseRequestTarget } from "../../emulator/request-input";

// The pure parsers every request goes through before a route sees it.
describe("request input parsing", () => {
  it("measures JSON nesting without counting brackets in strings, and stops early", () => {
    expect(jsonNestingDepth('{"a":[1,{"b":"[[[{{{"}]}')).toBe(3);
    expect(jsonNestingDepth('["\\"[[["]')).toBe(1);
    expect(jsonNestingDepth("[".repeat(1_000_000), 32)).toBe(33);
  });

  it("refuses a body nested deeper than the limit before parsing it", () => {
    expect(parseJsonBody("[[[1]]]", 2)).toEqual({
      kind: "invalid",
      problem: "the body is nested deeper than 2 levels",
    });
    expect(parseJsonBody("[[1]]", 2)).toEqual({ kind: "json", value: [[1]] });
    expect(parseJsonBody("", 2)).toEqual({ kind: "empty" });
    expect(parseJsonBody("{", 2)).toEqual({ kind: "invalid", problem: "the body is not JSON" });
  });

  it("parses request targets and path segments without throwing", () => {
    expect(parseRequestTarget("http://a:99999/")).toBeUndefined();
    expect(parseRequestTarget("/a/b?user_id_type=open_id")?.path).toBe("/a/b");
    expect(parseRequestTarget("http://x:1/open-apis?q=1")?.query.get("q")).toBe("1");
    expect(decodeSegment("%E0")).toBeUndefined();
    expect(decodeSegment("%E4%BD%A0")).toBe("你");
  });
});
