import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStaticServer } from "../scripts/static-server.mjs";

/** GET with the path sent as written (fetch would normalise `..` away). */
function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path.replace(/^\//, ""), { method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    });
    req.path = path;
    req.on("error", reject);
    req.end();
  });
}

describe("the static server of npm run playground", () => {
  let dir: string;
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nn-static-"));
    mkdirSync(join(dir, "site", "assets"), { recursive: true });
    writeFileSync(join(dir, "site", "index.html"), "<!doctype html>hello");
    writeFileSync(join(dir, "site", "assets", "a.js"), "export {};");
    writeFileSync(join(dir, "secret.txt"), "outside the root");
    // A root with a trailing separator, as serve.mjs passes it (a regression: every path was refused).
    server = await startStaticServer({ root: join(dir, "site") + "/" });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves index.html at / and files with their types", async () => {
    expect(await get(server.url, "/")).toEqual({ status: 200, type: "text/html; charset=utf-8", body: "<!doctype html>hello" });
    expect(await get(server.url, "/assets/a.js")).toMatchObject({ status: 200, type: "text/javascript; charset=utf-8" });
  });

  it("never leaves its root, and says what is wrong", async () => {
    expect((await get(server.url, "/../secret.txt")).status).toBe(404); // the URL parser resolves the .. within the root
    expect((await get(server.url, "/%2e%2e/secret.txt")).status).toBe(404);
    expect((await get(server.url, "/assets/..%2f..%2fsecret.txt")).status).toBe(403);
    expect(await get(server.url, "/missing.js")).toMatchObject({ status: 404, body: "not found: /missing.js" });
    expect((await get(server.url, "/%E0%A4%A")).status).toBe(400);
  });
});
