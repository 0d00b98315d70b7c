import { binaryJs, clipJs, unaryJs } from "./js-elementwise.js";
import { matmulJs } from "./js-matmul.js";
import { addRowJs, axpyJs, reluBackwardJs, reluJs, sumRowsIntoJs } from "./js-layer-ops.js";
import { argmaxJs, reduceJs } from "./js-reduce.js";
import { softmaxJs } from "./js-softmax.js";
import { transposeJs } from "./js-transpose.js";
import type { Kernels } from "./kernels.js";
import { createWasmKernels } from "./wasm/wasm-backend.js";

/** The pure-TypeScript kernels: the readable reference every other backend is tested against. */
export const jsKernels: Kernels = {
  name: "js",
  matmul: matmulJs,
  binary: binaryJs,
  unary: unaryJs,
  clip: clipJs,
  reduce: reduceJs,
  argmax: argmaxJs,
  softmax: softmaxJs,
  transpose: transposeJs,
  relu: reluJs,
  reluBackward: reluBackwardJs,
  addRow: addRowJs,
  sumRowsInto: sumRowsIntoJs,
  axpy: axpyJs,
};

/**
 * The WebAssembly SIMD kernels (float32 matmul in hand-written WAT, src/kernels/wasm/), sharing
 * every other kernel with `jsKernels`; null on an engine without WebAssembly SIMD.
 */
export const wasmKernels: Kernels | null = createWasmKernels(jsKernels);

/** WebAssembly SIMD where the engine has it; the plain TypeScript kernels everywhere else. */
let active: Kernels = wasmKernels ?? jsKernels;

/** The kernels every op currently uses. */
export function kernels(): Kernels {
  return active;
}

/** Switch the kernels used by every op (tests run the whole suite once per backend). */
export function setKernels(next: Kernels): void {
  active = next;
}

/**
 * Choose the kernels by name: `"wasm"` (the default where the engine supports WebAssembly SIMD)
 * or `"js"`, the pure-TypeScript reference.
 */
export function setBackend(name: "js" | "wasm"): void {
  if (name === "js") {
    active = jsKernels;
  } else if (name === "wasm") {
    if (wasmKernels === null) throw new Error('setBackend: this engine has no WebAssembly SIMD, so only "js" is available');
    active = wasmKernels;
  } else {
    throw new RangeError(`setBackend: backend must be "js" or "wasm", got ${JSON.stringify(name)}`);
  }
}
