/**
 * The projects: `unit` (pure logic, the client over a local HTTP server, the emulator, the
 * contract between them) needs no Pulumi engine and runs in seconds (`npm run test:unit`, the
 * inner loop); `fuzz` holds the long property-based runs of the same parts (files named
 * `*fuzz.test.ts`, `npm run test:fuzz`); `timed` the few that wait in real time or start processes
 * (`npm run test:timed`); `browser` looks at rendered cards in Chromium; `engine`
 * starts real `pulumi` processes, so only it builds or finds the engine. `npx jest` (`bash
 * scripts/test`) runs them all.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
};

/** Where the unit and fuzz tests live: no engine needed. */
const withoutEngine = [
  "<rootDir>/test/unit",
  "<rootDir>/test/client",
  "<rootDir>/test/emulator",
  "<rootDir>/test/contract",
];
/** A fuzz file: `fuzz.test.ts`, `hostile-server-fuzz.test.ts`... */
const fuzzFile = "fuzz\\.test\\.ts$";
/**
 * The files that wait in real time or start processes (retries and 429 resets at real speed, a
 * child emulator killed with -9, the client loaded in a fresh Node): half the unit time in six
 * files, so they run beside the fuzz runs, out of the inner loop and in the full run.
 */
const timedFile = "/(resilience|hostile-server|client-entry|data-file|unread-replies|token-churn)\\.test\\.ts$";

module.exports = {
  // Engine tests start real `pulumi` processes; two cores, so two workers.
  maxWorkers: 2,
  // An engine test runs several `pulumi` commands; Jest allows this only globally.
  testTimeout: 180000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: withoutEngine,
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", fuzzFile, timedFile],
    },
    {
      ...shared,
      // fast-check's long runs (FUZZ_RUNS and FUZZ_SEED where a file reads them): out of the inner
      // loop, in the full run.
      displayName: "fuzz",
      roots: withoutEngine,
      testRegex: fuzzFile,
    },
    {
      ...shared,
      displayName: "timed",
      roots: withoutEngine,
      testRegex: timedFile,
    },
    {
      ...shared,
      // Headless Chromium (scripts/ensure-chromium) looking at what a person sees: rendered cards.
      displayName: "browser",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "engine",
      roots: ["<rootDir>/test/engine"],
      testMatch: ["**/*.test.ts"],
      // Only this project needs the engine: Jest runs a project's globalSetup only when one of its tests runs.
      globalSetup: "<rootDir>/test/harness/global-setup.ts",
    },
  ],
};
