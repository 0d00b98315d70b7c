import * as T from "@nn/tensor";
import { gradTensor } from "../gradient-buffers.js";

/**
 * out = relu?((accumulate ? out : 0) + op(a)·op(b) (+ bias row)). The ops of this package check shapes
 * themselves and hand a fresh pooled `out`, which cannot alias an operand; when every array has
 * one dtype and no size is zero, the kernel is called directly, without @nn/tensor's matmul
 * re-checking the options, shapes and memory of each of a step's many small products (the same
 * kernel call, so the same bits). Anything else goes through `T.matmul`, which promotes dtypes
 * and handles empty products.
 */
export function matmulInto(a: T.Tensor, b: T.Tensor, out: T.Tensor, transposeA: boolean, transposeB: boolean, accumulate: boolean, bias: T.Tensor | undefined, relu = false): T.Tensor {
  const m = out.shape[0], n = out.shape[1], k = transposeA ? a.shape[0] : a.shape[1];
  const dtype = out.dtype;
  if (m > 0 && n > 0 && k > 0 && a.dtype === dtype && b.dtype === dtype && (bias === undefined || bias.dtype === dtype)) {
    T.kernels().matmul(a.data, b.data, out.data, m, n, k, transposeA, transposeB, accumulate, bias === undefined ? null : bias.data, relu);
    return out;
  }
  return T.matmul(a, b, { transposeA, transposeB, out, accumulate, bias, relu });
}

/**
 * One operand's gradient as a matrix product op(a)·op(b): added straight into `into`, a leaf's
 * grad the engine offers (matmul's accumulate: no buffer, no extra pass; returns undefined), or
 * written into a fresh gradient buffer of `shape` (returned).
 */
export function productGradient(a: T.Tensor, b: T.Tensor, into: T.Tensor | undefined, shape: readonly number[], transposeA: boolean, transposeB: boolean): T.Tensor | undefined {
  const out = into ?? gradTensor(shape, T.promoteTypes(a.dtype, b.dtype));
  matmulInto(a, b, out, transposeA, transposeB, into !== undefined, undefined);
  return into === undefined ? out : undefined;
}
