import { describe, expect, it } from "vitest";
import { makeBlobs, makeCheckerboard, makeSpirals, makeXor } from "../src/index.js";
import { classCounts, row, sameBytes } from "./helpers.js";

describe("makeBlobs", () => {
  it("splits n over the centres as scikit-learn (n // k each, the first n % k one more)", () => {
    const ds = makeBlobs({ n: 11, centers: 3, seed: 1 });
    expect(ds.x.shape).toEqual([11, 2]);
    expect(ds.numClasses).toBe(3);
    expect(classCounts(ds.y, 3)).toEqual([4, 4, 3]);
  });

  it("with clusterStd 0 puts every point exactly on its centre", () => {
    const centers = [[1, 2, 3], [-4, 5, 0.5]];
    const ds = makeBlobs({ n: 20, centers, clusterStd: 0, seed: 4, dtype: "float64" });
    expect(ds.x.shape).toEqual([20, 3]);
    for (let i = 0; i < 20; i++) expect(row(ds.x, i)).toEqual(centers[ds.y.data[i]]);
  });

  it("draws each cluster around its centre with the given standard deviation", () => {
    const centers = [[0, 0], [10, -10]];
    const ds = makeBlobs({ n: 8000, centers, clusterStd: [0.5, 2], seed: 7, dtype: "float64" });
    for (let c = 0; c < 2; c++) {
      const pts: number[][] = [];
      for (let i = 0; i < 8000; i++) if (ds.y.data[i] === c) pts.push(row(ds.x, i));
      for (let j = 0; j < 2; j++) {
        const mean = pts.reduce((s, p) => s + p[j], 0) / pts.length;
        const std = Math.sqrt(pts.reduce((s, p) => s + (p[j] - mean) ** 2, 0) / pts.length);
        // 4000 points: standard error of the mean std/63, of the std about std/89.
        expect(Math.abs(mean - centers[c][j])).toBeLessThan(0.1 * (c === 0 ? 0.5 : 2));
        expect(Math.abs(std / (c === 0 ? 0.5 : 2) - 1)).toBeLessThan(0.05);
      }
    }
  });

  it("draws random centres inside centerBox and accepts noise as a synonym of clusterStd", () => {
    const ds = makeBlobs({ n: 30, centers: 5, nFeatures: 4, centerBox: [2, 3], noise: 0, seed: 11, dtype: "float64" });
    expect(ds.x.shape).toEqual([30, 4]);
    for (const v of ds.x.data) {
      expect(v).toBeGreaterThanOrEqual(2);
      expect(v).toBeLessThan(3);
    }
    expect(() => makeBlobs({ noise: 1, clusterStd: 1 })).toThrow(/clusterStd or its synonym noise/);
    expect(() => makeBlobs({ centers: [[0, 0], [1]] })).toThrow(/centers\[1\] has 1 coordinates/);
    expect(() => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] })).toThrow(/clusterStd has 3 entries for 2 centres/);
  });

  it("is deterministic per seed", () => {
    expect(sameBytes(makeBlobs({ seed: 3 }).x, makeBlobs({ seed: 3 }).x)).toBe(true);
    expect(sameBytes(makeBlobs({ seed: 3 }).x, makeBlobs({ seed: 4 }).x)).toBe(false);
  });
});

