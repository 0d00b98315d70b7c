// Calls the @nn/datasets API exactly as docs/api.md (its @nn/datasets section) writes it: generator options
// ({ n, noise, seed }), Dataset fields, loaders, split/scale/one-hot/batch, CSV parsing and
// loadCsv under the ./node subpath, with expected values derived by hand or from published facts.
import { undocumentedExports } from "../../../test-support/api-reference.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Tensor, tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import {
  type Dataset, MinMaxScaler, StandardScaler, batches, loadBreastCancer, loadDigits, loadIris, makeBlobs, makeCheckerboard,
  makeCircles, makeMoons, makeSpirals, makeXor, oneHot, parseCsv, trainTestSplit,
} from "../src/index.js";
import { loadCsv } from "../src/node/index.js";

function counts(y: Tensor, k: number): number[] {
  const c = new Array<number>(k).fill(0);
  for (const v of y.data) c[v]++;
  return c;
}

function checkDataset(ds: Dataset, n: number, features: number, numClasses: number): void {
  expect(ds.x.shape).toEqual([n, features]);
  expect(ds.y.shape).toEqual([n]);
  expect(ds.numClasses).toBe(numClasses);
  for (const v of ds.y.data) {
    expect(Number.isInteger(v)).toBe(true);
    expect(v >= 0 && v < numClasses).toBe(true);
  }
}

describe("docs/api.md contract: synthetic sets ({ n, noise, seed })", () => {
  const generators = { makeMoons, makeCircles, makeSpirals, makeXor, makeBlobs, makeCheckerboard };

  for (const [name, make] of Object.entries(generators)) {
    it(`${name}({ n, noise, seed }) is a seeded Dataset [n, 2]`, () => {
      const a = make({ n: 60, noise: 0.1, seed: 3 });
      const b = make({ n: 60, noise: 0.1, seed: 3 });
      const c = make({ n: 60, noise: 0.1, seed: 4 });
      expect(a.x.shape).toEqual([60, 2]);
      expect(a.y.shape).toEqual([60]);
      expect(a.numClasses).toBeGreaterThanOrEqual(2);
      checkDataset(a, 60, 2, a.numClasses);
      expect(Array.from(a.x.data)).toEqual(Array.from(b.x.data));
      expect(Array.from(a.y.data)).toEqual(Array.from(b.y.data));
      expect(Array.from(a.x.data)).not.toEqual(Array.from(c.x.data));
    });
  }

  it("makeMoons: label 0 is the upper moon; noise 0 gives the exact curves; classes n//2 and the rest", () => {
    const ds = makeMoons({ n: 101, noise: 0, seed: 1 });
    checkDataset(ds, 101, 2, 2);
    expect(counts(ds.y, 2)).toEqual([50, 51]);
    for (let i = 0; i < 101; i++) {
      const px = ds.x.data[2 * i], py = ds.x.data[2 * i + 1];
      if (ds.y.data[i] === 0) {
        // Upper moon: (cos t, sin t), t ∈ [0, π] → on the unit circle, y ≥ 0.
        expect(Math.hypot(px, py)).toBeCloseTo(1, 6);
        expect(py).toBeGreaterThanOrEqual(-1e-7);
      } else {
        // Lower moon: (1 − cos t, 0.5 − sin t) → on the unit circle about (1, 0.5), y ≤ 0.5.
        expect(Math.hypot(px - 1, py - 0.5)).toBeCloseTo(1, 6);
        expect(py).toBeLessThanOrEqual(0.5 + 1e-7);
      }
    }
  });

  it("makeCircles: noise 0 puts label 0 on the unit circle (scikit-learn's outer circle), label 1 inside", () => {
    const ds = makeCircles({ n: 40, noise: 0, seed: 2 });
    checkDataset(ds, 40, 2, 2);
    expect(counts(ds.y, 2)).toEqual([20, 20]);
    for (let i = 0; i < 40; i++) {
      const r = Math.hypot(ds.x.data[2 * i], ds.x.data[2 * i + 1]);
      if (ds.y.data[i] === 0) expect(r).toBeCloseTo(1, 6);
      else expect(r).toBeLessThan(1);
    }
  });

  it("makeBlobs splits n over 3 centres as scikit-learn (n//k, remainder to the first)", () => {
    const ds = makeBlobs({ n: 100, noise: 0, seed: 0 });
    expect(ds.numClasses).toBe(3);
    expect(counts(ds.y, 3)).toEqual([34, 33, 33]);
    // noise is the cluster standard deviation: at 0 every point sits on its class's centre.
    const centre = new Map<number, string>();
    for (let i = 0; i < 100; i++) {
      const p = `${ds.x.data[2 * i]},${ds.x.data[2 * i + 1]}`;
      const c = ds.y.data[i];
      if (!centre.has(c)) centre.set(c, p);
      expect(p).toBe(centre.get(c));
    }
    expect(new Set(centre.values()).size).toBe(3);
  });
});

