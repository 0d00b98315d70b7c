import { checkOptions } from "../check-options.js";
import { promoteTypes } from "../dtype.js";
import { ShapeError, formatShape } from "../errors.js";
import { kernels } from "../kernels/backend.js";
import type { Tensor } from "../tensor.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

export interface MatmulOptions {
  /** Use Aᵀ without materialising it (A stored [k, m]). */
  transposeA?: boolean;
  /** Use Bᵀ without materialising it (B stored [n, k]). */
  transposeB?: boolean;
  /** Written in place of a fresh result; must not share memory with `a`, `b` or `bias`. */
  out?: Tensor;
  /**
   * Add the product into `out` instead of overwriting it (C += A·B, BLAS's β = 1): how a layer
   * accumulates a weight gradient with no scratch. Requires `out`. The same bits as computing the
   * product into a fresh tensor and adding it to `out`.
   */
  accumulate?: boolean;
  /** A row [n] added to every row of the result after the product (a dense layer's bias). */
  bias?: Tensor;
  /** max(·, 0) applied last (NaN kept): a dense layer followed by ReLU in one kernel call. */
  relu?: boolean;
}

const MATMUL_OPTIONS: readonly string[] = ["transposeA", "transposeB", "out", "accumulate", "bias", "relu"];

/** [m, n] of the call in progress, filled in rather than allocated per product (a Tensor copies its shape). */
const resultShape = [0, 0];

/**
 * 2-D matrix product op(A)·op(B), optionally added into `out` and followed by a bias row and
 * ReLU, all in one kernel call: relu?((accumulate ? out : 0) + op(A)·op(B) + bias?). The three
 * products of backprop are x·W (+ b), xᵀ·dy (`transposeA`, accumulated into a gradient) and
 * dy·Wᵀ (`transposeB`). docs/math_derivations.md §11.2. Mixed dtypes compute in float64. Each
 * epilogue step rounds as its own op would, so the result has the same bits as `matmul`, `add`
 * and a ReLU done one after the other.
 */
export function matmul(aIn: Tensor, bIn: Tensor, options: MatmulOptions = {}): Tensor {
  const a = checkTensor("matmul", "a", aIn), b = checkTensor("matmul", "b", bIn);
  const { transposeA = false, transposeB = false, out, accumulate = false, bias: biasIn, relu = false } = checkOptions("matmul", options, MATMUL_OPTIONS);
  if (accumulate && out === undefined) throw new TypeError("matmul: accumulate adds into out, so out is required");
  if (a.rank !== 2 || b.rank !== 2) {
    throw new ShapeError(`matmul: both operands must be 2-D, got ${formatShape(a.shape)} · ${formatShape(b.shape)}`);
  }
  const m = transposeA ? a.shape[1] : a.shape[0];
  const ka = transposeA ? a.shape[0] : a.shape[1];
  const kb = transposeB ? b.shape[1] : b.shape[0];
  const n = transposeB ? b.shape[0] : b.shape[1];
  if (ka !== kb) {
    const ta = transposeA ? "ᵀ" : "", tb = transposeB ? "ᵀ" : "";
    throw new ShapeError(`matmul: inner dimensions differ: ${formatShape(a.shape)}${ta} · ${formatShape(b.shape)}${tb}`);
  }
  const bias = biasIn === undefined ? undefined : checkTensor("matmul", "bias", biasIn);
  if (bias !== undefined && (bias.rank !== 1 || bias.shape[0] !== n)) {
    throw new ShapeError(`matmul: bias must be [${n}] (one value per output column), got ${formatShape(bias.shape)}`);
  }
  const dtype = promoteTypes(bias === undefined ? a.dtype : promoteTypes(a.dtype, bias.dtype), b.dtype);
  resultShape[0] = m;
  resultShape[1] = n;
  const result = resultTensor("matmul", resultShape, dtype, out);
  checkAliasing("matmul", result, a, false, " (matmul reads each input many times)");
  checkAliasing("matmul", result, b, false, " (matmul reads each input many times)");
  if (bias !== undefined) checkAliasing("matmul", result, bias, false, " (the bias is read for every row)");
  if (result.size === 0) return result;
  const ad = a.dtype === dtype ? a.data : a.astype(dtype).data;
  const bd = b.dtype === dtype ? b.data : b.astype(dtype).data;
  const biasData = bias === undefined ? null : bias.dtype === dtype ? bias.data : bias.astype(dtype).data;
  if (ka === 0) {
    // An empty inner dimension is a sum of nothing: only the epilogue remains.
    if (!accumulate) result.data.fill(0);
    if (biasData !== null) kernels().addToRows(result.data, biasData, m, n);
    if (relu) kernels().positivePart(result.data, result.data);
    return result;
  }
  kernels().matmul(ad, bd, result.data, m, n, ka, transposeA, transposeB, accumulate, biasData, relu);
  return result;
}
