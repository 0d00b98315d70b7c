import type { Kernels } from "../kernels.js";
import { createWasmVectorOps } from "./wasm-vector-ops.js";
import { createWasmMatmul } from "./wasm-matmul.js";
import { type WasmRuntime, type WasmRuntimeOptions, loadWasmRuntime } from "./wasm-runtime.js";

/**
 * The WebAssembly SIMD backend: every kernel it does not implement (and every float64 call) is
 * the given JavaScript kernel, so it always satisfies the whole `Kernels` contract. Returns null
 * where the engine lacks WebAssembly SIMD.
 */
export function createWasmKernels(fallback: Kernels, options: WasmRuntimeOptions = {}): Kernels | null {
  return createWasmBackend(fallback, options)?.kernels ?? null;
}

/** The wasm kernels with the runtime behind them (whose boundary copies can be counted). */
export function createWasmBackend(fallback: Kernels, options: WasmRuntimeOptions = {}): { kernels: Kernels; runtime: WasmRuntime } | null {
  const runtime = loadWasmRuntime(options);
  if (runtime === null) return null;
  const vectorOps = createWasmVectorOps(runtime, {
    positivePart: fallback.positivePart.bind(fallback),
    wherePositive: fallback.wherePositive.bind(fallback),
    addToRows: fallback.addToRows.bind(fallback),
    addColumnSums: fallback.addColumnSums.bind(fallback),
    addScaled: fallback.addScaled.bind(fallback),
  });
  const kernels: Kernels = { ...fallback, name: "wasm", matmul: createWasmMatmul(runtime, fallback.matmul.bind(fallback)), ...vectorOps };
  return { kernels, runtime };
}

/**
 * `wasm` with relaxed SIMD's fused multiply-add in the product's micro-kernel (the opt-in
 * "wasm-relaxed" backend), on the same memory; null where the engine lacks relaxed SIMD.
 */
export function createRelaxedWasmKernels(wasm: Kernels, runtime: WasmRuntime, fallback: Kernels): Kernels | null {
  const gemm = runtime.relaxedGemm();
  if (gemm === null) return null;
  return { ...wasm, name: "wasm-relaxed", matmul: createWasmMatmul(runtime, fallback.matmul.bind(fallback), gemm) };
}
