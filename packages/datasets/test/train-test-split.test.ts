import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type Dataset, trainTestSplit } from "../src/index.js";
import { classCounts } from "./helpers.js";

/** A data set whose single feature is the row number, so rows can be traced through a split. */
function traced(labels: number[]): Dataset {
  const n = labels.length;
  return {
    x: new Tensor(Float64Array.from({ length: n }, (_, i) => i), [n, 1]),
    y: new Tensor(Float64Array.from(labels), [n]),
    numClasses: Math.max(...labels) + 1,
    classNames: ["a", "b", "c"].slice(0, Math.max(...labels) + 1),
  };
}

function repeat(counts: number[]): number[] {
  return counts.flatMap((c, k) => new Array<number>(c).fill(k));
}

describe("trainTestSplit", () => {
  it("takes ceil(testSize·n) test rows, and the two parts partition the rows with labels kept", () => {
    const ds = traced(repeat([30, 31]));
    const { train, test } = trainTestSplit(ds, { testSize: 0.25, seed: 1 });
    expect(test.x.shape).toEqual([16, 1]); // ceil(0.25 · 61) = 16
    expect(train.x.shape).toEqual([45, 1]);
    const ids = [...train.x.data, ...test.x.data].sort((a, b) => a - b);
    expect(ids).toEqual(Array.from({ length: 61 }, (_, i) => i));
    for (const part of [train, test]) {
      for (let i = 0; i < part.y.size; i++) expect(part.y.data[i]).toBe(part.x.data[i] < 30 ? 0 : 1);
      expect(part.numClasses).toBe(2);
      expect(part.classNames).toEqual(["a", "b"]);
    }
  });

  it("accepts a row count and is deterministic per seed", () => {
    const ds = traced(repeat([50, 50]));
    const a = trainTestSplit(ds, { testSize: 7, seed: 3 });
    const b = trainTestSplit(ds, { testSize: 7, seed: 3 });
    const c = trainTestSplit(ds, { testSize: 7, seed: 4 });
    expect(a.test.x.shape[0]).toBe(7);
    expect(Array.from(a.test.x.data)).toEqual(Array.from(b.test.x.data));
    expect(Array.from(a.test.x.data)).not.toEqual(Array.from(c.test.x.data));
  });

  it("stratified, keeps the class proportions exactly when they divide evenly", () => {
    const ds = traced(repeat([50, 50, 50]));
    for (const seed of [0, 1, 2]) {
      const { train, test } = trainTestSplit(ds, { testSize: 0.2, stratify: true, seed });
      expect(classCounts(test.y, 3)).toEqual([10, 10, 10]);
      expect(classCounts(train.y, 3)).toEqual([40, 40, 40]);
    }
  });

  it("stratified, gives each class its share within one row and keeps every class in both parts", () => {
    // n = 100, 10 test rows. Quotas 9, 0.8, 0.2: largest remainders give 9, 1, 0; the class of
    // two then takes one slot from the biggest class so it appears in both parts: 8, 1, 1.
    const ds = traced(repeat([90, 8, 2]));
    const { train, test } = trainTestSplit(ds, { testSize: 0.1, stratify: true, seed: 5 });
    expect(classCounts(test.y, 3)).toEqual([8, 1, 1]);
    expect(classCounts(train.y, 3)).toEqual([82, 7, 1]);
  });

  it("stratified, mixes the classes in each part rather than leaving them grouped", () => {
    const { test } = trainTestSplit(traced(repeat([50, 50])), { testSize: 0.5, stratify: true, seed: 2 });
    const labels = Array.from(test.y.data);
    expect(labels).not.toEqual([...labels].sort((a, b) => a - b));
  });

  it("refuses a test size that leaves a part empty, naming the allowed range", () => {
    const ds = traced(repeat([5, 5]));
    expect(() => trainTestSplit(ds, { testSize: 0 })).toThrow(/testSize must be a fraction in \(0, 1\) or a row count in \[1, 9\], got 0/);
    expect(() => trainTestSplit(ds, { testSize: 10 })).toThrow(/gives 10 test rows of 10/);
    expect(() => trainTestSplit(ds, { testSize: 2.5 })).toThrow(/testSize 2.5/);
  });

  // Issue 19 item 13: a CSV with one data row said "a row count in [1, 0]".
  it("refuses a one-row data set by its size, not with an empty range", () => {
    expect(() => trainTestSplit(traced(repeat([1])), { testSize: 0.25 })).toThrow("trainTestSplit: a split needs at least 2 rows (one for each part), the data set has 1");
  });
});
