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
  /** Written in place of a fresh result; must not share memory with `a` or `b`. */
  out?: Tensor;
}

const MATMUL_OPTIONS: readonly string[] = ["transposeA", "transposeB", "out"];

/**
 * 2-D matrix product op(A)·op(B). The three products of backprop are x·W, xᵀ·dy
 * (`transposeA`) and dy·Wᵀ (`transposeB`). docs/math_derivations.md §11.2.
 * Mixed dtypes compute in float64.
 */
export function matmul(aIn: Tensor, bIn: Tensor, options: MatmulOptions = {}): Tensor {
  const a = checkTensor("matmul", "a", aIn), b = checkTensor("matmul", "b", bIn);
  const { transposeA = false, transposeB = false, out } = checkOptions("matmul", options, MATMUL_OPTIONS);
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
  const dtype = promoteTypes(a.dtype, b.dtype);
  const result = resultTensor("matmul", [m, n], dtype, out);
  checkAliasing("matmul", result, a, false, " (matmul reads each input many times)");
  checkAliasing("matmul", result, b, false, " (matmul reads each input many times)");
  if (result.size === 0) return result;
  // An empty inner dimension is a sum of nothing.
  if (ka === 0) {
    result.data.fill(0);
    return result;
  }
  const ad = a.dtype === dtype ? a.data : a.astype(dtype).data;
  const bd = b.dtype === dtype ? b.data : b.astype(dtype).data;
  kernels().matmul(ad, bd, result.data, m, n, ka, transposeA, transposeB);
  return result;
}
