import { defineConfig } from "tsup";

// Ink is ESM-only with top-level await, so the app ships as ESM alone. The live screen trains in a
// worker thread whose entry must sit next to cli.js (WorkerSession finds it by import.meta.url).
export default defineConfig({
  entry: { cli: "src/cli.tsx", "training-worker": "src/session/training-worker.ts" },
  format: ["esm"],
  // Classes keep their names (`ShapeError`, not `_ShapeError`) in messages and stack traces.
  keepNames: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
