import { describe, expect, it } from "vitest";
import { MAX_ARENA_BYTES, align16, fitsArena, floatIndex } from "../src/kernels/wasm/arena-layout.js";
import { emptyMatmulLayout, matmulLayout } from "../src/kernels/wasm/wasm-matmul.js";
import { loadWasmRuntime } from "../src/kernels/wasm/wasm-runtime.js";

// Issue 19 item 8: `(bytes + 15) & ~15` and `aAt >> 2` are 32-bit operators. These tests feed
// the size logic the numbers of products over 2 GiB without allocating them.
describe("wasm arena arithmetic past 2 GiB", () => {
  it("rounds to 16 bytes exactly above 2³¹, where the 32-bit operators wrapped negative", () => {
    expect(align16(2 ** 31 + 1)).toBe(2 ** 31 + 16);
    expect(align16(2 ** 33 + 17)).toBe(2 ** 33 + 32);
    expect(align16(48)).toBe(48);
    expect(align16(49)).toBe(64);
    expect(((2 ** 31 + 1 + 15) & ~15)).toBeLessThan(0); // the old formula, for the record
  });

  it("maps byte offsets past 2³¹ to float indices without wrapping", () => {
    expect(floatIndex(2 ** 31 + 16)).toBe(2 ** 29 + 4);
    expect((2 ** 31 + 16) >> 2).toBeLessThan(0); // the old formula
  });

  it("lays out a small product as before: C | tile | packed A | packed B | A | B", () => {
    const layout = emptyMatmulLayout();
    // m = 3, n = 5, k = 200: C is 15 floats = 60 B → 64; the 4×8 tile 128 B; packed A
    // roundUp(3, 4)·200·4 = 3200; packed B roundUp(5, 8)·200·4 = 6400; A 3·200·4 = 2400; B 4000.
    expect(matmulLayout(3, 5, 200, layout)).toBe(true);
    expect(layout).toEqual({ tile: 64, packA: 192, packB: 3392, aAt: 9792, bAt: 12192, end: 16192 });
  });

  it("refuses a product whose A alone is 4 GiB (32768 × 32768 floats), so the JavaScript kernel runs it", () => {
    const layout = emptyMatmulLayout();
    expect(matmulLayout(32768, 1, 32768, layout)).toBe(false);
    expect(layout.bAt).toBeGreaterThan(2 ** 32); // offsets are exact, not wrapped
    expect(layout.end % 4).toBe(0);
  });

  it("accepts the largest layout that keeps every offset a non-negative int32, and no more", () => {
    expect(fitsArena(MAX_ARENA_BYTES)).toBe(true);
    expect(fitsArena(MAX_ARENA_BYTES + 1)).toBe(false);
    expect(fitsArena(Number.NaN)).toBe(false);
    expect(fitsArena(-16)).toBe(false);
  });

  it("does not grow the memory for an arena past the limit (the caller falls back)", () => {
    const runtime = loadWasmRuntime();
    expect(runtime).not.toBeNull();
    const before = runtime?.memory.buffer.byteLength;
    expect(runtime?.f32(2 ** 31 + 16)).toBeNull();
    expect(runtime?.memory.buffer.byteLength).toBe(before);
  });
});
