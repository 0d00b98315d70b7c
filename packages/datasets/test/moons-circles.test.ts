import { describe, expect, it } from "vitest";
import { makeCircles, makeMoons } from "../src/index.js";
import { classCounts, row, sameBytes } from "./helpers.js";

describe("makeMoons", () => {
  it("has scikit-learn's shape and class sizes: n // 2 in class 0 (upper moon), the rest in class 1", () => {
    const ds = makeMoons({ n: 101, seed: 1 });
    expect(ds.x.shape).toEqual([101, 2]);
    expect(ds.y.shape).toEqual([101]);
    expect(ds.numClasses).toBe(2);
    expect(classCounts(ds.y, 2)).toEqual([50, 51]);
    expect(ds.x.dtype).toBe("float32");
  });

  it("with noise 0 puts class 0 on the unit upper half circle and class 1 on the circle around (1, 0.5) below y = 0.5", () => {
    const ds = makeMoons({ n: 200, noise: 0, seed: 3, dtype: "float64" });
    for (let i = 0; i < 200; i++) {
      const [x, y] = row(ds.x, i);
      if (ds.y.data[i] === 0) {
        expect(x * x + y * y).toBeCloseTo(1, 12);
        expect(y).toBeGreaterThanOrEqual(-1e-12);
      } else {
        expect((x - 1) ** 2 + (y - 0.5) ** 2).toBeCloseTo(1, 12);
        expect(y).toBeLessThanOrEqual(0.5 + 1e-12);
      }
    }
  });

  it("spaces each moon evenly from end to end (linspace(0, π) with the endpoints included)", () => {
    // Unshuffled, class 0 is (cos t, sin t) for t = 0, π/4, …, π with 5 points.
    const ds = makeMoons({ n: 10, shuffle: false, dtype: "float64" });
    expect(row(ds.x, 0)).toEqual([1, 0]);
    expect(row(ds.x, 1)[0]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(row(ds.x, 2)[0]).toBeCloseTo(0, 15);
    expect(row(ds.x, 4)[0]).toBe(-1);
    // Class 1 starts at (1 − cos 0, 1 − sin 0 − 0.5) = (0, 0.5) and ends at (2, 0.5).
    expect(row(ds.x, 5)).toEqual([0, 0.5]);
    expect(row(ds.x, 9)[0]).toBe(2);
    expect(Array.from(ds.y.data)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
  });

  it("shuffling permutes rows and keeps each point with its label", () => {
    const plain = makeMoons({ n: 40, shuffle: false, dtype: "float64" });
    const shuffled = makeMoons({ n: 40, seed: 5, dtype: "float64" });
    const key = (ds: typeof plain, i: number) => `${row(ds.x, i).join(",")}|${ds.y.data[i]}`;
    const a = Array.from({ length: 40 }, (_, i) => key(plain, i)).sort();
    const b = Array.from({ length: 40 }, (_, i) => key(shuffled, i)).sort();
    expect(b).toEqual(a);
    expect(Array.from(shuffled.y.data)).not.toEqual(Array.from(plain.y.data));
  });

  it("adds N(0, noise²) to every coordinate", () => {
    const clean = makeMoons({ n: 4000, shuffle: false, dtype: "float64" });
    const noisy = makeMoons({ n: 4000, shuffle: false, noise: 0.1, seed: 2, dtype: "float64" });
    let sum = 0, sq = 0;
    const m = clean.x.size;
    for (let i = 0; i < m; i++) {
      const e = noisy.x.data[i] - clean.x.data[i];
      sum += e;
      sq += e * e;
    }
    // Standard error of the mean 0.1/√8000 ≈ 0.0011 and of the std ≈ 0.1/√16000 ≈ 0.0008.
    expect(Math.abs(sum / m)).toBeLessThan(0.005);
    expect(Math.sqrt(sq / m)).toBeGreaterThan(0.096);
    expect(Math.sqrt(sq / m)).toBeLessThan(0.104);
  });

  it("is deterministic: the same seed gives identical bytes, another seed different data", () => {
    const a = makeMoons({ n: 300, noise: 0.2, seed: 42 });
    const b = makeMoons({ n: 300, noise: 0.2, seed: 42 });
    const c = makeMoons({ n: 300, noise: 0.2, seed: 43 });
    expect(sameBytes(a.x, b.x) && sameBytes(a.y, b.y)).toBe(true);
    expect(sameBytes(a.x, c.x)).toBe(false);
  });

  it("rejects bad options by name", () => {
    expect(() => makeMoons({ n: 0 })).toThrow(/makeMoons: n must be an integer >= 1, got 0/);
    expect(() => makeMoons({ noise: -1 })).toThrow(/makeMoons: noise must be a finite number >= 0/);
    expect(() => makeMoons({ seed: 1.5 })).toThrow(/makeMoons: seed/);
    expect(() => makeMoons({ dtype: "int8" as never })).toThrow(/makeMoons: dtype/);
  });
});

describe("makeCircles", () => {
  it("puts class 0 on the unit circle and class 1 on the circle of radius factor", () => {
    const ds = makeCircles({ n: 101, factor: 0.5, seed: 9, dtype: "float64" });
    expect(ds.x.shape).toEqual([101, 2]);
    expect(classCounts(ds.y, 2)).toEqual([50, 51]);
    for (let i = 0; i < 101; i++) {
      const [x, y] = row(ds.x, i);
      expect(Math.hypot(x, y)).toBeCloseTo(ds.y.data[i] === 0 ? 1 : 0.5, 12);
    }
  });

  it("spaces each circle's angles 2π/m apart without repeating the start (endpoint=False)", () => {
    const ds = makeCircles({ n: 8, shuffle: false, dtype: "float64" });
    // Class 0: 4 points at angles 0, π/2, π, 3π/2; class 1: the same angles at radius 0.8 (the default factor).
    const expected = [[1, 0], [0, 1], [-1, 0], [0, -1]];
    for (let i = 0; i < 4; i++) {
      expect(row(ds.x, i)[0]).toBeCloseTo(expected[i][0], 15);
      expect(row(ds.x, i)[1]).toBeCloseTo(expected[i][1], 15);
      expect(row(ds.x, 4 + i)[0]).toBeCloseTo(0.8 * expected[i][0], 15);
      expect(row(ds.x, 4 + i)[1]).toBeCloseTo(0.8 * expected[i][1], 15);
    }
  });

  it("is deterministic per seed and refuses a factor outside [0, 1)", () => {
    expect(sameBytes(makeCircles({ noise: 0.1, seed: 1 }).x, makeCircles({ noise: 0.1, seed: 1 }).x)).toBe(true);
    expect(sameBytes(makeCircles({ noise: 0.1, seed: 1 }).x, makeCircles({ noise: 0.1, seed: 2 }).x)).toBe(false);
    expect(() => makeCircles({ factor: 1 })).toThrow(/makeCircles: factor must be in \[0, 1\), got 1/);
  });
});
