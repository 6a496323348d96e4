/**
 * Two projects: `unit` (pure logic, the client over a local HTTP server, the emulator, the
 * contract between them) needs no Pulumi engine and runs in seconds (`npm run test:unit`);
 * `engine` starts real `pulumi` processes, so only it builds or finds the engine.
 * @type {import('jest').Config}
 */
const shared = {
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
};

module.exports = {
  // Engine tests start real `pulumi` processes; two cores, so two workers.
  maxWorkers: 2,
  // An engine test runs several `pulumi` commands; Jest allows this only globally.
  testTimeout: 180000,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test/unit", "<rootDir>/test/client", "<rootDir>/test/emulator", "<rootDir>/test/contract"],
      testMatch: ["**/*.test.ts"],
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
