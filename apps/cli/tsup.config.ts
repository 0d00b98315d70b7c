import { defineConfig } from "tsup";

// Ink is ESM-only with top-level await, so the app ships as ESM alone.
export default defineConfig({
  entry: ["src/cli.tsx"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
});
