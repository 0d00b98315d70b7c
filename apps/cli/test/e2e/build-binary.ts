import { fileURLToPath } from "node:url";
import { build } from "tsup";

export const appDir = fileURLToPath(new URL("../..", import.meta.url));
/**
 * Inside the app's node_modules/.cache (ignored by git and eslint, untouched by the real build's
 * clean step), so that ink and react resolve from the app's node_modules.
 */
export const binaryDir = `${appDir}node_modules/.cache/nn-e2e`;
export const binaryPath = `${binaryDir}/cli.js`;

/**
 * Builds `nn` for the end-to-end test: the app as tsup builds it (cli.js and the live screen's
 * training-worker.js next to it), with the @nn/* packages bundled
 * from their sources (the `nn-source` export condition). The test then runs the real program
 * without depending on the order turbo builds packages in, or on their dist being current.
 */
export async function buildBinary(outDir = binaryDir): Promise<string> {
  await build({
    config: false,
    entry: { cli: `${appDir}src/cli.tsx`, "training-worker": `${appDir}src/session/training-worker.ts` },
    outDir,
    format: ["esm"],
    target: "node20",
    platform: "node",
    clean: true,
    silent: true,
    noExternal: [/^@nn\//],
    esbuildOptions(options) {
      options.conditions = ["nn-source", "import"];
    },
  });
  return `${outDir}/cli.js`;
}
