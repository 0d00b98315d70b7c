import type { TypedArray } from "../../dtype.js";
import type { Kernels } from "../kernels.js";
import { align16 } from "./arena-layout.js";
import type { WasmRuntime } from "./wasm-runtime.js";

export type VectorOps = Pick<Kernels, "positivePart" | "wherePositive" | "addToRows" | "addColumnSums" | "addScaled">;

/**
 * Below this many floats a call into wasm (copies included) stops paying for itself; the
 * JavaScript loop is then as fast. Measured with bench/src (W1 mini-batch 32); the
 * crossover is blurry and low.
 */
const MIN_WASM_FLOATS = 64;

/**
 * vector-ops.wat behind the `Kernels` signatures. Each call copies its operands into the arena
 * with the result first (at the arena's start, so it is copied out through a cached view), runs
 * one SIMD pass, and copies the result out; operands and results that live in the memory
 * (`residentArray`) are used in place instead. float64, tiny arrays, and arrays too large for the engine's
 * memory limit go to the JavaScript kernels.
 */
export function createWasmVectorOps(runtime: WasmRuntime, fallback: VectorOps): VectorOps {
  const ops = runtime.vectorOps;
  // Fixed arity (no rest array): these run several times per training step.
  const small = (n: number, a: TypedArray, b: TypedArray, c: TypedArray = a): boolean =>
    n < MIN_WASM_FLOATS || !(a instanceof Float32Array) || !(b instanceof Float32Array) || !(c instanceof Float32Array);
  return {
    positivePart(x, y) {
      const n = y.length;
      if (small(n, x, y)) return fallback.positivePart(x, y);
      const heap = runtime.f32(n * 4);
      if (heap === null) return fallback.positivePart(x, y);
      const out = runtime.target(y);
      ops.positive_part_f32(runtime.place(x, 0), out, n);
      runtime.deliver(y);
    },
    wherePositive(x, a, out) {
      const n = out.length;
      if (small(n, x, a, out)) return fallback.wherePositive(x, a, out);
      const xAt = align16(n * 4);
      const heap = runtime.f32(xAt + n * 4);
      if (heap === null) return fallback.wherePositive(x, a, out);
      const aPtr = runtime.place(a, 0), xPtr = runtime.place(x, xAt);
      ops.where_positive_f32(xPtr, aPtr, runtime.target(out), n);
      runtime.deliver(out);
    },
    addToRows(y, row, rows, cols) {
      const n = rows * cols;
      if (small(n, y, row)) return fallback.addToRows(y, row, rows, cols);
      const bAt = align16(n * 4);
      const heap = runtime.f32(bAt + cols * 4);
      if (heap === null) return fallback.addToRows(y, row, rows, cols);
      const yPtr = runtime.place(y, 0);
      ops.add_to_rows_f32(yPtr, runtime.place(row, bAt), rows, cols);
      runtime.deliver(y);
    },
    addColumnSums(y, out, rows, cols) {
      const n = rows * cols;
      if (small(n, y, out)) return fallback.addColumnSums(y, out, rows, cols);
      const yAt = align16(cols * 4);
      const heap = runtime.f32(yAt + n * 4);
      if (heap === null) return fallback.addColumnSums(y, out, rows, cols);
      const outPtr = runtime.place(out, 0);
      ops.add_column_sums_f32(runtime.place(y, yAt), outPtr, rows, cols);
      runtime.deliver(out);
    },
    addScaled(alpha, x, y) {
      const n = y.length;
      if (small(n, x, y)) return fallback.addScaled(alpha, x, y);
      const xAt = align16(n * 4);
      const heap = runtime.f32(xAt + n * 4);
      if (heap === null) return fallback.addScaled(alpha, x, y);
      const yPtr = runtime.place(y, 0);
      ops.add_scaled_f32(yPtr, runtime.place(x, xAt), alpha, n);
      runtime.deliver(y);
    },
  };
}
