import type { Kernels } from "../kernels.js";
import { createWasmMatmul } from "./wasm-matmul.js";
import { loadWasmRuntime } from "./wasm-runtime.js";

/**
 * The WebAssembly SIMD backend: every kernel it does not implement (and every float64 call) is
 * the given JavaScript kernel, so it always satisfies the whole `Kernels` contract. Returns null
 * where the engine lacks WebAssembly SIMD.
 */
export function createWasmKernels(fallback: Kernels): Kernels | null {
  const runtime = loadWasmRuntime();
  if (runtime === null) return null;
  return { ...fallback, name: "wasm", matmul: createWasmMatmul(runtime, fallback.matmul.bind(fallback)) };
}
