import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type Dataset, batches } from "../src/index.js";

/** Row i holds [i, -i] and label i mod 3, so a batch can be checked row by row. */
function traced(n: number): Dataset {
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = i;
    x[2 * i + 1] = -i;
  }
  return { x: new Tensor(x, [n, 2]), y: new Tensor(Float32Array.from({ length: n }, (_, i) => i % 3), [n]), numClasses: 3 };
}

function epochRows(ds: Dataset, it: Iterable<{ x: Tensor; y: Tensor }>): number[][] {
  const out: number[][] = [];
  for (const b of it) {
    const rows: number[] = [];
    for (let i = 0; i < b.x.shape[0]; i++) {
      const id = b.x.data[2 * i];
      expect(b.x.data[2 * i + 1]).toBe(-id);
      expect(b.y.data[i]).toBe(id % 3);
      rows.push(id);
    }
    out.push(rows);
  }
  return out;
}

describe("batches", () => {
  it("without shuffling yields rows in order, the last batch short, as views of the data set", () => {
    const ds = traced(10);
    const it = batches(ds, { batchSize: 4 });
    expect(it.length).toBe(3);
    expect(epochRows(ds, it)).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]);
    for (const b of it) expect(b.x.data.buffer).toBe(ds.x.data.buffer);
  });

  it("dropLast skips the short batch", () => {
    const it = batches(traced(10), { batchSize: 4, dropLast: true });
    expect(it.length).toBe(2);
    expect(epochRows(traced(10), it).map((b) => b.length)).toEqual([4, 4]);
  });

  it("shuffling visits every row once per epoch, in a new order each epoch, repeatably per seed", () => {
    const ds = traced(23);
    const a = batches(ds, { batchSize: 5, shuffle: true, seed: 9 });
    const e1 = epochRows(ds, a).flat(), e2 = epochRows(ds, a).flat();
    for (const e of [e1, e2]) expect([...e].sort((p, q) => p - q)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(e1).not.toEqual(e2);
    const b = batches(ds, { batchSize: 5, shuffle: true, seed: 9 });
    expect(epochRows(ds, b).flat()).toEqual(e1);
    expect(epochRows(ds, b).flat()).toEqual(e2);
  });

  it("shuffling reuses one buffer per batch size across batches and epochs instead of copying the set", () => {
    const ds = traced(10);
    const it = batches(ds, { batchSize: 4, shuffle: true, seed: 1 });
    const seen = new Set<ArrayBufferLike>();
    for (let epoch = 0; epoch < 3; epoch++) for (const b of it) seen.add(b.x.data.buffer).add(b.y.data.buffer);
    // A full batch and the short last batch, each with an x and a y buffer.
    expect(seen.size).toBe(4);
  });

  it("refuses a batch size below 1 and mismatched x and y", () => {
    expect(() => batches(traced(3), { batchSize: 0 })).toThrow(/batches: batchSize must be an integer >= 1, got 0/);
    const bad = { ...traced(3), y: new Tensor(new Float32Array(2), [2]) };
    expect(() => batches(bad, { batchSize: 1 })).toThrow(/batches: dataset y must have 3 rows/);
  });
});
