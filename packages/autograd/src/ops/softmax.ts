import * as T from "@nn/tensor";
import { gradTensor, releaseIfUnheld } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

/**
 * exp(a)/Σexp(a) along `axis` (default the last), stable for large inputs.
 * docs/math_derivations.md §AD.9: ∂L/∂a = y ⊙ (g − Σ(g ⊙ y)) along the axis.
 */
export function softmax(a: Input, axis = -1): Variable {
  const x = toVariable("softmax", "a", a);
  const y = T.softmax(x.valueForOps, axis, valueTensor([x], x.shape, x.dtype));
  return record("softmax", y, [x], (g) => {
    const gy = T.mul(g, y, gradTensor(g.shape, g.dtype));
    const ys = T.mul(y, T.sum(gy, axis, true), gradTensor(g.shape, g.dtype));
    T.sub(gy, ys, gy);
    releaseIfUnheld(ys);
    return [gy];
  }, true);
}

/**
 * a − log Σ exp(a) along `axis` (default the last). docs/math_derivations.md §AD.9:
 * ∂L/∂a = g − softmax(a) ⊙ Σ g along the axis.
 */
export function logSoftmax(a: Input, axis = -1): Variable {
  const x = toVariable("logSoftmax", "a", a);
  const y = T.logSoftmax(x.valueForOps, axis, valueTensor([x], x.shape, x.dtype));
  return record("logSoftmax", y, [x], (g) => {
    const p = T.exp(y, gradTensor(g.shape, y.dtype));
    if (p.dtype !== g.dtype) {
      // A wider g (a later op promoted): promote as the ops do, in fresh tensors.
      const dx = T.sub(g, T.mul(p, T.sum(g, axis, true)));
      releaseIfUnheld(p);
      return [dx];
    }
    T.mul(p, T.sum(g, axis, true), p);
    return [T.sub(g, p, p)];
  }, true);
}
