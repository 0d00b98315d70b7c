import { kernels } from "../kernels/backend.js";
import type { UnaryOp } from "../kernels/kernels.js";
import type { Tensor } from "../tensor.js";
import { checkAliasing, checkTensor, resultTensor } from "./out.js";

function prepare(op: string, aIn: unknown, out: Tensor | undefined): [Tensor, Tensor] {
  const a = checkTensor(op, "a", aIn);
  const result = resultTensor(op, a.shape, a.dtype, out);
  checkAliasing(op, result, a, true);
  return [a, result];
}

function unary(op: UnaryOp, aIn: Tensor, out: Tensor | undefined): Tensor {
  const [a, result] = prepare(op, aIn, out);
  if (result.size > 0) kernels().unary(op, a.data, result.data);
  return result;
}

/** −a. `out` may be `a` (in place). */
export function neg(a: Tensor, out?: Tensor): Tensor {
  return unary("neg", a, out);
}

/** eᵃ element-wise. */
export function exp(a: Tensor, out?: Tensor): Tensor {
  return unary("exp", a, out);
}

/** Natural logarithm element-wise (IEEE: log 0 = −Infinity, log of a negative is NaN). */
export function log(a: Tensor, out?: Tensor): Tensor {
  return unary("log", a, out);
}

/** √a element-wise (NaN for negatives, as IEEE). */
export function sqrt(a: Tensor, out?: Tensor): Tensor {
  return unary("sqrt", a, out);
}

/** |a| element-wise. */
export function abs(a: Tensor, out?: Tensor): Tensor {
  return unary("abs", a, out);
}

/** Limits every element to [min, max] (NaN stays NaN). Refuses min > max or a NaN bound. */
export function clip(a: Tensor, min: number, max: number, out?: Tensor): Tensor {
  if (typeof min !== "number" || typeof max !== "number" || !(min <= max)) {
    throw new RangeError(`clip: min must be <= max, got min ${String(min)}, max ${String(max)}`);
  }
  const [x, result] = prepare("clip", a, out);
  if (result.size > 0) kernels().clip(x.data, min, max, result.data);
  return result;
}
