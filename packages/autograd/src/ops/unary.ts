import * as T from "@nn/tensor";
import { mapPairs } from "../elementwise-map.js";
import { type Input, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";

/** eᵃ. docs/math_derivations.md §AD.4: ∂eᵃ/∂a = eᵃ, the output itself. */
export function exp(a: Input): Variable {
  const x = toVariable("exp", "a", a);
  const y = T.exp(x.value);
  return record("exp", y, [x], (g) => [T.mul(g, y)]);
}

/** Natural logarithm. docs/math_derivations.md §AD.4: ∂log a/∂a = 1/a */
export function log(a: Input): Variable {
  const x = toVariable("log", "a", a);
  return record("log", T.log(x.value), [x], (g) => [T.div(g, x.value)]);
}

/** √a. docs/math_derivations.md §AD.4: ∂√a/∂a = 1/(2√a) */
export function sqrt(a: Input): Variable {
  const x = toVariable("sqrt", "a", a);
  const y = T.sqrt(x.value);
  return record("sqrt", y, [x], (g) => [mapPairs(g, y, (gi, s) => gi / (2 * s))]);
}

/** |a|. docs/math_derivations.md §AD.4: ∂|a|/∂a = sign(a), taken as 0 at a = 0 (PyTorch's choice). */
export function abs(a: Input): Variable {
  const x = toVariable("abs", "a", a);
  return record("abs", T.abs(x.value), [x], (g) => [mapPairs(g, x.value, (gi, v) => (v > 0 ? gi : v < 0 ? -gi : 0))]);
}
