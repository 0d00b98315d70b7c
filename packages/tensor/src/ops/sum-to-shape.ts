import { ShapeError, formatShape } from "../errors.js";
import { type Shape, broadcastShapes, sameShape, validateShape } from "../shape.js";
import type { Tensor } from "../tensor.js";
import { checkTensor } from "./out.js";
import { sum } from "./reduce.js";

/**
 * The adjoint of broadcasting: sums `a` down to `shape`, a shape that broadcasts to `a.shape`.
 * Leading axes that broadcasting added are summed away; axes where `shape` has 1 are summed
 * with keepDims. This is how the gradient of a broadcast operand is formed
 * (docs/math_derivations.md §2 and §AD.3: an element used in several places gets the sum of their gradients).
 * Always returns a new tensor.
 */
export function sumToShape(aIn: Tensor, shape: Shape): Tensor {
  const a = checkTensor("sumToShape", "a", aIn);
  validateShape(shape, "sumToShape");
  const lead = a.rank - shape.length;
  const broadcastsToA = lead >= 0 && sameShape(broadcastShapesOrNull(shape, a.shape) ?? [], a.shape);
  if (!broadcastsToA) {
    throw new ShapeError(`sumToShape: cannot sum ${formatShape(a.shape)} down to ${formatShape(shape)}: ${formatShape(shape)} does not broadcast to ${formatShape(a.shape)}`);
  }
  let r = a;
  for (let i = 0; i < lead; i++) r = sum(r, 0);
  for (let axis = 0; axis < shape.length; axis++) {
    if (shape[axis] === 1 && r.shape[axis] !== 1) r = sum(r, axis, true);
  }
  return r === a ? a.clone() : r;
}

function broadcastShapesOrNull(a: Shape, b: Shape): number[] | null {
  try {
    return broadcastShapes(a, b, "sumToShape");
  } catch {
    return null;
  }
}
