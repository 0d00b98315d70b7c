import { describe, expect, it } from "vitest";
import { createRng, jsKernels } from "../src/index.js";
import { createWasmKernels } from "../src/kernels/wasm/wasm-backend.js";
import { firstBitDifference } from "./first-bit-difference.js";

/*
 * gemm.wat computes one-column products (n = 1), one- or two-row products (m ≤ 2) and products
 * one or two deep (k ≤ 2) in paths of their own ($gemm_column, $gemm_rows, $gemm_shallow). They
 * must give the bits of the general loop: each element of C depends only on its row of op(A), its
 * column of op(B) and the epilogue operands at its place, so column 0 of a two-column product, or
 * the first rows of a five-row product (which the general loop computes), is the thin product as
 * the general loop computes it. For the depth, one more step whose product is exactly −0 changes
 * no sum (x + −0 = x for every x, ±0 included), so a (k+1)-deep product (general) whose last
 * column of op(A) is −0 and last row of op(B) is +0 gives the k-deep product's bits.
 */
const created = createWasmKernels(jsKernels);
if (created === null) throw new Error("this engine has no WebAssembly SIMD: the one-column path cannot be tested");
const wasm = created;

/** Random float32 values in [-1, 1), with every seventh an exact ±0 (the sums' -0 + 0 cases). */
function values(length: number, rng: ReturnType<typeof createRng>): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = i % 7 === 3 ? (rng.next() < 0.5 ? -0 : 0) : rng.next() * 2 - 1;
  return out;
}

/** A product's shape with its transposes and epilogue from the bits of `flags`. */
function thinCase(m: number, n: number, k: number, flags: number): Case & { n: number } {
  return { m, n, k, transA: (flags & 1) !== 0, transB: (flags & 2) !== 0, accumulate: (flags & 4) !== 0, bias: (flags & 8) !== 0, relu: (flags & 16) !== 0 };
}

interface Case {
  m: number;
  k: number;
  transA: boolean;
  transB: boolean;
  accumulate: boolean;
  bias: boolean;
  relu: boolean;
}

/** C = op(A)·b (m×1) through the column path, and column 0 of op(A)·[b, d] (m×2) through the general loop. */
function bothWays(c: Case, seed: number): { column: Float32Array; general: Float32Array } {
  const rng = createRng(seed);
  const { m, k, transA, transB, accumulate } = c;
  const a = values(m * k, rng), b = values(k, rng), d = values(k, rng);
  const before = values(m, rng), biasValue = values(2, rng);
  // op(B) with columns b and d, stored [k, 2], or [2, k] when transB
  const b2 = new Float32Array(2 * k);
  for (let p = 0; p < k; p++) {
    b2[transB ? p : 2 * p] = b[p];
    b2[transB ? k + p : 2 * p + 1] = d[p];
  }
  const column = Float32Array.from(before);
  const wide = new Float32Array(2 * m);
  for (let i = 0; i < m; i++) wide[2 * i] = before[i];
  wasm.matmul(a, b, column, m, 1, k, transA, transB, accumulate, c.bias ? biasValue.subarray(0, 1) : null, c.relu);
  wasm.matmul(a, b2, wide, m, 2, k, transA, transB, accumulate, c.bias ? biasValue : null, c.relu);
  return { column, general: wide.filter((_, i) => i % 2 === 0) };
}

/** C = op(A)·op(B) (m×n, m ≤ 2) through the rows path, and the first m rows of a 5-row product through the general loop. */
function rowsBothWays(c: Case & { n: number }, seed: number): { rows: Float32Array; general: Float32Array } {
  const rng = createRng(seed);
  const { m, n, k, transA, transB, accumulate } = c;
  const tall = 5;
  const a5 = values(tall * k, rng), b = values(k * n, rng), before5 = values(tall * n, rng), biasRow = values(n, rng);
  // op(A) of the thin product: the first m rows of op(A5); A5 is stored [5, k], or [k, 5] when transA
  const a = new Float32Array(m * k);
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) a[transA ? p * m + i : i * k + p] = a5[transA ? p * tall + i : i * k + p];
  const rows = before5.slice(0, m * n), wide = Float32Array.from(before5);
  wasm.matmul(a, b, rows, m, n, k, transA, transB, accumulate, c.bias ? biasRow : null, c.relu);
  wasm.matmul(a5, b, wide, tall, n, k, transA, transB, accumulate, c.bias ? biasRow : null, c.relu);
  return { rows, general: wide.slice(0, m * n) };
}

/** C = op(A)·op(B) (k ≤ 2) through the shallow path, and the same product one −0·(+0) step deeper through the general loop. */
function shallowBothWays(c: Case & { n: number }, seed: number): { shallow: Float32Array; general: Float32Array } {
  const rng = createRng(seed);
  const { m, n, k, transA, transB, accumulate } = c;
  const a = values(m * k, rng), b = values(k * n, rng), before = values(m * n, rng), biasRow = values(n, rng);
  const deep = k + 1;
  const a1 = new Float32Array(m * deep).fill(-0), b1 = new Float32Array(deep * n); // b1's extra row: +0
  for (let i = 0; i < m; i++) for (let p = 0; p < k; p++) a1[transA ? p * m + i : i * deep + p] = a[transA ? p * m + i : i * k + p];
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) b1[transB ? j * deep + p : p * n + j] = b[transB ? j * k + p : p * n + j];
  const shallow = Float32Array.from(before), general = Float32Array.from(before);
  wasm.matmul(a, b, shallow, m, n, k, transA, transB, accumulate, c.bias ? biasRow : null, c.relu);
  wasm.matmul(a1, b1, general, m, n, deep, transA, transB, accumulate, c.bias ? biasRow : null, c.relu);
  return { shallow, general };
}

