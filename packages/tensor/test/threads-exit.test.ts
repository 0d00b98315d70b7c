import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Idle workers are unref'ed and blocked in Atomics.wait: a program that turned threads on and
// never turned them off must still end by itself, with its own exit code.
describe("a program that enables threads exits when its work is done", () => {
  const dir = mkdtempSync(join(tmpdir(), "nn-threads-exit-"));
  const script = join(dir, "threads-then-exit.mjs");
  beforeAll(async () => {
    await build({
      entryPoints: [fileURLToPath(new URL("./fixtures/threads-then-exit.ts", import.meta.url))],
      bundle: true, format: "esm", platform: "node", outfile: script, logLevel: "silent",
    });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [[], ["--no-await"]]) {
    it(`exits with status 0 ${args.length === 0 ? "after awaiting the workers" : "while its workers are still starting"}`, () => {
      // The timeout only catches a hang (a worker keeping the process alive), it measures nothing.
      const run = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", timeout: 60_000 });
      expect(run.error).toBeUndefined();
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      // every entry is a sum of 256 products of numbers in [0, 1): about 64, so the total is near 256·256·64
      expect(run.stdout).toMatch(/^threads=2 sum=\d+\n$/);
      const sum = Number(/sum=(\d+)/.exec(run.stdout)?.[1]);
      expect(Math.abs(sum - 256 * 256 * 64) / (256 * 256 * 64)).toBeLessThan(0.01);
    });
  }
});
