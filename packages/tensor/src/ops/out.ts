import { type DType, allocate } from "../dtype.js";
import { ShapeError, formatShape } from "../errors.js";
import { type Shape, sameShape, sizeOf } from "../shape.js";
import { Tensor } from "../tensor.js";

/** Returns `out` after checking it matches the result, or a fresh tensor when none was given. */
export function resultTensor(op: string, shape: Shape, dtype: DType, out: Tensor | undefined): Tensor {
  if (out === undefined) return new Tensor(allocate(dtype, sizeOf(shape)), shape);
  if (!(out instanceof Tensor)) throw new TypeError(`${op}: out must be a Tensor`);
  if (!sameShape(out.shape, shape)) {
    throw new ShapeError(`${op}: out has shape ${formatShape(out.shape)} but the result has shape ${formatShape(shape)}`);
  }
  if (out.dtype !== dtype) throw new TypeError(`${op}: out has dtype ${out.dtype} but the result has dtype ${dtype}`);
  return out;
}
