import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScenarioHashes } from "../scenario.js";
import { scenarioPage } from "./scenario-page.js";

/** Debian's Firefox ESR (`apt-get install -y firefox-esr`): SpiderMonkey, an engine other than Node's V8. */
export const FIREFOX = process.env.NN_FIREFOX ?? "/usr/bin/firefox-esr";

export function firefoxInstalled(): boolean {
  return existsSync(FIREFOX);
}

// Firefox has no --dump-dom: the page posts its hashes back to a loopback server of the test's.
const PAGE = scenarioPage('fetch("/result", { method: "POST", body: json });');

// A quiet profile: no first-run pages, telemetry or update checks on a closed network.
const PREFS = [
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
  writeFileSync(join(profile, "user.js"), PREFS);
  let resolveResult!: (body: string) => void;
  const posted = new Promise<string>((resolve) => { resolveResult = resolve; });
  const server = createServer((request, response) => {
    if (request.method === "POST" && request.url === "/result") {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => { response.end("ok"); resolveResult(Buffer.concat(chunks).toString("utf8")); });
      return;
    }
    const body = request.url === "/scenario.js" ? bundle : request.url === "/page.html" ? PAGE : undefined;
    response.writeHead(body === undefined ? 404 : 200, { "content-type": request.url === "/scenario.js" ? "text/javascript" : "text/html" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const browser = spawn(FIREFOX, ["--headless", "--no-remote", "--profile", profile, `http://127.0.0.1:${port}/page.html`], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  browser.stderr.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString("utf8")).slice(-4000); });
  const exited = new Promise<void>((resolve) => browser.on("exit", () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  try {
    const body = await Promise.race([
      posted,
      exited.then(() => { throw new Error(`firefox exited before posting a result; stderr:\n${stderr}`); }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`firefox posted no result within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs); }),
    ]);
    const result = JSON.parse(body) as { hashes?: ScenarioHashes; error?: string };
    if (result.hashes === undefined) throw new Error(`the scenario threw in firefox: ${result.error}`);
    const version = spawnSync(FIREFOX, ["--version"], { encoding: "utf8" }).stdout.trim();
    return { hashes: result.hashes, version };
  } finally {
    clearTimeout(timer);
    if (browser.exitCode === null) { browser.kill("SIGTERM"); await exited; }
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(profile, { recursive: true, force: true });
  }
}
