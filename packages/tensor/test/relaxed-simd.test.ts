import { describe, expect, it } from "vitest";
import { createRng, kernels, relaxedSimdKernels, setBackend, wasmKernels } from "../src/index.js";

// The opt-in relaxed-SIMD product. Node 20 has relaxed SIMD only with
// --experimental-wasm-relaxed-simd, so without the flag the feature test must say "no" and
// setBackend must say how to get it; with it (or on Node ≥ 22), the product must still be within
// the float32 error bound of every summation order (Higham §3.1), fused or not.

const relaxed = relaxedSimdKernels();

describe("relaxed SIMD (opt-in, outside the same-bits guarantee)", () => {
  it("is feature-tested: null exactly where WebAssembly.validate refuses relaxed_madd", () => {
    // (module (func (param v128 v128 v128) (result v128) local.get 0 local.get 1 local.get 2 f32x4.relaxed_madd))
    const probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11]);
    expect(relaxed !== null).toBe(wasmKernels !== null && WebAssembly.validate(probe));
  });

  it.skipIf(relaxed !== null)("setBackend('wasm-relaxed') names the flag where it is missing", () => {
    expect(() => setBackend("wasm-relaxed")).toThrow(/--experimental-wasm-relaxed-simd/);
  });

  it.skipIf(relaxed === null)("computes products within the float32 error bound, with the epilogue", () => {
    const previous = kernels();
    setBackend("wasm-relaxed");
    try {
      const m = 37, n = 45, k = 600, rng = createRng(3);
      const a = Float32Array.from({ length: m * k }, () => rng.next() * 2 - 1), b = Float32Array.from({ length: k * n }, () => rng.next() * 2 - 1);
      const bias = Float32Array.from({ length: n }, (_, j) => j / 10);
      const out = new Float32Array(m * n);
      kernels().matmul(a, b, out, m, n, k, false, false, false, bias, true);
      const gamma = (k * 2 ** -24) / (1 - k * 2 ** -24);
      let worst = 0;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let exact = 0, size = 0;
          for (let p = 0; p < k; p++) {
            exact += a[i * k + p] * b[p * n + j];
            size += Math.abs(a[i * k + p] * b[p * n + j]);
          }
          // + bias and max(·, 0) add one more rounding and cannot increase the distance
          const expected = Math.max(exact + bias[j], 0);
          worst = Math.max(worst, Math.abs(out[i * n + j] - expected) - gamma * size - 2 ** -23 * Math.abs(expected));
        }
      }
      expect(worst <= 0).toBe(true);
    } finally {
      setBackend(previous.name === "js" ? "js" : "wasm");
    }
  });
});
