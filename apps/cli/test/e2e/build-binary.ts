import { fileURLToPath } from "node:url";
import { build } from "tsup";

export const appDir = fileURLToPath(new URL("../..", import.meta.url));
/** Inside the app so that ink and react resolve from its node_modules (.tmp is git-ignored). */
export const binaryDir = `${appDir}.tmp/e2e-dist`;
export const binaryPath = `${binaryDir}/cli.js`;

/**
 * Builds `nn` for the end-to-end test: the app as tsup builds it, with the @nn/* packages bundled
 * from their sources (the `nn-source` export condition). The test then runs the real program
 * without depending on the order turbo builds packages in, or on their dist being current.
 */
export async function buildBinary(): Promise<string> {
  await build({
    config: false,
    entry: { cli: `${appDir}src/cli.tsx` },
    outDir: binaryDir,
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
  return binaryPath;
}
