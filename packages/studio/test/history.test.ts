import { describe, expect, it } from "vitest";
import { DownsampledHistory } from "../src/history.js";

/** The mean of f over the epochs (from, to], computed directly. */
function meanOver(f: (e: number) => number, from: number, to: number): number {
  let sum = 0;
  for (let e = from + 1; e <= to; e++) sum += f(e);
  return sum / (to - from);
}

describe("DownsampledHistory", () => {
  it("keeps every epoch until the store is full", () => {
    const h = new DownsampledHistory(["loss"], 8);
    for (let e = 1; e <= 7; e++) h.push(e, [e * 10]);
    const s = h.snapshot();
    expect(Array.from(s.epochs)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(s.columns[0])).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(s.stride).toBe(1);
  });

  it("merges neighbours into means when full: epochs 1..9 in 8 slots", () => {
    const h = new DownsampledHistory(["loss"], 8);
    for (let e = 1; e <= 9; e++) h.push(e, [e]);
    const s = h.snapshot();
    // Full at epoch 8: buckets (0,2] (2,4] (4,6] (6,8] hold means 1.5 3.5 5.5 7.5; epoch 9 is the partial bucket.
    expect(Array.from(s.epochs)).toEqual([2, 4, 6, 8, 9]);
    expect(Array.from(s.columns[0])).toEqual([1.5, 3.5, 5.5, 7.5, 9]);
    expect(s.stride).toBe(2);
  });

  it("a million epochs stay within capacity, each point the exact mean of its bucket", () => {
    const f = (e: number): number => Math.exp(-e / 2e5) + 0.1 * Math.sin(e / 3e4);
    const h = new DownsampledHistory(["loss", "other"], 64);
    const row = new Float64Array(2);
    for (let e = 1; e <= 1_000_000; e++) {
      row[0] = f(e);
      row[1] = Number.NaN;
      h.push(e, row);
    }
    const s = h.snapshot();
    expect(s.epochs.length).toBeLessThanOrEqual(64);
    expect(s.epochs[s.epochs.length - 1]).toBe(1_000_000);
    expect(h.latest(0)).toBe(f(1_000_000));
    let previous = 0;
    for (let i = 0; i < s.epochs.length; i++) {
      const expected = meanOver(f, previous, s.epochs[i]);
      const err = Math.abs(s.columns[0][i] - expected);
      expect(err <= 1e-9, `point ${i} (epochs ${previous}..${s.epochs[i]}): ${s.columns[0][i]} vs ${expected}`).toBe(true);
      expect(Number.isNaN(s.columns[1][i])).toBe(true);
      previous = s.epochs[i];
    }
  });

  it("a one-epoch spike stays visible at 1/stride of its height", () => {
    const h = new DownsampledHistory(["loss"], 16);
    for (let e = 1; e <= 1024; e++) h.push(e, [e === 500 ? 1000 : 0]);
    const s = h.snapshot();
    // A full store merges at once: 16 slots of 64 epochs at epoch 1024 become 8 of 128, and the
    // spike's bucket holds 1000/128.
    expect(s.stride).toBe(128);
    expect(s.epochs.length).toBe(8);
    expect(Math.max(...s.columns[0])).toBeCloseTo(1000 / 128, 12);
  });

  it("clear forgets the run; bad capacities are refused by name", () => {
    const h = new DownsampledHistory(["loss"], 4);
    for (let e = 1; e <= 10; e++) h.push(e, [e]);
    h.clear();
    expect(h.length).toBe(0);
    expect(h.stride).toBe(1);
    h.push(1, [5]);
    expect(Array.from(h.snapshot().columns[0])).toEqual([5]);
    expect(() => new DownsampledHistory(["loss"], 5)).toThrow(/capacity must be an even integer >= 4, got 5/);
  });
});
