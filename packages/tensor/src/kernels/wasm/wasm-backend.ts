import type { Kernels } from "../kernels.js";
import { createWasmLayerOps } from "./wasm-layer-ops.js";
import { createWasmMatmul } from "./wasm-matmul.js";
import { type WasmRuntimeOptions, loadWasmRuntime } from "./wasm-runtime.js";

/**
 * The WebAssembly SIMD backend: every kernel it does not implement (and every float64 call) is
 * the given JavaScript kernel, so it always satisfies the whole `Kernels` contract. Returns null
 * where the engine lacks WebAssembly SIMD.
 */
export function createWasmKernels(fallback: Kernels, options: WasmRuntimeOptions = {}): Kernels | null {
  const runtime = loadWasmRuntime(options);
  if (runtime === null) return null;
  const layerOps = createWasmLayerOps(runtime, {
    relu: fallback.relu.bind(fallback),
    reluBackward: fallback.reluBackward.bind(fallback),
    addRow: fallback.addRow.bind(fallback),
    sumRowsInto: fallback.sumRowsInto.bind(fallback),
    axpy: fallback.axpy.bind(fallback),
  });
  return { ...fallback, name: "wasm", matmul: createWasmMatmul(runtime, fallback.matmul.bind(fallback)), ...layerOps };
}