describe("docs/api.md contract: shipped real data", () => {
  it("loadIris() is [150, 4], 3 classes of 50, with names", () => {
    const ds = loadIris();
    checkDataset(ds, 150, 4, 3);
    expect(counts(ds.y, 3)).toEqual([50, 50, 50]);
    expect(ds.featureNames).toHaveLength(4);
    expect(ds.classNames).toHaveLength(3);
    // Fisher's first flower: 5.1, 3.5, 1.4, 0.2, setosa.
    expect(Array.from(ds.x.data.slice(0, 4)).map((v) => Math.round(v * 10) / 10)).toEqual([5.1, 3.5, 1.4, 0.2]);
    expect(ds.y.data[0]).toBe(0);
  });

  it("loadBreastCancer() is [569, 30]: 212 malignant, 357 benign", () => {
    const ds = loadBreastCancer();
    checkDataset(ds, 569, 30, 2);
    expect(counts(ds.y, 2)).toEqual([212, 357]);
    expect(ds.featureNames).toHaveLength(30);
  });

  it("loadDigits() is 8×8 images: [1797, 64], 10 classes, pixels 0..16", () => {
    const ds = loadDigits();
    checkDataset(ds, 1797, 64, 10);
    let lo = Infinity, hi = -Infinity;
    for (const v of ds.x.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect([lo, hi]).toEqual([0, 16]);
  });
});

describe("docs/api.md contract: split, scale, one-hot, batches", () => {
  it("trainTestSplit(ds, {testSize, stratify, seed}) → {train, test}", () => {
    const ds = loadIris();
    const { train, test } = trainTestSplit(ds, { testSize: 0.2, stratify: true, seed: 5 });
    expect(test.x.shape).toEqual([30, 4]); // ceil(0.2·150)
    expect(train.x.shape).toEqual([120, 4]);
    expect(counts(test.y, 3)).toEqual([10, 10, 10]);
    expect(counts(train.y, 3)).toEqual([40, 40, 40]);
    expect(train.numClasses).toBe(3);
    const again = trainTestSplit(ds, { testSize: 0.2, stratify: true, seed: 5 });
    expect(Array.from(again.test.x.data)).toEqual(Array.from(test.x.data));
    const plain = trainTestSplit(ds, { testSize: 0.5, seed: 1 });
    expect(plain.test.y.shape).toEqual([75]);
  });

  it("StandardScaler: fit, transform, fitTransform, toJSON", () => {
    // Column 0: 1, 3 → mean 2, population sd 1; column 1: 10, 30 → mean 20, sd 10.
    const x = tensor([[1, 10], [3, 30]], "float64");
    const s = new StandardScaler();
    expect(s.fit(x)).toBe(s);
    expect(s.transform(x).toArray()).toEqual([[-1, -1], [1, 1]]);
    expect(new StandardScaler().fitTransform(x).toArray()).toEqual([[-1, -1], [1, 1]]);
    const json = JSON.parse(JSON.stringify(s.toJSON())) as { mean: number[]; scale: number[] };
    expect(json.mean).toEqual([2, 20]);
    expect(json.scale).toEqual([1, 10]);
  });

  it("MinMaxScaler: fit, transform, fitTransform, toJSON", () => {
    const x = tensor([[1, 10], [3, 30], [2, 20]], "float64");
    const s = new MinMaxScaler().fit(x);
    expect(s.transform(x).toArray()).toEqual([[0, 0], [1, 1], [0.5, 0.5]]);
    expect(new MinMaxScaler().fitTransform(x).toArray()).toEqual([[0, 0], [1, 1], [0.5, 0.5]]);
    const json = JSON.parse(JSON.stringify(s.toJSON())) as { featureRange: number[]; dataMin: number[]; dataMax: number[] };
    expect(json.featureRange).toEqual([0, 1]);
    expect(json.dataMin).toEqual([1, 10]);
    expect(json.dataMax).toEqual([3, 30]);
  });

  it("oneHot(labels, k)", () => {
    expect(oneHot(tensor([2, 0, 1]), 3).toArray()).toEqual([[0, 0, 1], [1, 0, 0], [0, 1, 0]]);
    expect(() => oneHot(tensor([3]), 3)).toThrow(/oneHot/);
  });

  it("batches(ds, {batchSize, shuffle, seed, dropLast})", () => {
    const ds: Dataset = { x: tensor([[0], [1], [2], [3], [4]]), y: tensor([0, 1, 0, 1, 0]), numClasses: 2 };
    const seq = [...batches(ds, { batchSize: 2 })].map((b) => Array.from(b.x.data));
    expect(seq).toEqual([[0, 1], [2, 3], [4]]);
    const dropped = [...batches(ds, { batchSize: 2, dropLast: true })];
    expect(dropped).toHaveLength(2);
    const shuffled = batches(ds, { batchSize: 2, shuffle: true, seed: 9, dropLast: false });
    const seen: number[] = [];
    for (const b of shuffled) {
      seen.push(...Array.from(b.x.data));
      // x and y stay paired: in this set y = x mod 2.
      for (let i = 0; i < b.y.size; i++) expect(b.y.data[i]).toBe(b.x.data[i] % 2);
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
    const rerun: number[] = [];
    for (const b of batches(ds, { batchSize: 2, shuffle: true, seed: 9 })) rerun.push(...Array.from(b.x.data));
    expect(rerun).toEqual(seen);
  });
});

describe("docs/api.md contract: CSV", () => {
  const text = "width,height,species\n1.5,2,cat\n3,4.25,dog\n5,6,cat\n";

  it("parseCsv(text, {header, labelColumn, delimiter}) with labelColumn by name and by index", () => {
    const byName = parseCsv(text, { header: true, labelColumn: "species", delimiter: "," });
    expect(byName.x.toArray()).toEqual([[1.5, 2], [3, 4.25], [5, 6]]);
    expect(byName.featureNames).toEqual(["width", "height"]);
    expect(byName.numClasses).toBe(2);
    expect(byName.classNames).toEqual(["cat", "dog"]);
    expect(Array.from(byName.y.data)).toEqual([0, 1, 0]);
    const byIndex = parseCsv("0;1.5;2\n1;3;4.25\n", { header: false, labelColumn: 0, delimiter: ";" });
    expect(byIndex.x.toArray()).toEqual([[1.5, 2], [3, 4.25]]);
    expect(Array.from(byIndex.y.data)).toEqual([0, 1]);
    // Defaults: header row, label in the last column, comma.
    expect(parseCsv(text).x.shape).toEqual([3, 2]);
  });

  it("bad CSV names the 1-based line (header included) and the column", () => {
    const bad = "width,height,species\n1.5,2,cat\n3,oops,dog\n";
    let message = "";
    try {
      parseCsv(bad, { labelColumn: "species" });
    } catch (e) {
      message = (e as Error).message;
    }
    // "oops" is on the third line an editor shows, in the second column.
    expect(message).toMatch(/line 3\b/);
    expect(message).toMatch(/column 2\b/);
    // A short row on line 4 (blank-free text: line = header + 3 rows) is missing column 3.
    expect(() => parseCsv("a,b,label\n1,2,0\n3,4,1\n5,6\n")).toThrow(/line 4\b.*column 3\b/);
    // An empty field on line 2, column 1.
    expect(() => parseCsv("a,b,label\n,2,0\n")).toThrow(/line 2\b.*column 1\b/);
  });

  it("loadCsv(path, opts) from the ./node subpath", () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-datasets-contract-"));
    const path = join(dir, "pets.csv");
    writeFileSync(path, text);
    const ds = loadCsv(path, { labelColumn: "species" });
    expect(ds.x.toArray()).toEqual([[1.5, 2], [3, 4.25], [5, 6]]);
    expect(ds.classNames).toEqual(["cat", "dog"]);
    // Errors from a file name the file as well as the line and column.
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "a,b,label\n1,x,0\n");
    expect(() => loadCsv(bad)).toThrow(/bad\.csv.*line 2\b.*column 2\b/);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown> };
    expect(pkg.exports["./node"]).toBeDefined();
  });
});

describe("docs/api.md is kept in step with the code", () => {
  it("names every export of @nn/datasets", async () => {
    expect(undocumentedExports("@nn/datasets", await import("../src/index.js"))).toEqual([]);
  });
  it("names every export of @nn/datasets/node", async () => {
    expect(undocumentedExports("@nn/datasets", await import("../src/node/index.js"))).toEqual([]);
  });
});
