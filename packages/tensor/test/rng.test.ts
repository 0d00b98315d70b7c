import { describe, expect, it } from "vitest";
import { createRng } from "../src/index.js";

describe("createRng (PCG32)", () => {
  it("reproduces pcg32-demo's published first outputs for seed 42, stream 54", () => {
    // From the PCG reference distribution (pcg-c-basic, pcg32-demo.c, "Round 1").
    const rng = createRng(42);
    const got = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(got).toEqual([0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]);
  });

  it("normal() has mean 0 and variance 1 within 5 sigma", () => {
    const rng = createRng(7);
    const n = 200_000;
    let s = 0, s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      s += x;
      s2 += x * x;
    }
    const mean = s / n, variance = s2 / n - mean * mean;
    // sd of the sample mean is 1/sqrt(n); of the sample variance about sqrt(2/n).
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it("int(n) stays in range and covers it evenly", () => {
    const rng = createRng(1);
    const counts = new Array<number>(7).fill(0);
    const draws = 70_000;
    for (let i = 0; i < draws; i++) counts[rng.int(7)]++;
    // each count is Binomial(draws, 1/7): sd = sqrt(draws * 1/7 * 6/7)
    const sd = Math.sqrt((draws * 6) / 49);
    for (const c of counts) expect(Math.abs(c - draws / 7)).toBeLessThan(5 * sd);
    expect(() => rng.int(0)).toThrow(/Rng.int: n must be/);
  });
});
