import { restack, withoutPromiseStacks } from "../../../provider/pulumi/promise-stacks";

describe("withoutPromiseStacks", () => {
  const limit = Error.stackTraceLimit;
  afterEach(() => {
    Error.stackTraceLimit = limit;
    delete process.env.PULUMI_DEBUG_PROMISE_LEAKS;
  });

  it("turns stack capture off until restored, nested registrations included", () => {
    const outer = withoutPromiseStacks();
    expect(new Error("x").stack).toBe("Error: x");
    const inner = withoutPromiseStacks(); // a resource made inside another's registration
    inner();
    expect(Error.stackTraceLimit).toBe(0);
    outer();
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error("x").stack).toMatch(/\n\s+at /);
  });

  it("leaves the stacks on when PULUMI_DEBUG_PROMISE_LEAKS asks for them", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const restore = withoutPromiseStacks();
    expect(Error.stackTraceLimit).toBe(limit);
    restore();
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("gives an error thrown during the registration its stack back, once restored", () => {
    const restore = withoutPromiseStacks();
    let thrown: unknown;
    try {
      throw new Error("Resource parent is not a valid Resource");
    } catch (error) {
      restore();
      thrown = restack(error);
    }
    expect((thrown as Error).message).toBe("Resource parent is not a valid Resource");
    expect((thrown as Error).stack).toMatch(/promise-stacks\.test\.ts/);
    expect(restack("not an error")).toBe("not an error");
  });
});
