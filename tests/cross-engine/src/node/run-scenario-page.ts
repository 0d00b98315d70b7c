import { type ChildProcess, spawnSync } from "node:child_process";
import type { ScenarioHashes } from "../scenario.js";
import { type ServedFile, openForResult } from "./loopback-page.js";
import { scenarioPage } from "./scenario-page.js";

// A headless browser's way out: the page posts its hashes back to a loopback server of the test's.
const PAGE = scenarioPage('fetch("/result", { method: "POST", body: json });');

/** Loads the bundle in a page of a headless browser (`launch`, as `openForResult` takes it) and receives the hashes over loopback HTTP. */
export async function runScenarioPage(
  name: string, executable: string, bundle: string, launch: (profile: string, url: string) => ChildProcess, timeoutMs: number,
): Promise<{ hashes: ScenarioHashes; version: string }> {
  const files = (path: string): ServedFile | undefined =>
    path === "/scenario.js" ? { body: bundle, headers: { "content-type": "text/javascript" } }
      : path === "/page.html" ? { body: PAGE, headers: { "content-type": "text/html" } } : undefined;
  const body = await openForResult(name, files, "/page.html", launch, timeoutMs);
  const result = JSON.parse(body) as { hashes?: ScenarioHashes; error?: string };
  if (result.hashes === undefined) throw new Error(`the scenario threw in ${name}: ${result.error}`);
  const version = spawnSync(executable, ["--version"], { encoding: "utf8" }).stdout.trim();
  return { hashes: result.hashes, version };
}
