import { afterAll, describe, expect, it } from "vitest";
import { createRng, kernels, setBackend, setThreads, wasmKernels } from "../src/index.js";
import { nodeWorkers } from "../src/node/index.js";
import { firstBitDifference } from "./first-bit-difference.js";

/*
 * gemm.wat reads A stored [m, k] in place for every whole 4-row panel and packs only a ragged last
 * panel (and the whole of an A stored [k, m]). Whichever way the kernel reads A, each element of C
 * must come from the same float32 operations in the same order. Two independent checks:
 *  - a float32 model of that order, written here: per slab of KC = 256 steps a sum from +0 of
 *    a(i,p)·b(p,j), p ascending, product and sum each rounded; a later slab's sum plus the earlier
 *    total; then + C as it was, + bias, max(·, 0), each rounded (Math.fround of a double sum of two
 *    floats is the float32 sum: double holds more than 2·24 + 2 bits);
 *  - each row of C against the same row computed inside a 3-row product, which the general loop
 *    packs as one ragged panel (C's rows depend only on their own row of op(A)).
 * Row counts are a multiple of 4 plus a remainder, depths on both sides of KC; n ≥ 2, m ≥ 3 and
 * k ≥ 3 keep the products out of the one-column, one-row and shallow paths.
 */
if (wasmKernels === null) throw new Error("this engine has no WebAssembly SIMD: the in-place path cannot be tested");

const KC = 256;

/** Random float32 values in [-1, 1), with every ninth an exact ±0. */
function values(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = i % 9 === 4 ? (rng.next() < 0.5 ? -0 : 0) : rng.next() * 2 - 1;
  return out;
}

/** A product's shape, transposes and epilogue. */
type Product = Record<"m" | "n" | "k", number> & Record<"transA" | "transB" | "accumulate" | "bias" | "relu", boolean>;

interface Operands {
  a: Float32Array;
  b: Float32Array;
  before: Float32Array;
  biasRow: Float32Array;
}

function operands(p: Product, seed: number): Operands {
  return { a: values(p.m * p.k, seed), b: values(p.k * p.n, seed + 1), before: values(p.m * p.n, seed + 2), biasRow: values(p.n, seed + 3) };
}

function run(p: Product, o: Operands): Float32Array {
  const out = o.before.slice();
  kernels().matmul(o.a, o.b, out, p.m, p.n, p.k, p.transA, p.transB, p.accumulate, p.bias ? o.biasRow : null, p.relu);
  return out;
}

/** The float32 model of the kernel's order of operations (see the comment at the top). */
function model(p: Product, o: Operands): Float32Array {
  const { m, n, k, transA, transB } = p, f = Math.fround;
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let total = 0;
      for (let pc = 0; pc < k; pc += KC) {
        let sum = 0;
        for (let q = pc; q < Math.min(k, pc + KC); q++) {
          const x = o.a[transA ? q * m + i : i * k + q], y = o.b[transB ? j * k + q : q * n + j];
          sum = f(sum + f(x * y));
        }
        total = pc === 0 ? sum : f(sum + total);
      }
      if (p.accumulate) total = f(total + o.before[i * n + j]);
      if (p.bias) total = f(total + o.biasRow[j]);
      if (p.relu) total = Math.max(total, 0);
      out[i * n + j] = total;
    }
  }
  return out;
}

/** C row by row, each row computed as the first row of a 3-row product (packed: one ragged panel). */
function rowByRow(p: Product, o: Operands): Float32Array {
  const { m, n, k, transA } = p, rows = 3;
  const out = new Float32Array(m * n), a3 = new Float32Array(rows * k), before3 = new Float32Array(rows * n);
  for (let i = 0; i < m; i++) {
    // op(A3) row r = op(A) row i + r (wrapping), stored as A is
    for (let r = 0; r < rows; r++) {
      const src = (i + r) % m;
      for (let q = 0; q < k; q++) a3[transA ? q * rows + r : r * k + q] = o.a[transA ? q * m + src : src * k + q];
      before3.set(o.before.subarray(src * n, src * n + n), r * n);
    }
    const c3 = run({ ...p, m: rows }, { ...o, a: a3, before: before3 });
    out.set(c3.subarray(0, n), i * n);
  }
  return out;
}

