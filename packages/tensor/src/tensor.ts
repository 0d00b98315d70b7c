import { type DType, type TypedArray, allocate, dtypeOf } from "./dtype.js";
import { ShapeError, formatShape } from "./errors.js";
import { type Shape, sizeOf, validateShape } from "./shape.js";

/** Nested number arrays as `toArray()` returns them; a rank-0 tensor is a plain number. */
export type NestedArray = number | NestedArray[];

/** Names what was given as tensor data: `Int32Array`, `an array`, `null`. */
export function describeData(data: unknown): string {
  if (data === null) return "null";
  if (Array.isArray(data)) return "an array (use tensor(nested) or a Float32Array)";
  if (typeof data === "object") return (data).constructor?.name ?? "an object";
  return typeof data;
}

/**
 * An n-dimensional array of float32 or float64 values: one contiguous typed array read in
 * row-major order. Tensors never hide strides or offsets, so `data[i]` is always element i.
 */
export class Tensor {
  readonly data: TypedArray;
  readonly shape: readonly number[];
  readonly dtype: DType;

  constructor(data: TypedArray, shape: Shape) {
    // Any other array would be read as float32 data it is not (an Int32Array's bits are not floats).
    if (!(data instanceof Float32Array) && !(data instanceof Float64Array)) {
      throw new TypeError(`Tensor: data must be a Float32Array or Float64Array, got ${describeData(data)}`);
    }
    validateShape(shape, "Tensor");
    const size = sizeOf(shape);
    if (data.length !== size) {
      throw new ShapeError(`Tensor: data has ${data.length} elements but shape ${formatShape(shape)} needs ${size}`);
    }
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtypeOf(data);
  }

  get size(): number {
    return this.data.length;
  }

  get rank(): number {
    return this.shape.length;
  }

  /** A view with a new shape over the same data (one dimension may be -1 and is inferred). */
  reshape(shape: Shape): Tensor {
    const resolved = shape.slice();
    const inferred = resolved.indexOf(-1);
    if (inferred !== -1) {
      if (resolved.indexOf(-1, inferred + 1) !== -1) {
        throw new ShapeError(`reshape: only one dimension can be -1, got ${formatShape(shape)}`);
      }
      resolved[inferred] = 1;
      validateShape(resolved, "reshape");
      const rest = sizeOf(resolved);
      if (rest === 0 || this.size % rest !== 0) {
        throw new ShapeError(`reshape: cannot reshape ${formatShape(this.shape)} (${this.size} elements) into ${formatShape(shape)}`);
      }
      resolved[inferred] = this.size / rest;
    }
    validateShape(resolved, "reshape");
    if (sizeOf(resolved) !== this.size) {
      throw new ShapeError(`reshape: cannot reshape ${formatShape(this.shape)} (${this.size} elements) into ${formatShape(shape)}`);
    }
    return new Tensor(this.data, resolved);
  }

  /** A deep copy: same shape and dtype, its own data. */
  clone(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** A copy converted to `dtype` (float64 → float32 rounds each value to nearest). */
  astype(dtype: DType): Tensor {
    const out = allocate(dtype, this.size);
    out.set(this.data);
    return new Tensor(out, this.shape);
  }

  /** The values as nested arrays, as NumPy's `tolist()`. */
  toArray(): NestedArray {
    if (this.rank === 0) return this.data[0];
    return this.nest(0, 0);
  }

  private nest(axis: number, offset: number): NestedArray[] {
    const n = this.shape[axis];
    const out = new Array<NestedArray>(n);
    if (axis === this.rank - 1) {
      for (let i = 0; i < n; i++) out[i] = this.data[offset + i];
      return out;
    }
    let stride = 1;
    for (let j = axis + 1; j < this.rank; j++) stride *= this.shape[j];
    for (let i = 0; i < n; i++) out[i] = this.nest(axis + 1, offset + i * stride);
    return out;
  }

  toString(): string {
    return `Tensor(${this.dtype} ${formatShape(this.shape)})`;
  }
}
