import { describe, expect, it } from "vitest";
import { createRng, jsKernels } from "../src/index.js";
import { createWasmKernels } from "../src/kernels/wasm/wasm-backend.js";

const wasm = createWasmKernels(jsKernels);

function randomF32(length: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.next() * 2 - 1;
  return out;
}

/**
 * Checks out = op(A)·op(B) element by element against a float64 dot product. A float32 dot
 * product of k terms, summed in any order, is within γ_k·Σ|a_p·b_p| of the exact value, where
 * γ_k = k·u/(1 − k·u) and u = 2⁻²⁴ (Higham, Accuracy and Stability of Numerical Algorithms,
 * §3.1); the inputs are float32 already, so that bound is all the error there may be.
 */
function expectProduct(a: Float32Array, b: Float32Array, out: Float32Array, m: number, n: number, k: number, transA: boolean, transB: boolean): void {
  const u = 2 ** -24;
  const gamma = (k * u) / (1 - k * u);
  let worst = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let exact = 0, magnitude = 0;
      for (let p = 0; p < k; p++) {
        const x = transA ? a[p * m + i] : a[i * k + p];
        const y = transB ? b[j * k + p] : b[p * n + j];
        exact += x * y;
        magnitude += Math.abs(x * y);
      }
      const excess = Math.abs(out[i * n + j] - exact) - gamma * magnitude;
      if (excess > worst) worst = excess;
    }
  }
  expect(worst).toBe(0);
}

describe("WebAssembly SIMD matmul (gemm.wat)", () => {
  it("is available on this engine (Node ≥ 16 has WebAssembly SIMD)", () => {
    expect(wasm).not.toBeNull();
    expect(wasm?.name).toBe("wasm");
  });

  // Shapes chosen to hit every edge of the blocking: below one 4×8 tile, ragged right and
  // bottom edges, several KC = 256 slices (k = 600), more than one MC = 128 row block (m = 130)
  // and more than one NC = 512 column block (n = 520), plus the three products of backprop.
  const shapes: Array<[number, number, number]> = [
    [1, 1, 2048], [3, 5, 200], [4, 8, 64], [2, 3, 32], [5, 1, 40], [32, 32, 1], [13, 17, 300], [33, 9, 257], [130, 520, 600], [64, 24, 128],
  ];
  for (const [m, n, k] of shapes) {
    for (const [transA, transB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      it(`computes [${m}×${k}]·[${k}×${n}] with transA=${transA}, transB=${transB}`, () => {
        const a = randomF32(m * k, m * 7 + k);
        const b = randomF32(k * n, n * 13 + k);
        const out = new Float32Array(m * n).fill(Number.NaN); // stale contents must be overwritten
        wasm?.matmul(a, b, out, m, n, k, transA, transB);
        expectProduct(a, b, out, m, n, k, transA, transB);
      });
    }
  }

  it("leaves memory outside `out` alone and gives the same answer when called again", () => {
    const m = 37, n = 29, k = 300;
    const a = randomF32(m * k, 1), b = randomF32(k * n, 2);
    const out = new Float32Array(m * n + 2).fill(7).subarray(1, 1 + m * n);
    wasm?.matmul(a, b, out, m, n, k, false, true);
    const first = out.slice();
    // a bigger call in between grows the memory; the small one must not see stale state
    const big = 300;
    wasm?.matmul(randomF32(big * big, 3), randomF32(big * big, 4), new Float32Array(big * big), big, big, big, false, false);
    wasm?.matmul(a, b, out, m, n, k, false, true);
    expect(out).toEqual(first);
    expect(new Float32Array(out.buffer)[0]).toBe(7);
    expect(new Float32Array(out.buffer)[m * n + 1]).toBe(7);
  });

  it("passes float64 operands to the exact JavaScript kernel", () => {
    const size = 40;
    const a = Float64Array.from(randomF32(size * size, 5)), b = Float64Array.from(randomF32(size * size, 6));
    const viaWasm = new Float64Array(size * size), viaJs = new Float64Array(size * size);
    wasm?.matmul(a, b, viaWasm, size, size, size, true, false);
    jsKernels.matmul(a, b, viaJs, size, size, size, true, false);
    expect(viaWasm).toEqual(viaJs);
  });
});

describe("WebAssembly kernels at the engine's memory limit", () => {
  // An arena capped at 17 pages (1088 KiB, 16 to start): small calls use wasm, a call that
  // needs more falls back to the JavaScript kernels instead of throwing.
  const capped = createWasmKernels(jsKernels, { maximumPages: 17 });

  it("computes a product too large for the arena with the JavaScript kernel", () => {
    const size = 300; // A, B and C alone take 3 × 352 KiB
    const a = randomF32(size * size, 8), b = randomF32(size * size, 9);
    const viaCapped = new Float32Array(size * size), viaJs = new Float32Array(size * size);
    capped?.matmul(a, b, viaCapped, size, size, size, false, false);
    jsKernels.matmul(a, b, viaJs, size, size, size, false, false);
    expect(viaCapped).toEqual(viaJs);
  });

  it("runs the element-wise passes on arrays too large for the arena", () => {
    const n = 300_000;
    const x = randomF32(n, 10), y = new Float32Array(n);
    capped?.relu(x, y);
    expect(y).toEqual(x.map((v) => Math.max(v, 0)));
  });
});
