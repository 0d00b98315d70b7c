import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Name of the global the bundle defines: `{ runScenario }`. */
export const BUNDLE_GLOBAL = "nnCrossEngine";

/**
 * One classic script holding the scenario and the library sources it uses (the `nn-source`
 * export condition), as a browser would load it: no Node built-ins can sneak in.
 */
export async function bundleScenario(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../browser-entry.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    globalName: BUNDLE_GLOBAL,
    platform: "browser",
    conditions: ["nn-source"],
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
