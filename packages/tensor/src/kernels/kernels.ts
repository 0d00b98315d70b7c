import type { TypedArray } from "../dtype.js";

/**
 * The one interface between the ops and the arithmetic. Ops check shapes and dtypes, then call a
 * kernel on raw arrays; a backend (plain TypeScript, WebAssembly SIMD) implements the kernels.
 * Every kernel writes into `out` and allocates nothing.
 */
export interface Kernels {
  readonly name: string;
  /**
   * out[m×n] = op(A)·op(B), op(A) of shape [m, k], op(B) of shape [k, n].
   * A is stored [m, k] (or [k, m] when transA), B is stored [k, n] (or [n, k] when transB).
   * `out` must not alias `a` or `b`. All three arrays have the same dtype.
   */
  matmul(a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean): void;
}
