import fc from "fast-check";
import { FeishuErrorCode } from "../../../provider/client/api/error-codes";
import { FeishuApiError } from "../../../provider/client/errors/feishu-api-error";
import { FeishuConfigError } from "../../../provider/client/errors/feishu-config-error";
import { FeishuNetworkError } from "../../../provider/client/errors/feishu-network-error";
import { FeishuRedirectError } from "../../../provider/client/errors/feishu-redirect-error";
import { FeishuResponseError } from "../../../provider/client/errors/feishu-response-error";
import { defaultRetryDeadlineMs, retryVerdict } from "../../../provider/client/retry/retry-policy";

const request = { method: "GET", url: "https://open.feishu.cn/open-apis/helpdesk/v1/notifications/1", headers: {} };
const apiError = (status: number, code: number, rateLimitResetSeconds?: number) =>
  new FeishuApiError({ status, code, msg: "m", request, rateLimitResetSeconds });
const networkError = (code?: string, timedOutAfterMs?: number) =>
  new FeishuNetworkError({ request, timedOutAfterMs, cause: Object.assign(new Error("x"), { code }) });
const responseError = () =>
  new FeishuResponseError({ status: 502, problem: "the body is not JSON", body: "", request });
const options = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000 };
const half = () => 0.5;

describe("retryVerdict", () => {
  it.each([
    ["a 429 with a reset, for a POST too", apiError(429, FeishuErrorCode.rateLimited, 2), false],
    ["code 99991400 under another status", apiError(400, FeishuErrorCode.rateLimited, 2), false],
  ])("waits at least the gateway's reset for %s", (_, error, idempotent) => {
    const verdict = retryVerdict(error, idempotent, 0, options, half);
    expect(verdict).toEqual({ retry: true, afterMs: 2000 + 125, rateLimited: true });
  });

  it("backs off when a 429 gives no reset", () => {
    expect(retryVerdict(apiError(429, FeishuErrorCode.rateLimited), false, 2, options, half)).toEqual({
      retry: true,
      afterMs: 200,
      rateLimited: true,
    });
  });

  it.each([
    ["HTTP 5xx", apiError(503, 1)],
    ["Feishu's internal error", apiError(200, FeishuErrorCode.internalError)],
    ["a timeout", networkError(undefined, 100)],
    ["a dropped connection", networkError("ECONNRESET")],
    ["an unreadable reply", responseError()],
  ])("repeats a read or a PATCH after %s, but not a POST", (_, error) => {
    expect(retryVerdict(error, true, 0, options, half)).toEqual({ retry: true, afterMs: 50, rateLimited: false });
    expect(retryVerdict(error, false, 0, options, half)).toEqual({ retry: false });
  });

  it("repeats a POST whose connection was refused before anything was sent", () => {
    expect(retryVerdict(networkError("ECONNREFUSED"), false, 0, options, half)).toMatchObject({ retry: true });
  });

  it.each([
    ["a refusal (4xx)", apiError(400, FeishuErrorCode.badRequest)],
    ["not found", apiError(404, FeishuErrorCode.notFound)],
    ["a redirect", new FeishuRedirectError({ status: 307, location: "https://elsewhere.example/", request })],
    ["a configuration error", new FeishuConfigError("no token")],
    ["a plain error", new Error("bug")],
  ])("never repeats %s", (_, error) => {
    expect(retryVerdict(error, true, 0, options, half)).toEqual({ retry: false });
  });

  it("keeps backoff within [0, min(max, base·2^attempt)) for any attempt and random draw", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const verdict = retryVerdict(networkError("ECONNRESET"), true, attempt, options, () => r);
        expect(verdict.retry).toBe(true);
        if (!verdict.retry) return;
        expect(verdict.afterMs).toBeGreaterThanOrEqual(0);
        expect(verdict.afterMs).toBeLessThan(Math.min(1000, 100 * 2 ** attempt));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe("a refused connection", () => {
  it("is retried a few times, quickly, then given up: a wrong baseUrl should say so at once", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND"])
      for (const idempotent of [true, false]) {
        const verdicts = [0, 1, 2, 3].map((attempt) =>
          retryVerdict(networkError(code), idempotent, attempt, { retryMaxDelayMs: 20_000 }, () => 0.99),
        );
        expect(verdicts.map((v) => v.retry)).toEqual([true, true, false, false]);
        for (const v of verdicts) if (v.retry) expect(v.afterMs).toBeLessThanOrEqual(1000);
      }
  });

  // The client loads no Pulumi: it names its own option, and the provider adds where a stack sets
  // it (test/unit/pulumi/pulumi-advice.test.ts).
  it("names the base URL and the client's option that sets it, with no Pulumi advice", () => {
    const error = networkError("ECONNREFUSED");
    expect(error.message).toContain("Nothing answers at https://open.feishu.cn");
    expect(error.message).toContain("check the client's baseUrl");
    expect(error.message).not.toMatch(/pulumi|feishu-helpdesk:/i);
    expect(networkError("ETIMEDOUT").message).not.toContain("Nothing answers");
  });
});

describe("defaultRetryDeadlineMs", () => {
  it("is 60 s under CI=true, 300 s elsewhere", () => {
    expect(defaultRetryDeadlineMs({ CI: "true" })).toBe(60_000);
    expect(defaultRetryDeadlineMs({ CI: "1" })).toBe(60_000);
    expect(defaultRetryDeadlineMs({})).toBe(300_000);
    expect(defaultRetryDeadlineMs({ CI: "false" })).toBe(300_000);
  });
});
