import { kernels } from "../kernels/backend.js";
import type { Tensor } from "../tensor.js";
import { axisLayout, checkAxisArgs } from "./axis-layout.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

function softmaxAlong(op: string, aIn: Tensor, axis: number, out: Tensor | undefined, log: boolean): Tensor {
  const a = checkTensor(op, "a", aIn);
  checkAxisArgs(op, axis, false);
  const { outer, n, inner } = axisLayout(a, axis, false, op);
  const result = resultTensor(op, a.shape, a.dtype, out);
  checkAliasing(op, result, a, true);
  if (result.size > 0) kernels().softmax(a.data, result.data, outer, n, inner, log);
  return result;
}

/**
 * exp(a) / Σ exp(a) along `axis` (default: the last), computed from a − max so a row of 1000s
 * stays finite. docs/math_derivations.md §11.1. `out` may be `a`.
 */
export function softmax(a: Tensor, axis = -1, out?: Tensor): Tensor {
  return softmaxAlong("softmax", a, axis, out, false);
}

/** a − log Σ exp(a) along `axis` (default: the last), without forming softmax first. docs/math_derivations.md §11.1 */
export function logSoftmax(a: Tensor, axis = -1, out?: Tensor): Tensor {
  return softmaxAlong("logSoftmax", a, axis, out, true);
}
