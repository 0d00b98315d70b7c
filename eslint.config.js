import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "assert", "buffer", "child_process", "crypto", "events", "fs", "fs/promises", "http", "https",
  "module", "net", "os", "path", "perf_hooks", "process", "readline", "stream", "tty", "url",
  "util", "v8", "vm", "worker_threads", "zlib",
];

export default defineConfig(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.turbo/**", "**/coverage/**", "**/.readme-blocks/**"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Library packages must run unchanged in a browser bundle: Node built-ins only behind `./node`.
    files: ["packages/*/src/**/*.ts"],
    ignores: ["packages/*/src/node.ts", "packages/*/src/node/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["node:*"], message: "library code must be browser-safe: put Node-only code under src/node/ (the ./node export)" }],
        paths: nodeBuiltins.map((name) => ({ name, message: "library code must be browser-safe: put Node-only code under src/node/ (the ./node export)" })),
      }],
    },
  },
  {
    // Math's transcendentals differ between engines in the last bits; @nn/tensor's `elementary`
    // gives the same bits everywhere (docs/design_notes.md "Own elementary functions"). The apps
    // too: what the CLI and the experiments print must not depend on the engine either.
    files: ["packages/*/src/**/*.ts", "packages/*/src/**/*.tsx", "apps/*/src/**/*.ts", "apps/*/src/**/*.tsx"],
    rules: {
      "no-restricted-properties": ["error", ...[
        "exp", "expm1", "log", "log1p", "log2", "log10", "pow", "sin", "cos", "tan", "tanh", "sinh", "cosh",
        "asin", "acos", "atan", "atan2", "asinh", "acosh", "atanh", "cbrt", "hypot",
      ].map((property) => ({
        object: "Math",
        property,
        message: "engines differ in its last bits: use elementary from @nn/tensor (same bits everywhere), or add it there",
      }))],
      "no-restricted-syntax": ["error", {
        // x ** y is Math.pow; a literal power of a literal (2 ** 20, 2 ** -150) is exact and allowed
        selector: "BinaryExpression[operator='**']:not([left.type='Literal'][right.type='Literal']):not([left.type='Literal'][right.type='UnaryExpression'][right.argument.type='Literal'])",
        message: "** is Math.pow, whose last bits differ between engines: use elementary.pow from @nn/tensor",
      }],
    },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], extends: [tseslint.configs.disableTypeChecked] },
);
