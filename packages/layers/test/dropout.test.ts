import { createRng, full, ones, randn } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dropout } from "../src/index.js";
import { checkLayerGradients } from "./helpers/numeric-gradient.js";

describe("Dropout", () => {
  it("is the identity in eval mode", () => {
    const x = randn([3, 4], createRng(1));
    const y = new Dropout({ p: 0.5 }).forward(x, "eval");
    expect(Array.from(y.data)).toEqual(Array.from(x.data));
  });

  it("zeroes about a fraction p in training and scales survivors by 1/(1 − p)", () => {
    const p = 0.3, n = 100_000;
    const y = new Dropout({ p, rng: createRng(2), dtype: "float64" }).forward(ones([n], "float64"));
    let zeros = 0;
    for (const v of y.data) {
      if (v === 0) zeros++;
      else expect(v).toBe(1 / (1 - p));
    }
    // the zero count is Binomial(n, p): standard deviation √(n·p·(1 − p)) ≈ 145, so ±1000 is ~7σ
    expect(Math.abs(zeros - p * n)).toBeLessThan(1000);
  });

  it("draws the same masks from the same seed and different ones from another", () => {
    const x = ones([1000]);
    const a = new Dropout({ p: 0.5, rng: createRng(7) }).forward(x).data.slice();
    const b = new Dropout({ p: 0.5, rng: createRng(7) }).forward(x).data.slice();
    const c = new Dropout({ p: 0.5, rng: createRng(8) }).forward(x).data.slice();
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it("backward multiplies by the same mask; holdRandomness keeps the mask between forwards", () => {
    const d = new Dropout({ p: 0.5, rng: createRng(3), dtype: "float64" });
    const x = ones([50], "float64");
    const y = d.forward(x).data.slice();
    const dx = d.backward(full([50], 3, "float64")).data;
    for (let i = 0; i < 50; i++) expect(dx[i]).toBe(3 * y[i]);
    d.holdRandomness(true);
    const held1 = d.forward(x).data.slice(), held2 = d.forward(x).data.slice();
    expect(Array.from(held2)).toEqual(Array.from(held1));
    expect(() => d.forward(ones([51], "float64"))).toThrow("Dropout(0.5): randomness is held, so the input must keep the shape of the held mask [50], got [51]");
    d.holdRandomness(false);
    expect(Array.from(d.forward(x).data)).not.toEqual(Array.from(held1));
  });

  it("p = 0 is the identity and p = 1 drops everything, as PyTorch", () => {
    const x = randn([20], createRng(4));
    expect(Array.from(new Dropout({ p: 0 }).forward(x).data)).toEqual(Array.from(x.data));
    expect(Array.from(new Dropout({ p: 1 }).forward(x).data).every((v) => v === 0)).toBe(true);
    expect(() => new Dropout({ p: 1.5 })).toThrow("Dropout: p must be in [0, 1], got 1.5");
  });

  it("matches central differences with the mask held", () => {
    const d = new Dropout({ p: 0.4, rng: createRng(5), dtype: "float64" });
    expect(checkLayerGradients(d, randn([4, 5], createRng(6), { dtype: "float64" }))).toEqual([]);
  });
});
