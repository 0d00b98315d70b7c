import { describe, expect, it } from "vitest";
import { abs, add, clip, div, exp, log, mul, neg, sqrt, sub, tensor, zeros } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

describe.each(backends)("element-wise ops, backend $name", (backend) => {
  useBackend(backend);

  it("adds, subtracts, multiplies and divides same-shape tensors", () => {
    const a = tensor([[1, 2], [3, 4]], "float64");
    const b = tensor([[10, 20], [30, 40]], "float64");
    expect(add(a, b).toArray()).toEqual([[11, 22], [33, 44]]);
    expect(sub(a, b).toArray()).toEqual([[-9, -18], [-27, -36]]);
    expect(mul(a, b).toArray()).toEqual([[10, 40], [90, 160]]);
    expect(div(b, a).toArray()).toEqual([[10, 10], [10, 10]]);
  });

  it("broadcasts a row over a matrix, a column over a row, and a scalar", () => {
    const m = tensor([[1, 2, 3], [4, 5, 6]]);
    // [2,3] + [3]: the bias row is added to each row.
    expect(add(m, tensor([10, 20, 30])).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    // [2,1] · [3] → [2,3]: an outer product.
    expect(mul(tensor([[1], [2]]), tensor([1, 10, 100])).toArray()).toEqual([[1, 10, 100], [2, 20, 200]]);
    // A rank-0 tensor and a plain number both act as scalars.
    expect(sub(m, tensor(1)).toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect(div(12, tensor([1, 2, 3, 4])).toArray()).toEqual([12, 6, 4, 3]);
    expect(add(tensor(2), 3).toArray()).toBe(5);
  });

  it("broadcasts across a middle axis: [2,1,3] − [4,1] → [2,4,3]", () => {
    const a = tensor([[[1, 2, 3]], [[4, 5, 6]]], "float64");
    const b = tensor([[0], [10], [20], [30]], "float64");
    const r = sub(a, b);
    expect(r.shape).toEqual([2, 4, 3]);
    // r[i, j, k] = a[i, 0, k] − b[j, 0]
    expect(r.toArray()).toEqual([
      [[1, 2, 3], [-9, -8, -7], [-19, -18, -17], [-29, -28, -27]],
      [[4, 5, 6], [-6, -5, -4], [-16, -15, -14], [-26, -25, -24]],
    ]);
  });

  it("rounds float32 results once, as IEEE single precision does", () => {
    // 0.1 and 0.2 are first rounded to float32; their float32 sum is fround(fround(0.1) + fround(0.2)).
    const r = add(tensor([0.1], "float32"), tensor([0.2], "float32"));
    expect(r.data[0]).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(r.data[0]).not.toBe(0.1 + 0.2);
  });

  it("promotes mixed float32/float64 operands to float64 without rounding the float64 side", () => {
    const r = add(tensor([1], "float32"), tensor([1e-10], "float64"));
    expect(r.dtype).toBe("float64");
    expect(r.data[0]).toBe(1 + 1e-10);
    // A number keeps the tensor's dtype, as NumPy's Python scalars do.
    expect(mul(tensor([3], "float32"), 0.5).dtype).toBe("float32");
  });

  it("handles zero-size dimensions, broadcasting [0,3] with [3]", () => {
    const r = add(zeros([0, 3]), tensor([1, 2, 3]));
    expect(r.shape).toEqual([0, 3]);
    expect(r.toArray()).toEqual([]);
    expect(mul(zeros([2, 0]), zeros([1, 1])).shape).toEqual([2, 0]);
  });

  it("writes into out, and may write in place into an operand that is not broadcast", () => {
    const a = tensor([1, 2, 3], "float64");
    const out = zeros([3], "float64");
    expect(add(a, 1, out)).toBe(out);
    expect(out.toArray()).toEqual([2, 3, 4]);
    expect(mul(a, a, a)).toBe(a);
    expect(a.toArray()).toEqual([1, 4, 9]);
  });

  it("computes the unary maths element by element", () => {
    const x = tensor([-2, 0, 0.25, 4], "float64");
    expect(neg(x).toArray()).toEqual([2, -0, -0.25, -4]);
    expect(abs(x).toArray()).toEqual([2, 0, 0.25, 4]);
    expect(sqrt(tensor([0, 0.25, 4, 9], "float64")).toArray()).toEqual([0, 0.5, 2, 3]);
    expect(exp(tensor([0, 1], "float64")).toArray()).toEqual([1, Math.E]);
    expect(log(tensor([1, Math.E, 0], "float64")).toArray()).toEqual([0, 1, -Infinity]);
    expect(clip(x, -1, 1).toArray()).toEqual([-1, 0, 0.25, 1]);
    expect(clip(tensor([NaN]), 0, 1).data[0]).toBeNaN();
  });

  it("applies unary ops in place when out is the input", () => {
    const x = tensor([1, 4, 9]);
    expect(sqrt(x, x)).toBe(x);
    expect(x.toArray()).toEqual([1, 2, 3]);
  });
});
