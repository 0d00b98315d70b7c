import { type DType, type Shape, type Tensor, full, zeros } from "@nn/tensor";
import { takeTensor } from "./buffer-pool.js";
import type { VectorJacobianProduct } from "./grad-node.js";
import { isGradEnabled } from "./grad-mode.js";
import { Variable } from "./variable.js";

/** What the ops accept: a variable, or a tensor or number taken as a constant (no gradient). */
export type Input = Variable | Tensor | number;

/** Whether an op on these inputs is recorded: gradients are on and some input requires one. */
export function isRecorded(inputs: readonly Variable[]): boolean {
  if (!isGradEnabled()) return false;
  for (const input of inputs) if (input.requiresGrad) return true;
  return false;
}

/**
 * The tensor an op writes its value into (every element): a pooled buffer when the op is
 * recorded, so the value can be recycled once its graph is freed and nobody read it; a new one
 * otherwise (a result nothing records is simply the caller's).
 */
export function valueTensor(inputs: readonly Variable[], shape: Shape, dtype: DType): Tensor {
  return isRecorded(inputs) ? takeTensor(shape, dtype) : zeros(shape, dtype);
}

/**
 * The result of an op as a variable: recorded with its vector-Jacobian product when gradients
 * are on and some input requires one, otherwise a plain constant (nothing is kept alive).
 * `pooled`: the value came from `valueTensor`. `scratch`: tensors from `valueTensor` only the VJP
 * reads, given back to the pool when backward frees the node.
 */
export function record(op: string, value: Tensor, inputs: readonly Variable[], vjp: VectorJacobianProduct, pooled = false, scratch?: Tensor[]): Variable {
  if (!isRecorded(inputs)) return new Variable(value, { name: op });
  const result = new Variable(value, { name: op }, scratch === undefined ? { op, inputs, vjp } : { op, inputs, vjp, scratch });
  if (pooled) result.markRecyclable();
  return result;
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
