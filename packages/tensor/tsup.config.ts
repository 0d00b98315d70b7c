import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node/index.ts" },
  format: ["esm", "cjs"],
  // Classes keep their names (`ShapeError`, not `_ShapeError`) in messages and stack traces.
  keepNames: true,
  // Declarations resolve sibling packages through their built types, not the `nn-source` condition.
  dts: { compilerOptions: { ignoreDeprecations: "6.0", customConditions: [] } },
  splitting: true, // one shared chunk for index and node, in CJS too, so the backend's state is not duplicated
  sourcemap: true,
  clean: true,
  target: "es2022",
});
