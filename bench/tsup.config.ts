import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/run.ts"],
  format: ["esm"],
  // Classes keep their names (`ShapeError`, not `_ShapeError`) in messages and stack traces.
  keepNames: true,
  sourcemap: true,
  clean: true,
  target: "node20",
});
