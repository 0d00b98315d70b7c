import { describe, expect, it } from "vitest";
import { Tensor, arange, createRng, eye, full, ones, rand, randn, tensor, zeros } from "../src/index.js";

describe("Tensor and creation", () => {
  it("builds from nested arrays as NumPy does: rank 0, rank 2, and [[], []] of shape [2, 0]", () => {
    const s = tensor(3);
    expect([s.rank, s.size, s.shape]).toEqual([0, 1, []]);
    expect(s.toArray()).toBe(3);
    const m = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(m.shape).toEqual([2, 3]);
    expect(m.dtype).toBe("float32");
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    const e = tensor([[], []]);
    expect([e.shape, e.size, e.toArray()]).toEqual([[2, 0], 0, [[], []]]);
  });

  it("stores float32 values rounded and float64 values exactly", () => {
    expect(tensor([0.1]).data[0]).toBe(Math.fround(0.1));
    expect(tensor([0.1], "float64").data[0]).toBe(0.1);
    expect(tensor(new Float64Array([1, 2])).dtype).toBe("float64");
  });

  it("reshape shares data and infers one −1 dimension", () => {
    const a = arange(6, undefined, 1, "float64");
    const b = a.reshape([2, -1]);
    expect(b.shape).toEqual([2, 3]);
    expect(b.data).toBe(a.data);
    b.data[0] = 42;
    expect(a.data[0]).toBe(42);
    expect(() => a.reshape([])).toThrow("reshape: cannot reshape [6] (6 elements) into []");
    expect(tensor([7]).reshape([]).toArray()).toBe(7);
    expect(zeros([0, 4]).reshape([-1, 2]).shape).toEqual([0, 2]);
  });

  it("clone copies, astype converts", () => {
    const a = tensor([1.5, 2.5], "float64");
    const c = a.clone();
    c.data[0] = 0;
    expect(a.data[0]).toBe(1.5);
    expect(a.astype("float32").dtype).toBe("float32");
  });

  it("creates zeros, ones, full, arange and eye", () => {
    expect(zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(ones([3], "float64").toArray()).toEqual([1, 1, 1]);
    expect(full([], 7).toArray()).toBe(7);
    expect(arange(1, 2, 0.25, "float64").toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(eye(2, 3).toArray()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(zeros([3, 0, 2]).toArray()).toEqual([[], [], []]);
  });

  it("randn and rand draw in row-major order from the given generator", () => {
    const r1 = createRng(5), r2 = createRng(5);
    const t = randn([2, 2], r1, { mean: 1, std: 2, dtype: "float64" });
    expect(Array.from(t.data)).toEqual([0, 1, 2, 3].map(() => 1 + 2 * r2.normal()));
    const u = rand([1000], createRng(6), { low: -1, high: 1 });
    for (const v of u.data) expect(v >= -1 && v < 1).toBe(true);
  });

  it("refuses data whose length does not match the shape", () => {
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow("Tensor: data has 5 elements but shape [2,3] needs 6");
    expect(() => zeros([2], "int32" as "float32")).toThrow(`zeros: dtype must be 'float32' or 'float64', got "int32"`);
  });
});
