import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ScenarioHashes } from "../scenario.js";
import { removeProfile } from "./browser-process.js";
import { scenarioPage } from "./scenario-page.js";

/** Debian's chromium (`apt-get install -y chromium`); CI installs it, no browser is downloaded. */
export const CHROMIUM = process.env.NN_CHROMIUM ?? "/usr/bin/chromium";

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

const PAGE = scenarioPage('document.body.textContent = "CROSS-ENGINE-RESULT " + btoa(json) + " END";');

// Without the networking flags Chromium keeps trying to reach Google on a closed network.
export const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];
const FLAGS = [...CHROMIUM_FLAGS, "--dump-dom"];

/** Loads the bundle in a page of headless Chromium and reads the hashes back from `--dump-dom`. */
export function runBundleInChromium(bundle: string): { hashes: ScenarioHashes; version: string } {
  const dir = mkdtempSync(join(tmpdir(), "nn-cross-engine-"));
  try {
    writeFileSync(join(dir, "scenario.js"), bundle);
    writeFileSync(join(dir, "page.html"), PAGE);
    const run = spawnSync(CHROMIUM, [...FLAGS, `--user-data-dir=${join(dir, "profile")}`, pathToFileURL(join(dir, "page.html")).href], {
      encoding: "utf8", timeout: 240_000, maxBuffer: 16 * 1024 * 1024,
    });
    const match = /CROSS-ENGINE-RESULT (\S+) END/.exec(run.stdout ?? "");
    if (match === null) {
      throw new Error(`chromium printed no result (exit ${run.status}, signal ${run.signal}); stderr:\n${(run.stderr ?? "").slice(-2000)}`);
    }
    const result = JSON.parse(Buffer.from(match[1], "base64").toString("utf8")) as { hashes?: ScenarioHashes; error?: string };
    if (result.hashes === undefined) throw new Error(`the scenario threw in chromium: ${result.error}`);
    const version = spawnSync(CHROMIUM, ["--version"], { encoding: "utf8" }).stdout.trim();
    return { hashes: result.hashes, version };
  } finally {
    removeProfile(dir);
  }
}
