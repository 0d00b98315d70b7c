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
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], extends: [tseslint.configs.disableTypeChecked] },
);
