import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeProfile, stopBrowser } from "./browser-process.js";

/** What the loopback server answers for one path. */
export interface ServedFile {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/**
 * Serves `files` (by request path) on a loopback port, starts a browser at `page` with a fresh
 * profile, `launch(profile, url)` (which starts it with `spawnBrowser`), and returns the body of
 * the first `POST /result` the page sends (a headless browser has no other way out but printing
 * its page, which only Chromium does). Whether or not a result came, the browser is stopped,
 * helpers and all, then its profile removed and the server closed; no result within `timeoutMs`,
 * or a browser that exits first, is an error quoting its stderr.
 */
export async function openForResult(
  name: string, files: (path: string) => ServedFile | undefined, page: string,
  launch: (profile: string, url: string) => ChildProcess, timeoutMs: number,
): Promise<string> {
  let resolveResult!: (body: string) => void;
  const posted = new Promise<string>((resolve) => { resolveResult = resolve; });
  const server = createServer((request, response) => {
    if (request.method === "POST" && request.url === "/result") {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => { response.end("ok"); resolveResult(Buffer.concat(chunks).toString("utf8")); });
      return;
    }
    const file = files(request.url ?? "");
    response.writeHead(file === undefined ? 404 : 200, file?.headers ?? {});
    response.end(file?.body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const profile = mkdtempSync(join(tmpdir(), `nn-${name}-profile-`));
  const browser = launch(profile, `http://127.0.0.1:${(server.address() as AddressInfo).port}${page}`);
  let stderr = "";
  browser.stderr?.on("data", (chunk: Buffer) => { stderr = (stderr + chunk.toString("utf8")).slice(-4000); });
  const exited = new Promise<void>((resolve) => {
    browser.on("exit", () => resolve());
    browser.on("error", (error) => { stderr += `\n${error.message}`; resolve(); }); // e.g. no such program
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      posted,
      exited.then(() => { throw new Error(`${name} exited before posting a result; stderr:\n${stderr}`); }),
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${name} posted no result within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs); }),
    ]);
  } finally {
    clearTimeout(timer);
    await stopBrowser(browser);
    if (browser.pid !== undefined) await exited;
    removeProfile(profile);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
