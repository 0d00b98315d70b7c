import { fileURLToPath } from "node:url";
import { type Options, defineConfig } from "tsup";

type Plugin = NonNullable<Options["esbuildPlugins"]>[number];

const common: Options = {
  format: ["esm"],
  // Classes keep their names (`ShapeError`, not `_ShapeError`) in messages and stack traces.
  keepNames: true,
  sourcemap: true,
  target: "node20",
};

/** Puts Math's functions where @nn/tensor imports its own (the `elementary-math` bundle only). */
const mathInsteadOfOwnElementary: Plugin = {
  name: "math-instead-of-own-elementary",
  setup(build) {
    const shim = fileURLToPath(new URL("src/elementary-cost/math-elementary.ts", import.meta.url));
    build.onResolve({ filter: /(^|\/)math\/index\.js$/ }, (args) =>
      /[\\/]packages[\\/]tensor[\\/]src[\\/]/.test(args.importer) ? { path: shim } : undefined);
  },
};

/**
 * The two elementary-cost bundles (src/elementary-cost): the same trainers with the library
 * bundled from source (the `nn-source` export condition), identically but for the plugin.
 */
const variant = (name: string, plugins: Plugin[]): Options => ({
  ...common,
  entry: { [name]: "src/elementary-cost/variant.ts" },
  outDir: "dist/elementary-cost",
  noExternal: [/^@nn\//],
  esbuildPlugins: plugins,
  esbuildOptions(options) {
    options.conditions = ["nn-source"];
  },
  clean: false,
});

export default defineConfig([
  // The variants are built alongside and must survive this config's clean.
  // run.js starts impl-host.js once per implementation and row of the main table (src/isolated).
  { ...common, entry: { run: "src/run.ts", "impl-host": "src/isolated/impl-host.ts" }, clean: ["!elementary-cost/**"] },
  variant("elementary-own", []),
  variant("elementary-math", [mathInsteadOfOwnElementary]),
]);
