import * as T from "@nn/tensor";
import { gradTensor } from "../gradient-buffers.js";

/**
 * One operand's gradient as a matrix product op(a)·op(b): added straight into `into`, a leaf's
 * grad the engine offers (matmul's accumulate: no buffer, no extra pass; returns undefined), or
 * written into a fresh gradient buffer of `shape` (returned). The options object is built with
 * every key each time, so matmul sees one object shape.
 */
export function productGradient(a: T.Tensor, b: T.Tensor, into: T.Tensor | undefined, shape: readonly number[], transposeA: boolean, transposeB: boolean): T.Tensor | undefined {
  const out = into ?? gradTensor(shape, T.promoteTypes(a.dtype, b.dtype));
  T.matmul(a, b, { transposeA, transposeB, out, accumulate: into !== undefined, bias: undefined });
  return into === undefined ? out : undefined;
}
