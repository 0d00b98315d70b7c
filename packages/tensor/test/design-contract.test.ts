// Calls the @nn/tensor API exactly as docs/api.md (its @nn/tensor section) writes it (names, argument
// order, option names), so a drift between the contract and the code fails here first.
import { undocumentedExports } from "../../../test-support/api-reference.js";
import { describe, expect, it } from "vitest";
import {
  Tensor, abs, add, arange, argmax, clip, createRng, div, exp, eye, full, log, logSoftmax, matmul, max, mean,
  min, mul, neg, ones, rand, randn, softmax, sqrt, sub, sum, tensor, transpose, zeros,
} from "../src/index.js";

describe("docs/api.md contract: Tensor and creation", () => {
  it("Tensor exposes data, shape, dtype, size, rank, toArray, reshape, clone", () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t).toBeInstanceOf(Tensor);
    expect(t.data).toBeInstanceOf(Float32Array); // default dtype float32
    expect(t.dtype).toBe("float32");
    expect(t.shape).toEqual([2, 3]);
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    // Row-major: element [1, 0] is the fourth value.
    expect(t.data[3]).toBe(4);
    const r = t.reshape([3, 2]);
    expect(r.shape).toEqual([3, 2]);
    expect(r.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    const c = t.clone();
    c.data[0] = 99;
    expect(t.data[0]).toBe(1);
  });

  it("creation as NumPy: tensor(3) is rank 0, tensor([[], []]) is [2, 0]", () => {
    const s = tensor(3);
    expect(s.rank).toBe(0);
    expect(s.shape).toEqual([]);
    expect(s.size).toBe(1);
    expect(s.toArray()).toBe(3);
    const e = tensor([[], []]);
    expect(e.shape).toEqual([2, 0]);
    expect(e.size).toBe(0);
    expect(tensor([1, 2], "float64").dtype).toBe("float64");
    expect(tensor([1, 2], "float64").data).toBeInstanceOf(Float64Array);
  });

  it("zeros, ones, full(shape, v, dtype), arange, eye", () => {
    expect(zeros([2, 2]).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(zeros([2], "float64").dtype).toBe("float64");
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(ones([1], "float64").dtype).toBe("float64");
    const f = full([2, 3], 7, "float64");
    expect(f.dtype).toBe("float64");
    expect(f.shape).toEqual([2, 3]);
    expect(Array.from(f.data)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(full([1], 2.5).dtype).toBe("float32");
    expect(arange(4).toArray()).toEqual([0, 1, 2, 3]);
    expect(arange(1, 7, 2).toArray()).toEqual([1, 3, 5]);
    expect(eye(3).toArray()).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
  });

  it("createRng(seed): next() in [0,1), normal(), int(n); same seed same stream", () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) expect(v >= 0 && v < 1).toBe(true);
    const rng = createRng(7);
    const counts = [0, 0, 0];
    for (let i = 0; i < 3000; i++) {
      const k = rng.int(3);
      expect(Number.isInteger(k)).toBe(true);
      counts[k]++;
    }
    // Each of 3 classes ~1000 (binomial sd ≈ 26): 850..1150 is a ±5.8σ band.
    for (const k of counts) expect(k).toBeGreaterThan(850);
    for (const k of counts) expect(k).toBeLessThan(1150);
    let s = 0, s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s += z;
      s2 += z * z;
    }
    // Sample mean has sd 1/√n ≈ 0.007; variance has sd √(2/n) ≈ 0.01.
    expect(Math.abs(s / n)).toBeLessThan(0.04);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.06);
  });

  it("randn(shape, rng, {mean, std, dtype}) and rand(shape, rng, {low, high, dtype})", () => {
    const g = randn([100, 100], createRng(1), { mean: 5, std: 2, dtype: "float64" });
    expect(g.shape).toEqual([100, 100]);
    expect(g.dtype).toBe("float64");
    let s = 0, s2 = 0;
    for (const v of g.data) s += v;
    const m = s / g.size;
    for (const v of g.data) s2 += (v - m) ** 2;
    expect(Math.abs(m - 5)).toBeLessThan(0.1); // sd of the mean: 2/100 = 0.02
    expect(Math.abs(Math.sqrt(s2 / g.size) - 2)).toBeLessThan(0.1);
    // Same seed, same tensor.
    expect(Array.from(randn([5], createRng(3)).data)).toEqual(Array.from(randn([5], createRng(3)).data));
    const u = rand([10000], createRng(2), { low: -3, high: -1, dtype: "float64" });
    expect(u.dtype).toBe("float64");
    let lo = Infinity, hi = -Infinity, su = 0;
    for (const v of u.data) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      su += v;
    }
    expect(lo).toBeGreaterThanOrEqual(-3);
    expect(hi).toBeLessThan(-1);
    expect(Math.abs(su / u.size + 2)).toBeLessThan(0.05); // uniform mean -2, sd of mean ≈ 0.006
    expect(rand([2], createRng(2)).dtype).toBe("float32");
  });
});

