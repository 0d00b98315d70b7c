import { afterEach, describe, expect, it } from "vitest";
import { jsKernels, kernels, matmul, setBackend, setKernels, tensor, wasmKernels } from "../src/index.js";

describe("backend selection", () => {
  const initial = kernels();
  afterEach(() => setKernels(initial));

  it("picks the WebAssembly SIMD kernels by default where the engine has them", () => {
    expect(wasmKernels).not.toBeNull();
    expect(initial).toBe(wasmKernels);
  });

  it("can be forced to the JavaScript reference and back by name", () => {
    setBackend("js");
    expect(kernels()).toBe(jsKernels);
    setBackend("wasm");
    expect(kernels()).toBe(wasmKernels);
  });

  it("refuses an unknown backend name, naming what is allowed", () => {
    expect(() => setBackend("gpu" as "js")).toThrow(/backend must be "js" or "wasm", got "gpu"/);
  });

  it("gives the same float32 product through either backend (to float32 rounding)", () => {
    // 16×16·16×16 of small integers: every partial sum is an integer below 2²⁴, so exact in
    // float32 whatever the summation order, and both backends must agree bit for bit.
    const values = Array.from({ length: 16 }, (_, i) => Array.from({ length: 16 }, (_, j) => ((i * 7 + j * 3) % 11) - 5));
    const a = tensor(values), b = tensor(values.map((row) => row.map((v) => -v)));
    setBackend("js");
    const viaJs = matmul(a, b, { transposeB: true }).toArray();
    setBackend("wasm");
    const viaWasm = matmul(a, b, { transposeB: true }).toArray();
    expect(viaWasm).toEqual(viaJs);
  });
});
