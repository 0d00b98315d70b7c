import { describe, expect, it } from "vitest";
import { type TypedArray, createRng, kernels, matmul, tensor, zeros } from "../src/index.js";
import { backends, useBackend } from "./backends.js";

// The product's epilogue (accumulate, bias, ReLU) must give the very bits of the separate passes
// it replaces: the product into a fresh array, then C + P, then + bias, then max(·, 0). Random
// fractions make every rounding visible; depths straddle one slab (KC = 256 in wasm, 384 in
// JavaScript) so accumulating into partial sums would show; m, n not multiples of the 4×8 tile
// send the edges through the scalar epilogue.

function random(dtype: "float32" | "float64", length: number, seed: number): TypedArray {
  const rng = createRng(seed);
  const out = dtype === "float32" ? new Float32Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

function bitsEqual(actual: TypedArray, expected: TypedArray): boolean {
  for (let i = 0; i < expected.length; i++) if (!Object.is(actual[i], expected[i])) return false;
  return actual.length === expected.length;
}

const shapes: Array<[number, number, number]> = [[5, 7, 3], [16, 24, 100], [13, 17, 300], [33, 9, 400], [130, 70, 600], [4, 8, 2]];

describe.each(backends)("matmul epilogue, backend $name", (backend) => {
  useBackend(backend);

  for (const dtype of ["float32", "float64"] as const) {
    for (const [m, n, k] of shapes) {
      for (const [transA, transB] of [[false, false], [true, false], [false, true]] as const) {
        it(`${dtype} [${m}×${k}]·[${k}×${n}] transA=${transA} transB=${transB}: accumulate, bias and relu match the separate passes bit for bit`, () => {
          const a = random(dtype, m * k, m + 3 * k), b = random(dtype, k * n, n + 5 * k);
          const c0 = random(dtype, m * n, 7 * m + n), bias = random(dtype, n, n);
          const product = c0.slice().fill(Number.NaN);
          kernels().matmul(a, b, product, m, n, k, transA, transB);

          const separate = c0.slice();
          kernels().addScaled(1, product, separate);
          const fused = c0.slice();
          kernels().matmul(a, b, fused, m, n, k, transA, transB, true);
          expect(bitsEqual(fused, separate)).toBe(true);

          kernels().addToRows(separate, bias, m, n);
          kernels().positivePart(separate, separate);
          const all = c0.slice();
          kernels().matmul(a, b, all, m, n, k, transA, transB, true, bias, true);
          expect(bitsEqual(all, separate)).toBe(true);

          const forward = product.slice();
          kernels().addToRows(forward, bias, m, n);
          const layer = c0.slice(); // stale contents: without accumulate they are overwritten
          kernels().matmul(a, b, layer, m, n, k, transA, transB, false, bias, false);
          expect(bitsEqual(layer, forward)).toBe(true);
          kernels().positivePart(forward, forward);
          kernels().matmul(a, b, layer, m, n, k, transA, transB, false, bias, true);
          expect(bitsEqual(layer, forward)).toBe(true);
        });
      }
    }
  }

  it("accumulating into zeros gives the plain product's bits (the weight gradient after zeroGrad)", () => {
    const m = 64, n = 32, k = 1000;
    const a = random("float32", k * m, 1), b = random("float32", k * n, 2);
    const plain = new Float32Array(m * n), acc = new Float32Array(m * n);
    kernels().matmul(a, b, plain, m, n, k, true, false);
    kernels().matmul(a, b, acc, m, n, k, true, false, true);
    expect(bitsEqual(acc, plain)).toBe(true);
  });

  it("the op: worked by hand, [[1, 2], [3, 4]]·[[1, -1], [0, 1]] + [0.5, -3], then relu, added into out", () => {
    const x = tensor([[1, 2], [3, 4]]), w = tensor([[1, -1], [0, 1]]), b = tensor([0.5, -3]);
    // x·w = [[1, 1], [3, 1]]; + b = [[1.5, -2], [3.5, -2]]; relu → [[1.5, 0], [3.5, 0]]
    expect(Array.from(matmul(x, w, { bias: b, relu: true }).data)).toEqual([1.5, 0, 3.5, 0]);
    const out = tensor([[10, 20], [30, 40]]);
    // out + x·w = [[11, 21], [33, 41]]
    matmul(x, w, { out, accumulate: true });
    expect(Array.from(out.data)).toEqual([11, 21, 33, 41]);
  });

  it("the op refuses accumulate without out, and a bias of the wrong length, naming it", () => {
    const x = zeros([2, 3]), w = zeros([3, 4]);
    expect(() => matmul(x, w, { accumulate: true })).toThrow(/accumulate adds into out, so out is required/);
    expect(() => matmul(x, w, { bias: zeros([3]) })).toThrow(/bias must be \[4\].*got \[3\]/);
  });
});
