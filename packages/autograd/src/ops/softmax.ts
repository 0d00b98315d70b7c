import * as T from "@nn/tensor";
import { type Input, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";

/**
 * exp(a)/Σexp(a) along `axis` (default the last), stable for large inputs.
 * docs/math_derivations.md §AD.9: ∂L/∂a = y ⊙ (g − Σ(g ⊙ y)) along the axis.
 */
export function softmax(a: Input, axis = -1): Variable {
  const x = toVariable("softmax", "a", a);
  const y = T.softmax(x.value, axis);
  return record("softmax", y, [x], (g) => {
    const gy = T.mul(g, y);
    return [T.sub(gy, T.mul(y, T.sum(gy, axis, true)))];
  });
}

/**
 * a − log Σ exp(a) along `axis` (default the last). docs/math_derivations.md §AD.9:
 * ∂L/∂a = g − softmax(a) ⊙ Σ g along the axis.
 */
export function logSoftmax(a: Input, axis = -1): Variable {
  const x = toVariable("logSoftmax", "a", a);
  const y = T.logSoftmax(x.value, axis);
  return record("logSoftmax", y, [x], (g) => [T.sub(g, T.mul(T.exp(y), T.sum(g, axis, true)))]);
}
