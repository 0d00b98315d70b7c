import type { TypedArray } from "../dtype.js";

// Reference loops for the element-wise passes of a dense layer's training step (see the
// `Kernels` interface). Each is one pass in plain TypeScript; the wasm backend replaces them
// with SIMD for float32 (src/kernels/wasm/layer-ops.wat).

export function reluJs(x: TypedArray, y: TypedArray): void {
  for (let i = 0; i < y.length; i++) y[i] = Math.max(x[i], 0);
}

export function reluBackwardJs(x: TypedArray, dy: TypedArray, dx: TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
}

export function addRowJs(y: TypedArray, bias: TypedArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let j = 0; j < cols; j++) y[row + j] += bias[j];
  }
}

export function sumRowsIntoJs(y: TypedArray, out: TypedArray, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let j = 0; j < cols; j++) out[j] += y[row + j];
  }
}

export function axpyJs(alpha: number, x: TypedArray, y: TypedArray): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}
