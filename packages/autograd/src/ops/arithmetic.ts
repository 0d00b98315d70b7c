import * as T from "@nn/tensor";
import type { Tensor } from "@nn/tensor";
import { mapElements, mapPairs } from "../elementwise-map.js";
import { type Input, dtypeOfInput, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";
import { elementary } from "@nn/tensor";

/** A gradient of the broadcast result, summed back to an operand's own shape. docs/math_derivations.md §AD.3 */
function unbroadcast(g: Tensor, shape: readonly number[]): Tensor {
  return T.sameShape(g.shape, shape) ? g : T.sumToShape(g, shape);
}

function operands(op: string, a: Input, b: Input): [Variable, Variable] {
  return [toVariable(op, "a", a, dtypeOfInput(b)), toVariable(op, "b", b, dtypeOfInput(a))];
}

/** a + b with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function add(a: Input, b: Input): Variable {
  const [x, y] = operands("add", a, b);
  return record("add", T.add(x.value, y.value), [x, y], (g) => [unbroadcast(g, x.shape), unbroadcast(g, y.shape)]);
}

/** a − b with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function sub(a: Input, b: Input): Variable {
  const [x, y] = operands("sub", a, b);
  return record("sub", T.sub(x.value, y.value), [x, y], (g, needs) => [
    needs[0] ? unbroadcast(g, x.shape) : undefined,
    needs[1] ? unbroadcast(T.neg(g), y.shape) : undefined,
  ]);
}

/** a · b element-wise, with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function mul(a: Input, b: Input): Variable {
  const [x, y] = operands("mul", a, b);
  return record("mul", T.mul(x.value, y.value), [x, y], (g, needs) => [
    needs[0] ? unbroadcast(T.mul(g, y.value), x.shape) : undefined,
    needs[1] ? unbroadcast(T.mul(g, x.value), y.shape) : undefined,
  ]);
}

/** a / b element-wise, with NumPy broadcasting. docs/math_derivations.md §AD.3 */
export function div(a: Input, b: Input): Variable {
  const [x, y] = operands("div", a, b);
  const q = T.div(x.value, y.value);
  return record("div", q, [x, y], (g, needs) => [
    needs[0] ? unbroadcast(T.div(g, y.value), x.shape) : undefined,
    // ∂(a/b)/∂b = −a/b² = −q/b
    needs[1] ? unbroadcast(T.neg(T.div(T.mul(g, q), y.value)), y.shape) : undefined,
  ]);
}

/** −a. docs/math_derivations.md §AD.4 */
export function neg(a: Input): Variable {
  const x = toVariable("neg", "a", a);
  return record("neg", T.neg(x.value), [x], (g) => [T.neg(g)]);
}

/**
 * aᵖ element-wise for a constant exponent p (Math.pow's IEEE semantics: a negative base with a
 * fractional p is NaN). docs/math_derivations.md §AD.4: ∂aᵖ/∂a = p·aᵖ⁻¹
 */
export function pow(a: Input, p: number): Variable {
  if (typeof p !== "number" || Number.isNaN(p)) throw new TypeError(`pow: the exponent must be a number, got ${String(p)}`);
  const x = toVariable("pow", "a", a);
  const xv = x.value;
  const y = mapElements(xv, (v) => elementary.pow(v, p));
  return record("pow", y, [x], (g) => [mapPairs(g, xv, (gi, v) => (p === 0 ? 0 : gi * p * elementary.pow(v, p - 1)))]);
}
