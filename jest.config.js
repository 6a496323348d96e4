/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  globalSetup: "<rootDir>/test/harness/global-setup.ts",
  // Engine tests start real `pulumi` processes; two cores, so two workers.
  maxWorkers: 2,
  testTimeout: 180000,
};
