import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { ThreadsWorkerResult } from "../threads-worker-entry.js";
import { type ServedFile, openForResult } from "./loopback-page.js";
import { launchChromium } from "./run-in-chromium.js";
import { launchFirefox } from "./run-in-firefox.js";

export interface ThreadsPageResult {
  /** What setThreads(2) did on the page's main thread: "accepted", or its error message. */
  readonly mainThread: string;
  readonly worker: ThreadsWorkerResult;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(`../${entry}`, import.meta.url))],
    bundle: true, format: "iife", platform: "browser", conditions: ["nn-source"], target: "es2022", write: false, logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

const PAGE = '<!doctype html><html><body><script src="page.js"></script></body></html>';

/**
 * Serves the threads page (with the two headers that make it cross-origin isolated, or without),
 * opens it in headless Chromium or Firefox, and returns what the page posts back.
 */
export async function runThreadsPage(browserName: "chromium" | "firefox", isolated: boolean, timeoutMs = 240_000): Promise<ThreadsPageResult> {
  const files = new Map([["/page.html", PAGE], ["/page.js", await bundle("threads-page-entry.ts")], ["/worker.js", await bundle("threads-worker-entry.ts")]]);
  const headers = (type: string): Record<string, string> => ({
    "content-type": type,
    ...(isolated ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" } : {}),
  });
  const served = (path: string): ServedFile | undefined => {
    const body = files.get(path);
    return body === undefined ? undefined : { body, headers: headers(path === "/page.html" ? "text/html" : "text/javascript") };
  };
  const launch = browserName === "chromium" ? launchChromium : launchFirefox;
  return JSON.parse(await openForResult(browserName, served, "/page.html", launch, timeoutMs)) as ThreadsPageResult;
}
