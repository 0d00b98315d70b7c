import type { ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ScenarioHashes } from "../scenario.js";
import { spawnBrowser } from "./browser-process.js";
import { runScenarioPage } from "./run-scenario-page.js";

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`): SpiderMonkey, an engine other than Node's V8. */
export const FIREFOX = process.env.NN_FIREFOX ?? "/usr/bin/firefox-esr";

export function firefoxInstalled(): boolean {
  return existsSync(FIREFOX);
}

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

/** Starts headless Firefox at `url` with the profile directory `profile` made quiet, in a process group of its own. */
export function launchFirefox(profile: string, url: string): ChildProcess {
  writeFileSync(join(profile, "user.js"), FIREFOX_PREFS);
  return spawnBrowser(FIREFOX, ["--headless", "--no-remote", "--profile", profile, url]);
}

/** Loads the bundle in a page of headless Firefox (fresh, quiet profile) and receives the hashes over loopback HTTP. */
export function runBundleInFirefox(bundle: string, timeoutMs = 240_000): Promise<{ hashes: ScenarioHashes; version: string }> {
  return runScenarioPage("firefox", FIREFOX, bundle, launchFirefox, timeoutMs);
}
