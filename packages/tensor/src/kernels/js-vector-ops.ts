import type { TypedArray } from "../dtype.js";

// Reference loops for the element-wise passes of the `Kernels` interface. Each is one pass in
// plain TypeScript; the wasm backend replaces them with SIMD for float32
// (src/kernels/wasm/vector-ops.wat).

export function positivePartJs(x: TypedArray, y: TypedArray): void {
  for (let i = 0; i < y.length; i++) y[i] = Math.max(x[i], 0);
}

export function wherePositiveJs(x: TypedArray, a: TypedArray, out: TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = x[i] > 0 ? a[i] : 0;
}

export function addToRowsJs(y: TypedArray, row: TypedArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const at = r * cols;
    for (let j = 0; j < cols; j++) y[at + j] += row[j];
  }
}

export function addColumnSumsJs(y: TypedArray, out: TypedArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const at = r * cols;
    for (let j = 0; j < cols; j++) out[j] += y[at + j];
  }
}

export function addScaledJs(alpha: number, x: TypedArray, y: TypedArray): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}
