import { binaryJs, clipJs, unaryJs } from "./js-elementwise.js";
import { matmulJs } from "./js-matmul.js";
import { addColumnSumsJs, addScaledJs, addToRowsJs, positivePartJs, wherePositiveJs } from "./js-vector-ops.js";
import { argmaxJs, reduceJs } from "./js-reduce.js";
import { softmaxJs } from "./js-softmax.js";
import { transposeJs } from "./js-transpose.js";
import type { TypedArray } from "../dtype.js";
import type { Kernels } from "./kernels.js";
import { deprecatedKernelNames } from "./deprecated-kernel-names.js";
import { createRelaxedWasmKernels, createWasmBackend } from "./wasm/wasm-backend.js";
import type { BoundaryCrossings } from "./wasm/wasm-runtime.js";
import { type ThreadOptions, applyThreads } from "./threads/set-threads.js";

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
  positivePart: positivePartJs,
  wherePositive: wherePositiveJs,
  addToRows: addToRowsJs,
  addColumnSums: addColumnSumsJs,
  addScaled: addScaledJs,
  ...deprecatedKernelNames(),
};

/**
 * The WebAssembly SIMD kernels (float32 matmul in hand-written WAT, src/kernels/wasm/), sharing
 * every other kernel with `jsKernels`; null on an engine without WebAssembly SIMD.
 */
const wasmBackend = createWasmBackend(jsKernels);
export const wasmKernels: Kernels | null = wasmBackend?.kernels ?? null;

/**
 * Counts every copy `wasmKernels` makes across the JavaScript/WebAssembly boundary from now on
 * into the returned object (zeroed), until `stopCountingBoundaryCrossings()`. Tests and the bench
 * use it to report crossings per training step; null where there is no wasm backend.
 */
export function countBoundaryCrossings(): BoundaryCrossings | null {
  if (wasmBackend === null) return null;
  wasmBackend.runtime.crossings = { copiesIn: 0, floatsIn: 0, copiesOut: 0, floatsOut: 0 };
  return wasmBackend.runtime.crossings;
}

/**
 * A float32 array of `length` for a layer's working buffer (an activation or a gradient it keeps
 * between calls and never hands out): in the WebAssembly backend's memory when that backend is
 * active and its memory is shared, so kernels read and write it in place with no copy across the
 * boundary; otherwise an ordinary Float32Array. Its contents start unspecified. `previous`, the
 * array an earlier call returned for the same buffer, lends its bytes when they are enough.
 */
export function workingArray(length: number, previous?: TypedArray): Float32Array {
  if (wasmBackend !== null && (active === wasmBackend.kernels || (active === relaxed && relaxed !== null))) {
    const resident = wasmBackend.runtime.residentArray(length, previous);
    if (resident !== null) return resident;
  }
  return new Float32Array(length);
}

export function stopCountingBoundaryCrossings(): void {
  if (wasmBackend !== null) wasmBackend.runtime.crossings = null;
}

let relaxed: Kernels | null | undefined;

/**
 * The `wasm` kernels with relaxed SIMD's fused multiply-add (`f32x4.relaxed_madd`) in the matrix
 * product, or null where the engine lacks relaxed SIMD (on by default in current Chromium and
 * Node ≥ 22; Node 20 needs `node --experimental-wasm-relaxed-simd`). Opt-in only, with
 * `setBackend("wasm-relaxed")`: the engine may or may not fuse, so products (and everything
 * trained with them) may differ in the last bits by machine and engine. This is outside the
 * same-bits-everywhere guarantee of the other backends.
 */
export function relaxedSimdKernels(): Kernels | null {
  if (relaxed === undefined) relaxed = wasmBackend === null ? null : createRelaxedWasmKernels(wasmBackend.kernels, wasmBackend.runtime, jsKernels);
  return relaxed;
}

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
 * Choose the kernels by name: `"wasm"` (the default where the engine supports WebAssembly SIMD),
 * `"js"`, the pure-TypeScript reference, or `"wasm-relaxed"`, the opt-in fused multiply-add
 * product that gives up the same-bits guarantee (see `relaxedSimdKernels`).
 */
export function setBackend(name: "js" | "wasm" | "wasm-relaxed"): void {
  if (name === "js") {
    active = jsKernels;
  } else if (name === "wasm") {
    if (wasmKernels === null) throw new Error('setBackend: this engine has no WebAssembly SIMD, so only "js" is available');
    active = wasmKernels;
  } else if (name === "wasm-relaxed") {
    const kernels = relaxedSimdKernels();
    if (kernels === null) {
      throw new Error('setBackend: this engine has no relaxed SIMD, so "wasm-relaxed" is unavailable (Node 20: run node --experimental-wasm-relaxed-simd; Node ≥ 22 and current Chromium have it)');
    }
    active = kernels;
  } else {
    throw new RangeError(`setBackend: backend must be "js" or "wasm", got ${JSON.stringify(name)} (or the opt-in "wasm-relaxed")`);
  }
}

/**
 * Opt-in threads for the wasm backend's large float32 products: `count` threads (the calling one
 * included) share each product above about half a million multiply-adds, with the same bits as one
 * thread. 1 (the default) turns the pool off. Throws at once for a count that is not a whole
 * number from 1 to the machine's threads, or where workers cannot share the kernels' memory (no
 * shared WebAssembly.Memory: a browser page that is not cross-origin isolated), or on a browser's
 * main thread (which may not block). The returned Promise settles when every worker has started
 * (products before that run on the threads already up) and, when the count changes, the old
 * workers have exited. Node: `setThreads(2, { workers: nodeWorkers })`
 * with `nodeWorkers` from "@nn/tensor/node".
 */
export function setThreads(count: number, options?: ThreadOptions): Promise<void> {
  return applyThreads(wasmBackend?.runtime ?? null, count, options);
}

/** The threads `setThreads` asked for (1 when the pool is off). */
export function threadCount(): number {
  return wasmBackend?.runtime.threads?.threads ?? 1;
}
