import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { ScenarioHashes } from "../scenario.js";
import { spawnBrowser } from "./browser-process.js";
import { runScenarioPage } from "./run-scenario-page.js";

/** Debian's chromium (`apt-get install -y chromium`); CI installs it, no browser is downloaded. */
export const CHROMIUM = process.env.NN_CHROMIUM ?? "/usr/bin/chromium";

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

// Without the networking flags Chromium keeps trying to reach Google on a closed network.
export const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-quic",
];

/** Starts headless Chromium at `url` with the profile directory `profile`, in a process group of its own. */
export function launchChromium(profile: string, url: string): ChildProcess {
  return spawnBrowser(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, url]);
}

/** Loads the bundle in a page of headless Chromium (fresh profile) and receives the hashes over loopback HTTP. */
export function runBundleInChromium(bundle: string, timeoutMs = 240_000): Promise<{ hashes: ScenarioHashes; version: string }> {
  return runScenarioPage("chromium", CHROMIUM, bundle, launchChromium, timeoutMs);
}
