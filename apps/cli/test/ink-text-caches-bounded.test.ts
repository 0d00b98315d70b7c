import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Ink 6.8.0 cached the size and the truncation of every distinct text it ever drew in two
// module-level caches without eviction (upstream: vadimdemedes/ink#986), so the live screen, whose
// header, progress line and charts change every frame, kept ~3 kB a frame: RSS climbed ~2 MB/min
// and a 64 MB heap ran out within half an hour. patches/ink@6.8.0.patch bounds both caches.
const script = fileURLToPath(new URL("./fixtures/ink-distinct-frames.mjs", import.meta.url));
const appDir = fileURLToPath(new URL("..", import.meta.url));

describe("Ink's text caches stay bounded however many distinct frames are drawn", () => {
  it("1500 frames of new 2000-character text leave the live heap where it was", { timeout: 120_000 }, () => {
    const warm = 300;
    const frames = 1500;
    const length = 2000;
    // A child process: production React (vitest's NODE_ENV=test loads React's development build,
    // which keeps its own per-render records) and --expose-gc for a heap reading after full collections.
    const env = { ...process.env, NODE_ENV: "production" };
    const output = execFileSync(process.execPath, ["--expose-gc", script, String(warm), String(frames), String(length)], { cwd: appDir, env, encoding: "utf8" });
    const { before, after } = JSON.parse(output) as { before: number; after: number };
    const grownMb = (after - before) / 1e6;
    // Unbounded, each frame keeps its text twice (measured and truncated keys, one byte a
    // character): 1500 × 2 × 2000 B = 6 MB, measured 6.9 MB. Bounded, the caches hold at most two
    // generations of 200 000 characters each (0.8 MB for both), full or nearly empty when read.
    expect(grownMb).toBeGreaterThan(-2);
    expect(grownMb).toBeLessThan(2.5);
  });
});
