import { type DType, allocate } from "../dtype.js";
import { ShapeError, formatShape } from "../errors.js";
import { type Shape, sameShape, sizeOf } from "../shape.js";
import { Tensor } from "../tensor.js";

/** Refuses anything but a Tensor, naming the op and the argument. */
export function checkTensor(op: string, name: string, value: unknown): Tensor {
  if (value instanceof Tensor) return value;
  const got = value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
  throw new TypeError(`${op}: ${name} must be a Tensor, got ${got}`);
}

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

/**
 * The aliasing rule. `out` may be exactly an input's array when `sameAllowed` (element-wise ops
 * read each element before writing it); any other overlap of memory (a shared buffer through
 * `subarray`) would let the op read values it has already overwritten, so it is refused.
 */
export function checkAliasing(op: string, out: Tensor, input: Tensor, sameAllowed: boolean, why = ""): void {
  const o = out.data, x = input.data;
  if (o.buffer !== x.buffer || o.length === 0 || x.length === 0) return;
  const oStart = o.byteOffset, oEnd = oStart + o.byteLength;
  const xStart = x.byteOffset, xEnd = xStart + x.byteLength;
  if (oEnd <= xStart || xEnd <= oStart) return;
  if (sameAllowed && oStart === xStart && oEnd === xEnd) return;
  throw new Error(`${op}: out must not share memory with an input${why} (input ${formatShape(input.shape)}, out ${formatShape(out.shape)})`);
}
