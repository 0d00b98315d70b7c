import type { TypedArray } from "../dtype.js";

export type BinaryOp = "add" | "sub" | "mul" | "div";
export type UnaryOp = "neg" | "exp" | "log" | "sqrt" | "abs";
/** `mean` and `logSumExp` are reductions too: each reads a whole axis and writes one value. */
export type ReduceOp = "sum" | "mean" | "max" | "min" | "logSumExp";

/**
 * The one interface between the ops and the arithmetic. Ops check shapes and dtypes, then call a
 * kernel on raw arrays; a backend (plain TypeScript, WebAssembly SIMD) implements the kernels.
 *
 * Contract for every kernel:
 * - all arrays passed to one call have the same dtype (the ops promote mixed dtypes first);
 * - the kernel writes into `out` and allocates nothing per call (scratch grown once is fine);
 * - sizes are already validated, and sizes of zero are never passed (the ops skip them).
 *
 * Reductions, argmax and softmax see their input as a 3-D block [outer, n, inner] and work along
 * the middle axis: element (o, p, i) is at `a[(o * n + p) * inner + i]`, result (o, i) at
 * `out[o * inner + i]`.
 */
export interface Kernels {
  readonly name: string;

  /**
   * out[m×n] = op(A)·op(B), op(A) of shape [m, k], op(B) of shape [k, n], then the epilogue:
   *
   *     out = relu?( (accumulate ? out : 0) + op(A)·op(B) + bias? )
   *
   * A is stored [m, k] (or [k, m] when transA), B is stored [k, n] (or [n, k] when transB).
   * `accumulate` is BLAS's β = 1 (C += A·B); `bias` (length n, or null) is added to every row;
   * `relu` takes max(·, 0) last (NaN kept). Each step is rounded as if done by its own pass after
   * the full product: the result has the same bits as the product into a fresh array followed by
   * `addScaled(1, product, out)`, `addToRows` and `positivePart`. `out` must not alias `a`, `b`
   * or `bias`.
   */
  matmul(
    a: TypedArray, b: TypedArray, out: TypedArray, m: number, n: number, k: number, transA: boolean, transB: boolean,
    accumulate?: boolean, bias?: TypedArray | null, relu?: boolean,
  ): void;

  /**
   * Broadcasting element-wise `out = a op b` over the row-major result `shape` (rank ≥ 1).
   * `aStrides`/`bStrides` give each operand's step in elements along each result axis; a
   * broadcast axis has stride 0. `out` may be the same array as `a` or `b` when that operand is
   * not broadcast (its strides are the row-major strides of `shape`).
   */
  binary(op: BinaryOp, a: TypedArray, aStrides: readonly number[], b: TypedArray, bStrides: readonly number[], out: TypedArray, shape: readonly number[]): void;

  /** out[i] = f(a[i]) for i < out.length; `out` may be `a`. */
  unary(op: UnaryOp, a: TypedArray, out: TypedArray): void;

  /** out[i] = min(max(a[i], lo), hi) for i < out.length, NaN kept; `out` may be `a`. */
  clip(a: TypedArray, lo: number, hi: number, out: TypedArray): void;

  /**
   * Reduces the middle axis of [outer, n, inner] into out[outer × inner]. Sums accumulate in
   * float64. `n` ≥ 1. `out` may be `a` only when n = 1.
   */
  reduce(op: ReduceOp, a: TypedArray, out: TypedArray, outer: number, n: number, inner: number): void;

  /**
   * Index of the first maximum along the middle axis (the first NaN wins, as in NumPy). n ≥ 1.
   * The one exception to the same-dtype rule: `out` is always a Float64Array.
   */
  argmax(a: TypedArray, out: Float64Array, outer: number, n: number, inner: number): void;

  /** Softmax (or log-softmax when `log`) along the middle axis, shifted by the max; `out` may be `a`. */
  softmax(a: TypedArray, out: TypedArray, outer: number, n: number, inner: number, log: boolean): void;

  /** out[cols×rows] = aᵀ for a stored [rows, cols]; `out` must not alias `a`. */
  transpose(a: TypedArray, out: TypedArray, rows: number, cols: number): void;

  // Element-wise passes on raw arrays (layers call them directly; every array is exactly as long
  // as the pass, and the usual same-dtype rule holds).

  /** y[i] = max(x[i], 0), the positive part, NaN kept (as PyTorch's relu); `y` may be `x`. */
  positivePart(x: TypedArray, y: TypedArray): void;

  /** out[i] = x[i] > 0 ? a[i] : 0 (so 0 where x is NaN): NumPy's where(x > 0, a, 0); `out` may be `a`. */
  wherePositive(x: TypedArray, a: TypedArray, out: TypedArray): void;

  /** y[r, j] += row[j] for y stored [rows, cols]: one vector added to every row (a bias). */
  addToRows(y: TypedArray, row: TypedArray, rows: number, cols: number): void;

  /** out[j] += Σ_r y[r, j] for y stored [rows, cols], rows added in order (a bias gradient). */
  addColumnSums(y: TypedArray, out: TypedArray, rows: number, cols: number): void;

  /** y[i] += alpha·x[i] (BLAS's axpy: gradient accumulation, the SGD update); `x` must not alias `y`. */
  addScaled(alpha: number, x: TypedArray, y: TypedArray): void;

  /** @deprecated Renamed `positivePart` (named for what it computes, not for the layer that calls it). */
  relu(x: TypedArray, y: TypedArray): void;
  /** @deprecated Renamed `wherePositive(x, dy, dx)`. */
  reluBackward(x: TypedArray, dy: TypedArray, dx: TypedArray): void;
  /** @deprecated Renamed `addToRows`. */
  addRow(y: TypedArray, bias: TypedArray, rows: number, cols: number): void;
  /** @deprecated Renamed `addColumnSums`. */
  sumRowsInto(y: TypedArray, out: TypedArray, rows: number, cols: number): void;
  /** @deprecated Renamed `addScaled`. */
  axpy(alpha: number, x: TypedArray, y: TypedArray): void;
}