const transposes = [[false, false], [true, false], [false, true], [true, true]] as const;

afterAll(async () => {
  await setThreads(1);
  setBackend("wasm");
});

describe("gemm.wat reading A in place", () => {
  setBackend("wasm");

  it("gives the bits of the float32 model and of the packed rows, every transpose and epilogue", () => {
    let cases = 0;
    for (const [m, n, k] of [[39, 17, 100], [13, 24, 300], [130, 9, 257], [8, 8, 256]] as const) {
      for (const [transA, transB] of transposes) {
        for (let flags = 0; flags < 8; flags++) {
          const p: Product = { m, n, k, transA, transB, accumulate: (flags & 1) !== 0, bias: (flags & 2) !== 0, relu: (flags & 4) !== 0 };
          const o = operands(p, 100 * cases);
          const c = run(p, o), where = JSON.stringify(p);
          expect(firstBitDifference(c, model(p, o)), where).toBe(-1);
          expect(firstBitDifference(c, rowByRow(p, o)), where).toBe(-1);
          cases++;
        }
      }
    }
    expect(cases).toBe(128);
  });

  it("computes a hand-worked product in place (5 rows: one whole panel and one ragged row)", () => {
    // A = [[1, 2, 3], [0, 1, 0], [-1, 0, 1], [2, 2, 2], [0.5, 0, -0.5]] repeated along k 10
    // times (k = 30), B = identity-like columns [1, 0, 0], [0, 0, 1] repeated: A·B sums 10
    // copies of (a0, a2): small integers and halves, exact in float32.
    const m = 5, n = 2, k = 30, rowsA = [[1, 2, 3], [0, 1, 0], [-1, 0, 1], [2, 2, 2], [0.5, 0, -0.5]];
    const a = new Float32Array(m * k), b = new Float32Array(k * n);
    for (let i = 0; i < m; i++) for (let q = 0; q < k; q++) a[i * k + q] = rowsA[i][q % 3];
    for (let q = 0; q < k; q++) {
      b[q * n] = q % 3 === 0 ? 1 : 0;
      b[q * n + 1] = q % 3 === 2 ? 1 : 0;
    }
    const out = new Float32Array(m * n);
    kernels().matmul(a, b, out, m, n, k, false, false);
    expect(Array.from(out)).toEqual([10, 30, 0, 0, -10, 10, 20, 20, 5, -5]);
  });

  it("gives the bits of one thread on two (each worker with its own pack buffers)", async () => {
    const shapes = [[1003, 37, 300], [130, 70, 600], [257, 24, 257]] as const;
    const one: Float32Array[] = [], cases: Array<[Product, Operands]> = [];
    for (const [m, n, k] of shapes) {
      for (const [transA, transB] of transposes) {
        const flags = cases.length % 8;
        const p: Product = { m, n, k, transA, transB, accumulate: (flags & 1) !== 0, bias: (flags & 2) !== 0, relu: (flags & 4) !== 0 };
        const o = operands(p, 7000 + cases.length);
        cases.push([p, o]);
        one.push(run(p, o));
      }
    }
    // the model once per shape, on the first transpose (the JavaScript loop is slow at these sizes)
    for (let s = 0; s < shapes.length; s++) {
      const [p, o] = cases[s * transposes.length];
      expect(firstBitDifference(one[s * transposes.length], model(p, o)), JSON.stringify(p)).toBe(-1);
    }
    await setThreads(2, { workers: nodeWorkers });
    for (let c = 0; c < cases.length; c++) {
      const [p, o] = cases[c];
      expect(firstBitDifference(run(p, o), one[c]), JSON.stringify(p)).toBe(-1);
    }
    await setThreads(1);
  });
});