describe("makeSpirals", () => {
  it("gives k balanced arms", () => {
    const ds = makeSpirals({ n: 301, arms: 3, seed: 2 });
    expect(ds.x.shape).toEqual([301, 2]);
    expect(ds.numClasses).toBe(3);
    expect(classCounts(ds.y, 3)).toEqual([101, 100, 100]);
  });

  it("with noise 0 puts arm j's points on θ = 2π(j/k + turns·r), 0 < r ≤ 1", () => {
    const arms = 4, turns = 1.5;
    const ds = makeSpirals({ n: 400, arms, turns, seed: 8, dtype: "float64" });
    const radii: number[] = [];
    for (let i = 0; i < 400; i++) {
      const [x, y] = row(ds.x, i);
      const r = Math.hypot(x, y);
      radii.push(r);
      expect(r).toBeGreaterThan(0);
      expect(r).toBeLessThanOrEqual(1 + 1e-12);
      const expected = 2 * Math.PI * (ds.y.data[i] / arms + turns * r);
      // The angle difference must be a whole number of turns.
      const diff = (Math.atan2(y, x) - expected) / (2 * Math.PI);
      expect(Math.abs(diff - Math.round(diff))).toBeLessThan(1e-9);
    }
    expect(Math.max(...radii)).toBeCloseTo(1, 12);
  });

  it("is deterministic per seed", () => {
    expect(sameBytes(makeSpirals({ noise: 0.1, seed: 1 }).x, makeSpirals({ noise: 0.1, seed: 1 }).x)).toBe(true);
    expect(sameBytes(makeSpirals({ noise: 0.1, seed: 1 }).x, makeSpirals({ noise: 0.1, seed: 2 }).x)).toBe(false);
    expect(() => makeSpirals({ arms: 0 })).toThrow(/makeSpirals: arms must be an integer >= 1/);
  });
});

describe("makeXor", () => {
  it("labels class 0 where x and y share a sign, spread evenly over the four quadrants", () => {
    const ds = makeXor({ n: 400, seed: 6, dtype: "float64" });
    expect(ds.x.shape).toEqual([400, 2]);
    expect(classCounts(ds.y, 2)).toEqual([200, 200]);
    const quadrant = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) {
      const [x, y] = row(ds.x, i);
      expect(Math.abs(x)).toBeLessThan(1);
      expect(Math.abs(y)).toBeLessThan(1);
      expect(x * y).not.toBe(0);
      expect(ds.y.data[i]).toBe(x * y > 0 ? 0 : 1);
      quadrant[(x > 0 ? 1 : 0) + (y > 0 ? 2 : 0)]++;
    }
    expect(quadrant).toEqual([100, 100, 100, 100]);
  });

  it("is deterministic per seed", () => {
    expect(sameBytes(makeXor({ noise: 0.1, seed: 1 }).x, makeXor({ noise: 0.1, seed: 1 }).x)).toBe(true);
    expect(sameBytes(makeXor({ seed: 1 }).x, makeXor({ seed: 2 }).x)).toBe(false);
  });
});

describe("makeCheckerboard", () => {
  it("labels each point by the parity of its cell and fills every cell", () => {
    const cells = 3, width = 2 / cells;
    const ds = makeCheckerboard({ n: 900, cells, seed: 5, dtype: "float64" });
    expect(classCounts(ds.y, 2)).toEqual([450, 450]);
    const perCell = new Array<number>(cells * cells).fill(0);
    for (let i = 0; i < 900; i++) {
      const [x, y] = row(ds.x, i);
      const a = Math.floor((x + 1) / width), b = Math.floor((y + 1) / width);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(cells);
      expect(ds.y.data[i]).toBe((a + b) % 2);
      perCell[b * cells + a]++;
    }
    // 3×3 board: 5 cells of class 0 share 450 points (90 each), 4 cells of class 1 (112 or 113).
    for (let c = 0; c < 9; c++) expect(perCell[c]).toBe(c % 2 === 0 ? 90 : c === 1 || c === 3 ? 113 : 112);
  });

  it("is deterministic per seed and refuses fewer than 2 cells", () => {
    expect(sameBytes(makeCheckerboard({ seed: 1 }).x, makeCheckerboard({ seed: 1 }).x)).toBe(true);
    expect(sameBytes(makeCheckerboard({ seed: 1 }).x, makeCheckerboard({ seed: 2 }).x)).toBe(false);
    expect(() => makeCheckerboard({ cells: 1 })).toThrow(/makeCheckerboard: cells must be an integer >= 2, got 1/);
  });
});