describe("gemm.wat's one- and two-deep path", () => {
  it("gives the general loop's bits on random shapes, transposes and epilogues", () => {
    const rng = createRng(20);
    let cases = 0;
    for (const m of [3, 4, 5, 37, 1000]) {
      for (const n of [2, 7, 8, 9, 32, 64, 100]) {
        for (const k of [1, 2]) {
          if (m * n * k < 128) continue; // smaller products go to the JavaScript kernel
          const flags = rng.int(32);
          const c = thinCase(m, n, k, flags);
          const { shallow, general } = shallowBothWays(c, 5000 + cases);
          expect(firstBitDifference(shallow, general), JSON.stringify(c)).toBe(-1);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(40);
  });

  it("gives the general loop's bits for every epilogue and transpose on the first layer's forward shape", () => {
    for (let flags = 0; flags < 64; flags++) {
      const c = thinCase(1000, 67, 1 + (flags >> 5), flags);
      const { shallow, general } = shallowBothWays(c, 6000 + flags);
      expect(firstBitDifference(shallow, general), JSON.stringify(c)).toBe(-1);
    }
  });
});

describe("gemm.wat's one- and two-row path", () => {
  it("gives the general loop's bits on random shapes, transposes and epilogues", () => {
    const rng = createRng(19);
    let cases = 0;
    for (const m of [1, 2]) {
      for (const n of [3, 8, 17, 64, 600]) {
        for (const k of [1, 2, 64, 256, 257, 1000]) {
          if (m * n * k < 128) continue; // smaller products go to the JavaScript kernel
          const flags = rng.int(32);
          const c = thinCase(m, n, k, flags);
          const { rows, general } = rowsBothWays(c, 3000 + cases);
          expect(firstBitDifference(rows, general), JSON.stringify(c)).toBe(-1);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(40);
  });

  it("gives the general loop's bits for every epilogue and transpose on the first layer's weight gradient shape", () => {
    for (let flags = 0; flags < 32; flags++) {
      const c = thinCase(2, 67, 1000, flags);
      const { rows, general } = rowsBothWays(c, 4000 + flags);
      expect(firstBitDifference(rows, general), JSON.stringify(c)).toBe(-1);
    }
  });
});

describe("gemm.wat's one-column path", () => {
  it("gives the general loop's bits on random shapes, transposes and epilogues", () => {
    const rng = createRng(18);
    let cases = 0;
    for (const m of [4, 5, 7, 32, 33, 130, 258]) {
      for (const k of [1, 3, 32, 255, 256, 257, 700]) {
        if (m * k < 128) continue; // smaller products go to the JavaScript kernel
        const flags = rng.int(32);
        const c = thinCase(m, 1, k, flags);
        const { column, general } = bothWays(c, 1000 + cases);
        expect(firstBitDifference(column, general), JSON.stringify(c)).toBe(-1);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(30);
  });

  it("gives the general loop's bits for every epilogue and transpose on one deep ragged shape", () => {
    for (let flags = 0; flags < 32; flags++) {
      const c = thinCase(1003, 1, 600, flags);
      const { column, general } = bothWays(c, 2000 + flags);
      expect(firstBitDifference(column, general), JSON.stringify(c)).toBe(-1);
    }
  });

  it("computes the product itself (hand-worked 5×3 times 3×1 plus bias, then ReLU)", () => {
    // every row sums to a multiple of 1/4, exact in float32, so the result is known exactly
    const a = Float32Array.from([1, 2, 3, -1, -2, -3, 0.5, 0.25, 0, 4, 0, -4, 2, 2, 2]);
    const b = Float32Array.from([1, -1, 0.5]);
    const m = 5, k = 3;
    // 5·3·1 = 15 multiply-adds is below the wasm threshold: repeat the rows to 50 (150)
    const rows = 50, aa = new Float32Array(rows * k);
    for (let i = 0; i < rows; i++) aa.set(a.subarray((i % m) * k, (i % m) * k + k), i * k);
    const out = new Float32Array(rows);
    wasm.matmul(aa, b, out, rows, 1, k, false, false, false, Float32Array.from([0.5]), true);
    // rows: 1−2+1.5 = 0.5, −1+2−1.5 = −0.5, 0.5−0.25+0 = 0.25, 4−0−2 = 2, 2−2+1 = 1; +0.5, ReLU
    const expected = [1, 0, 0.75, 2.5, 1.5];
    for (let i = 0; i < rows; i++) expect(out[i]).toBe(expected[i % m]);
  });
});
