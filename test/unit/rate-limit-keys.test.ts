import fc from "fast-check";
import { createContext } from "../../emulator/context";
import { RATE_LIMITED_ENDPOINTS } from "../../provider/client/api/rate-limits";
import { HelpdeskClient } from "../../provider/client/helpdesk-client";
import { resolveSettings } from "../../provider/pulumi/settings";

// Per-endpoint rate limits: the settings, the client and the emulator take an endpoint's own name
// only, never a name every object inherits (`toString`, `constructor`, `__proto__`).

const credentials = { helpdeskId: "h", helpdeskToken: "t", appId: "a", appSecret: "s" };
const inherited = Object.getOwnPropertyNames(Object.prototype);
const keys = fc.oneof(fc.constantFrom(...RATE_LIMITED_ENDPOINTS), fc.constantFrom(...inherited), fc.string());

/** The three places that read per-endpoint limits, each saying whether it took `limits`. */
const takers: Record<string, (limits: Record<string, number>, json: string) => boolean> = {
  settings: (_, json) => resolveSettings({ ...credentials, rateLimits: json }).ok,
  client: (limits) => {
    try {
      new HelpdeskClient({ credentials, rateLimits: limits });
      return true;
    } catch {
      return false;
    }
  },
  emulator: (limits) => {
    try {
      createContext({ rateLimits: limits });
      return true;
    } catch {
      return false;
    }
  },
};

describe("per-endpoint rate limits", () => {
  it.each(["toString", "constructor", "__proto__", "hasOwnProperty", "creat"])(
    "are refused with an inherited or unknown name: %s",
    (key) => {
      const json = `{${JSON.stringify(key)}: 3}`;
      const limits = JSON.parse(json) as Record<string, number>;
      expect(Object.keys(limits)).toEqual([key]);
      const resolved = resolveSettings({ ...credentials, rateLimits: json });
      expect(resolved.ok ? [] : resolved.problems).toEqual([
        { key: "rateLimits", problem: expect.stringContaining(`unknown endpoint "${key}"`) },
      ]);
      expect(() => new HelpdeskClient({ credentials, rateLimits: limits })).toThrow(`unknown endpoint "${key}"`);
      expect(() => createContext({ rateLimits: limits })).toThrow(`unknown endpoint "${key}"`);
    },
  );

  it.each(Object.keys(takers))("are taken by the %s exactly when every name is an endpoint", (taker) => {
    fc.assert(
      fc.property(fc.dictionary(keys, fc.integer({ min: 1, max: 1000 })), (generated) => {
        // Built from JSON, as settings arrive: `__proto__` is then an own key, not the prototype.
        const json = JSON.stringify(Object.fromEntries(Object.entries(generated)));
        const limits = JSON.parse(json) as Record<string, number>;
        const valid = Object.keys(limits).every((k) => (RATE_LIMITED_ENDPOINTS as readonly string[]).includes(k));
        expect(takers[taker](limits, json)).toBe(valid);
      }),
    );
  });
});