describe("docs/api.md contract: ops", () => {
  it("add sub mul div broadcast as NumPy and take an optional out", () => {
    const a = tensor([[1, 2, 3], [4, 5, 6]], "float64");
    const row = tensor([10, 20, 30], "float64");
    expect(add(a, row).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(sub(a, row).toArray()).toEqual([[-9, -18, -27], [-6, -15, -24]]);
    const col = tensor([[2], [4]], "float64");
    expect(mul(a, col).toArray()).toEqual([[2, 4, 6], [16, 20, 24]]);
    expect(div(a, col).toArray()).toEqual([[0.5, 1, 1.5], [1, 1.25, 1.5]]);
    const out = zeros([2, 3], "float64");
    const r = add(a, row, out);
    expect(r).toBe(out);
    expect(out.toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
  });

  it("neg exp log sqrt abs clip", () => {
    const x = tensor([-4, 1, 4], "float64");
    expect(neg(x).toArray()).toEqual([4, -1, -4]);
    expect(abs(x).toArray()).toEqual([4, 1, 4]);
    expect(clip(x, -1, 2).toArray()).toEqual([-1, 1, 2]);
    expect(sqrt(tensor([4, 9], "float64")).toArray()).toEqual([2, 3]);
    expect(exp(tensor([0, 1], "float64")).data[1]).toBeCloseTo(Math.E, 14);
    expect(log(tensor([1, Math.E], "float64")).data[1]).toBeCloseTo(1, 14);
    const out = zeros([3], "float64");
    expect(neg(x, out)).toBe(out);
  });

  it("matmul(a, b, {transposeA, transposeB, out})", () => {
    const a = tensor([[1, 2], [3, 4]], "float64");
    const b = tensor([[5, 6], [7, 8]], "float64");
    // [1 2;3 4]·[5 6;7 8] = [1·5+2·7, 1·6+2·8; 3·5+4·7, 3·6+4·8]
    expect(matmul(a, b).toArray()).toEqual([[19, 22], [43, 50]]);
    // aᵀ = [1 3;2 4]: aᵀ·b = [1·5+3·7, 1·6+3·8; 2·5+4·7, 2·6+4·8]
    expect(matmul(a, b, { transposeA: true }).toArray()).toEqual([[26, 30], [38, 44]]);
    // bᵀ = [5 7;6 8]: a·bᵀ = [1·5+2·6, 1·7+2·8; 3·5+4·6, 3·7+4·8]
    expect(matmul(a, b, { transposeB: true }).toArray()).toEqual([[17, 23], [39, 53]]);
    const out = zeros([2, 2], "float64");
    expect(matmul(a, b, { transposeA: false, transposeB: false, out })).toBe(out);
    expect(out.toArray()).toEqual([[19, 22], [43, 50]]);
  });

  it("shape errors name the op and both shapes: matmul: inner dimensions differ: [3,4] · [5,2]", () => {
    expect(() => matmul(zeros([3, 4]), zeros([5, 2]))).toThrow("matmul: inner dimensions differ: [3,4] · [5,2]");
    expect(() => add(zeros([2, 3]), zeros([4]))).toThrow(/add.*\[2,3\].*\[4\]/);
  });

  it("sum/mean/max/min(a, axis?, keepDims?)", () => {
    const a = tensor([[1, 5, 3], [4, 2, 6]], "float64");
    expect(sum(a).toArray()).toBe(21);
    expect(sum(a).rank).toBe(0);
    expect(sum(a, 0).toArray()).toEqual([5, 7, 9]);
    const k = sum(a, 1, true);
    expect(k.shape).toEqual([2, 1]);
    expect(k.toArray()).toEqual([[9], [12]]);
    expect(mean(a, 1).toArray()).toEqual([3, 4]);
    expect(max(a, 0).toArray()).toEqual([4, 5, 6]);
    expect(min(a, 1, true).toArray()).toEqual([[1], [2]]);
    expect(mean(a).toArray()).toBe(3.5);
  });

  it("argmax(a, axis)", () => {
    const a = tensor([[1, 5, 3], [7, 2, 6]]);
    expect(Array.from(argmax(a, 1).data)).toEqual([1, 0]);
    expect(Array.from(argmax(a, 0).data)).toEqual([1, 0, 1]);
  });

  it("transpose(a)", () => {
    expect(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
  });

  it("softmax(a, axis?) and logSoftmax(a, axis?)", () => {
    const a = tensor([[0, Math.log(3)], [1, 1]], "float64");
    // Row 0: e^0 : e^ln3 = 1 : 3 → [1/4, 3/4]; row 1 equal logits → [1/2, 1/2].
    const s = softmax(a);
    expect(s.data[0]).toBeCloseTo(0.25, 14);
    expect(s.data[1]).toBeCloseTo(0.75, 14);
    expect(s.data[2]).toBeCloseTo(0.5, 14);
    const ls = logSoftmax(a, -1);
    expect(ls.data[0]).toBeCloseTo(Math.log(0.25), 14);
    // Along axis 0: column 0 is [0, 1] → [1/(1+e), e/(1+e)].
    const s0 = softmax(a, 0);
    expect(s0.data[0]).toBeCloseTo(1 / (1 + Math.E), 14);
    expect(s0.data[2]).toBeCloseTo(Math.E / (1 + Math.E), 14);
  });
});

describe("docs/api.md is kept in step with the code", () => {
  it("names every export of @nn/tensor", async () => {
    expect(undocumentedExports("@nn/tensor", await import("../src/index.js"))).toEqual([]);
  });
});
