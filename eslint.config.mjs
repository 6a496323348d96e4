// Lint: ESLint's and typescript-eslint's recommended rules; layout is Prettier's job, except the
// 120-character limit, which Prettier cannot enforce on strings and comments. Every line counts
// (no ignore options): `ignoreUrls` let 130-character strings through because they named a URL;
// a long URL goes in a variable or on a line of its own.
import js from "@eslint/js";
import stylistic from "@stylistic/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "policy/dist/", "**/node_modules/", ".pulumi-local/", "bench/results/", "coverage/", "sdk/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "@stylistic": stylistic },
    rules: {
      "@stylistic/max-len": ["error", { code: 120 }],
      // `_` marks a value taken apart on purpose and left unused.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
