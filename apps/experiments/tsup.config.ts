import { defineConfig } from "tsup";

// The @nn libraries are bundled from their TypeScript sources (the `nn-source` export
// condition), so `npx tsup` here is the only build step the experiments need and the reports
// always come from the libraries' current code, never from a stale dist/.
export default defineConfig({
  entry: ["src/run.ts", "src/export-splits.ts", "src/export-seed-reference.ts"],
  format: ["esm"],
  // Classes keep their names (`ShapeError`, not `_ShapeError`) in messages and stack traces.
  keepNames: true,
  sourcemap: true,
  clean: true,
  target: "node20",
  noExternal: [/^@nn\//],
  esbuildOptions(options) {
    options.conditions = ["nn-source"];
  },
});
