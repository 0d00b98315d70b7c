import type { ScenarioHashes } from "../scenario.js";
import { BUNDLE_GLOBAL } from "./bundle-scenario.js";

/** Runs the very bundle the browser gets, so both sides execute the same code. */
export function runBundleInNode(bundle: string): ScenarioHashes {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the bundle is our own build output
  const load = new Function(`${bundle}\nreturn ${BUNDLE_GLOBAL};`) as () => { runScenario(): ScenarioHashes };
  return load().runScenario();
}
