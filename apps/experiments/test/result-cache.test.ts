import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cachedRun, decodeResult, encodeResult } from "../src/result-cache.js";

describe("the result cache", () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

  it("keeps every number exactly, NaN and infinities included", () => {
    const data = { a: [0.1 + 0.2, NaN, Infinity, -Infinity, 1e-300, null], b: { c: "text" } };
    expect(decodeResult(encodeResult(data))).toEqual(data);
    expect(decodeResult<{ a: number[] }>(encodeResult(data)).a[0]).toBe(0.30000000000000004);
  });

  it("runs once and then reads the stored result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-cache-"));
    dirs.push(dir);
    let runs = 0;
    const run = (): { x: number } => { runs++; return { x: Math.PI }; };
    let now = 0;
    const clock = (): number => (now += 1500);
    expect(await cachedRun(dir, "s", true, run, clock)).toEqual({ result: { x: Math.PI }, seconds: 1.5 });
    // Read back: the same result and the seconds of the run that made it.
    expect(await cachedRun(dir, "s", true, run, clock)).toEqual({ result: { x: Math.PI }, seconds: 1.5 });
    expect(runs).toBe(1);
    await cachedRun(dir, "s", false, run, clock);
    expect(runs).toBe(2);
    await cachedRun(undefined, "s", true, run, clock);
    expect(runs).toBe(3);
  });
});
