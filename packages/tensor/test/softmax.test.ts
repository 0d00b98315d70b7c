import { describe, expect, it } from "vitest";
import { logSoftmax, logSumExp, softmax, tensor, transpose, zeros } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

describe.each(backends)("softmax, logSoftmax, logSumExp, backend $name", (backend) => {
  useBackend(backend);

  it("matches the definition on a small row: softmax([0, ln 2, ln 5]) = [1, 2, 5] / 8", () => {
    const s = softmax(tensor([0, Math.log(2), Math.log(5)], "float64"));
    const expected = [1 / 8, 2 / 8, 5 / 8];
    for (let i = 0; i < 3; i++) expect(s.data[i]).toBeCloseTo(expected[i], 15);
    // logSumExp of the same row is ln(1 + 2 + 5) = ln 8.
    expect(logSumExp(tensor([0, Math.log(2), Math.log(5)], "float64")).data[0]).toBeCloseTo(Math.log(8), 15);
  });

  it("stays finite on a row of 1000s, where exp overflows", () => {
    const x = tensor([[1000, 1000, 1000, 1000]], "float32");
    expect(softmax(x).toArray()).toEqual([[0.25, 0.25, 0.25, 0.25]]);
    // logSoftmax = x − max − ln Σ exp(x − max) = 0 − ln 4
    const ls = logSoftmax(x, 1);
    for (const v of ls.data) expect(v).toBe(Math.fround(-Math.log(4)));
    expect(logSumExp(x, 1).data[0]).toBe(Math.fround(1000 + Math.log(4)));
    expect(logSumExp(tensor([-1000, -1000], "float64")).data[0]).toBeCloseTo(-1000 + Math.log(2), 12);
  });

  it("gives −∞ entries probability 0 and log-probability −∞", () => {
    const x = tensor([-Infinity, 0, -Infinity, 0], "float64");
    expect(softmax(x).toArray()).toEqual([0, 0.5, 0, 0.5]);
    expect(logSoftmax(x).toArray()).toEqual([-Infinity, -Math.LN2, -Infinity, -Math.LN2]);
    expect(logSumExp(tensor([-Infinity, -Infinity])).data[0]).toBe(-Infinity);
  });

  it("works along a leading axis, equal to the transpose of the last-axis result", () => {
    const x = tensor([[1, 2, 3], [4, 6, 8]], "float64");
    const along0 = softmax(x, 0);
    const viaT = transpose(softmax(transpose(x), 1));
    expect(along0.toArray()).toEqual(viaT.toArray());
    // Column 0: softmax([1, 4]) = [1/(1+e³), e³/(1+e³)]
    expect(along0.data[0]).toBeCloseTo(1 / (1 + Math.exp(3)), 15);
  });

  it("softmax of a scalar is 1, log-softmax 0; zero-size tensors stay empty", () => {
    expect(softmax(tensor(3)).toArray()).toBe(1);
    expect(logSoftmax(tensor(3)).toArray()).toBe(0);
    expect(softmax(zeros([2, 0])).shape).toEqual([2, 0]);
  });

  it("may write in place", () => {
    const x = tensor([0, 0], "float64");
    expect(softmax(x, -1, x)).toBe(x);
    expect(x.toArray()).toEqual([0.5, 0.5]);
  });
});

describe.each(backends)("transpose, backend $name", (backend) => {
  useBackend(backend);

  it("swaps the axes of a matrix, including sizes larger than one tile", () => {
    expect(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    const rows = 37, cols = 70;
    const a = zeros([rows, cols], "float64");
    for (let i = 0; i < a.size; i++) a.data[i] = i;
    const t = transpose(a);
    expect(t.shape).toEqual([cols, rows]);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) expect(t.data[j * rows + i]).toBe(i * cols + j);
  });

  it("copies rank 0 and 1 as their own transpose; handles [0, 3]", () => {
    expect(transpose(tensor([1, 2])).toArray()).toEqual([1, 2]);
    expect(transpose(zeros([0, 3])).shape).toEqual([3, 0]);
  });
});
