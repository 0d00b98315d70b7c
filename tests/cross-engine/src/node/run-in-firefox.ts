import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScenarioHashes } from "../scenario.js";
import { removeProfile, spawnBrowser } from "./browser-process.js";
import { type ServedFile, openForResult } from "./loopback-page.js";
import { scenarioPage } from "./scenario-page.js";

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`): SpiderMonkey, an engine other than Node's V8. */
export const FIREFOX = process.env.NN_FIREFOX ?? "/usr/bin/firefox-esr";

export function firefoxInstalled(): boolean {
  return existsSync(FIREFOX);
}

// Firefox has no --dump-dom: the page posts its hashes back to a loopback server of the test's.
const PAGE = scenarioPage('fetch("/result", { method: "POST", body: json });');

// A quiet profile: no first-run pages, telemetry or update checks on a closed network.
export const FIREFOX_PREFS = [
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("browser.aboutwelcome.enabled", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
  'user_pref("app.update.disabledForTesting", true);',
  'user_pref("network.captive-portal-service.enabled", false);',
  'user_pref("network.connectivity-service.enabled", false);',
  'user_pref("extensions.update.enabled", false);',
].join("\n");

/** Loads the bundle in headless Firefox (fresh profile) and receives the hashes over loopback HTTP. */
export async function runBundleInFirefox(bundle: string, timeoutMs = 240_000): Promise<{ hashes: ScenarioHashes; version: string }> {
  const profile = mkdtempSync(join(tmpdir(), "nn-cross-engine-firefox-"));
  writeFileSync(join(profile, "user.js"), FIREFOX_PREFS);
  const files = (path: string): ServedFile | undefined =>
    path === "/scenario.js" ? { body: bundle, headers: { "content-type": "text/javascript" } }
      : path === "/page.html" ? { body: PAGE, headers: { "content-type": "text/html" } } : undefined;
  try {
    const body = await openForResult("firefox", files, "/page.html", (url) =>
      spawnBrowser(FIREFOX, ["--headless", "--no-remote", "--profile", profile, url]), timeoutMs);
    const result = JSON.parse(body) as { hashes?: ScenarioHashes; error?: string };
    if (result.hashes === undefined) throw new Error(`the scenario threw in firefox: ${result.error}`);
    const version = spawnSync(FIREFOX, ["--version"], { encoding: "utf8" }).stdout.trim();
    return { hashes: result.hashes, version };
  } finally {
    removeProfile(profile);
  }
}
