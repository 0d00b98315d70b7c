import { describe, expect, it } from "vitest";
import { ResidentHeap } from "../src/kernels/wasm/resident-heap.js";

describe("ResidentHeap (ranges of the kernels' memory that hold tensors)", () => {
  it("allocates 16-byte-aligned ranges upward, reuses a freed one first-fit, and merges neighbours", () => {
    const heap = new ResidentHeap(1 << 20);
    const a = heap.allocate(100), b = heap.allocate(64), c = heap.allocate(1);
    // 100 → 112 bytes, 64, 1 → 16
    expect([a, b, c, heap.top, heap.used]).toEqual([0, 112, 176, 192, 192]);
    heap.release(a, 100);
    expect(heap.allocate(48)).toBe(0); // first fit in the freed 112
    expect(heap.allocate(64)).toBe(48); // the remaining 64 of it
    heap.release(0, 48);
    heap.release(48, 64);
    heap.release(b, 64); // 0..176 free again, merged into one range
    expect(heap.allocate(176)).toBe(0);
    expect(heap.top).toBe(192);
  });

  it("lowers its top when the highest range is freed, so alternating sizes reuse the same bytes", () => {
    const heap = new ResidentHeap(1 << 20);
    const a = heap.allocate(32);
    const b = heap.allocate(4000);
    heap.release(b, 4000);
    expect(heap.top).toBe(32);
    heap.release(a, 32);
    expect([heap.top, heap.used]).toEqual([0, 0]);
  });

  it("refuses past its limit (the caller then uses an ordinary array)", () => {
    const heap = new ResidentHeap(1024);
    expect(heap.allocate(1000)).toBe(0);
    expect(heap.allocate(32)).toBe(-1);
    expect(heap.used).toBe(1008);
  });
});
