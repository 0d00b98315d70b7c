import type { TypedArray } from "../../dtype.js";
import type { Kernels } from "../kernels.js";
import { align16, floatIndex } from "./arena-layout.js";
import type { WasmRuntime } from "./wasm-runtime.js";

type LayerOps = Pick<Kernels, "relu" | "reluBackward" | "addRow" | "sumRowsInto" | "axpy">;

/**
 * Below this many floats a call into wasm (copies included) stops paying for itself; the
 * JavaScript loop is then as fast. Measured with bench/src (W1 mini-batch 32); the
 * crossover is blurry and low.
 */
const MIN_WASM_FLOATS = 64;

/**
 * layer-ops.wat behind the `Kernels` signatures. Each call copies its operands into the arena
 * with the result first (at byte 0, so it is copied out through a cached view), runs one SIMD
 * pass, and copies the result out. float64, tiny arrays, and arrays too large for the engine's
 * memory limit go to the JavaScript kernels.
 */
export function createWasmLayerOps(runtime: WasmRuntime, fallback: LayerOps): LayerOps {
  const ops = runtime.layerOps;
  const small = (n: number, ...arrays: TypedArray[]): boolean => {
    if (n < MIN_WASM_FLOATS) return true;
    for (const a of arrays) if (!(a instanceof Float32Array)) return true;
    return false;
  };
  return {
    relu(x, y) {
      const n = y.length;
      if (small(n, x, y)) return fallback.relu(x, y);
      const heap = runtime.f32(n * 4);
      if (heap === null) return fallback.relu(x, y);
      heap.set(x, 0);
      ops.relu_f32(0, 0, n);
      y.set(runtime.head(n));
    },
    reluBackward(x, dy, dx) {
      const n = dx.length;
      if (small(n, x, dy, dx)) return fallback.reluBackward(x, dy, dx);
      const xAt = align16(n * 4);
      const heap = runtime.f32(xAt + n * 4);
      if (heap === null) return fallback.reluBackward(x, dy, dx);
      heap.set(dy, 0);
      heap.set(x, floatIndex(xAt));
      ops.relu_grad_f32(xAt, 0, 0, n);
      dx.set(runtime.head(n));
    },
    addRow(y, bias, rows, cols) {
      const n = rows * cols;
      if (small(n, y, bias)) return fallback.addRow(y, bias, rows, cols);
      const bAt = align16(n * 4);
      const heap = runtime.f32(bAt + cols * 4);
      if (heap === null) return fallback.addRow(y, bias, rows, cols);
      heap.set(y, 0);
      heap.set(bias, floatIndex(bAt));
      ops.add_row_f32(0, bAt, rows, cols);
      y.set(runtime.head(n));
    },
    sumRowsInto(y, out, rows, cols) {
      const n = rows * cols;
      if (small(n, y, out)) return fallback.sumRowsInto(y, out, rows, cols);
      const yAt = align16(cols * 4);
      const heap = runtime.f32(yAt + n * 4);
      if (heap === null) return fallback.sumRowsInto(y, out, rows, cols);
      heap.set(out, 0);
      heap.set(y, floatIndex(yAt));
      ops.sum_rows_f32(yAt, 0, rows, cols);
      out.set(runtime.head(cols));
    },
    axpy(alpha, x, y) {
      const n = y.length;
      if (small(n, x, y)) return fallback.axpy(alpha, x, y);
      const xAt = align16(n * 4);
      const heap = runtime.f32(xAt + n * 4);
      if (heap === null) return fallback.axpy(alpha, x, y);
      heap.set(y, 0);
      heap.set(x, floatIndex(xAt));
      ops.axpy_f32(0, xAt, alpha, n);
      y.set(runtime.head(n));
    },
  };
}
