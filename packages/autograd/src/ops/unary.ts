import * as T from "@nn/tensor";
import { mapPairs } from "../elementwise-map.js";
import { gradTensor } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

/** eᵃ. docs/math_derivations.md §AD.4: ∂eᵃ/∂a = eᵃ, the output itself. */
export function exp(a: Input): Variable {
  const x = toVariable("exp", "a", a);
  const y = T.exp(x.valueForOps, valueTensor([x], x.shape, x.dtype));
  return record("exp", y, [x], (g) => [T.mul(g, y, gradTensor(g.shape, g.dtype))], true);
}

/** Natural logarithm. docs/math_derivations.md §AD.4: ∂log a/∂a = 1/a */
export function log(a: Input): Variable {
  const x = toVariable("log", "a", a);
  const y = T.log(x.valueForOps, valueTensor([x], x.shape, x.dtype));
  return record("log", y, [x], (g) => [T.div(g, x.valueForOps, gradTensor(g.shape, g.dtype))], true);
}

/** √a. docs/math_derivations.md §AD.4: ∂√a/∂a = 1/(2√a) */
export function sqrt(a: Input): Variable {
  const x = toVariable("sqrt", "a", a);
  const y = T.sqrt(x.valueForOps, valueTensor([x], x.shape, x.dtype));
  return record("sqrt", y, [x], (g) => [mapPairs(g, y, sqrtGradient, gradTensor(g.shape, g.dtype))], true);
}

/** |a|. docs/math_derivations.md §AD.4: ∂|a|/∂a = sign(a), taken as 0 at a = 0 (PyTorch's choice). */
export function abs(a: Input): Variable {
  const x = toVariable("abs", "a", a);
  const y = T.abs(x.valueForOps, valueTensor([x], x.shape, x.dtype));
  return record("abs", y, [x], (g) => [mapPairs(g, x.valueForOps, absGradient, gradTensor(g.shape, g.dtype))], true);
}

// Module-level element functions, not per-call closures (see activations.ts).
function sqrtGradient(gi: number, s: number): number {
  return gi / (2 * s);
}

function absGradient(gi: number, v: number): number {
  return v > 0 ? gi : v < 0 ? -gi : 0;
}
