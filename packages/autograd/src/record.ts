import { type DType, type Tensor, full } from "@nn/tensor";
import type { VectorJacobianProduct } from "./grad-node.js";
import { isGradEnabled } from "./grad-mode.js";
import { Variable } from "./variable.js";

/** What the ops accept: a variable, or a tensor or number taken as a constant (no gradient). */
export type Input = Variable | Tensor | number;

/**
 * The result of an op as a variable: recorded with its vector-Jacobian product when gradients
 * are on and some input requires one, otherwise a plain constant (nothing is kept alive).
 */
export function record(op: string, value: Tensor, inputs: readonly Variable[], vjp: VectorJacobianProduct): Variable {
  if (!isGradEnabled() || !inputs.some((input) => input.requiresGrad)) return new Variable(value, { name: op });
  return new Variable(value, { name: op }, { op, inputs, vjp });
}

/** A variable for an op's argument; a number becomes a rank-0 constant of `dtype`. */
export function toVariable(op: string, name: string, x: unknown, dtype: DType = "float64"): Variable {
  if (x instanceof Variable) return x;
  if (typeof x === "number") return new Variable(full([], x, dtype), { name: String(x) });
  if (typeof x === "object" && x !== null && "data" in x && "shape" in x && "dtype" in x) return new Variable(x as Tensor, { name });
  const got = x === null ? "null" : Array.isArray(x) ? "an array (wrap it with tensor(...))" : typeof x;
  throw new TypeError(`${op}: ${name} must be a Variable, a Tensor or a number, got ${got}`);
}

/** The dtype a number operand takes: that of the other operand (as NumPy's Python scalars). */
export function dtypeOfInput(x: unknown): DType {
  if (x instanceof Variable) return x.dtype;
  if (typeof x === "object" && x !== null && "dtype" in x) return (x as Tensor).dtype;
  return "float64";
}
