import { type DType, DEFAULT_DTYPE, allocate, isDType } from "./dtype.js";
import { checkOptions } from "./check-options.js";
import { ShapeError } from "./errors.js";
import type { Rng } from "./rng.js";
import { type Shape, sizeOf, validateShape } from "./shape.js";
import { type NestedArray, Tensor, describeData } from "./tensor.js";

function checkDType(dtype: unknown, op: string): DType {
  if (dtype === undefined) return DEFAULT_DTYPE;
  if (!isDType(dtype)) throw new TypeError(`${op}: dtype must be 'float32' or 'float64', got ${JSON.stringify(dtype)}`);
  return dtype;
}

/** Shape of a nested array, checking that it is rectangular (as NumPy: `[[], []]` is [2, 0]). */
function inferShape(value: NestedArray, path: string): number[] {
  if (typeof value === "number") return [];
  if (!Array.isArray(value)) throw new TypeError(`tensor: expected a number or an array at ${path}, got ${typeof value}`);
  if (value.length === 0) return [0];
  return [value.length, ...inferShape(value[0], `${path}[0]`)];
}

function fill(value: NestedArray, shape: number[], axis: number, out: Float32Array | Float64Array, offset: number, path: string): number {
  if (axis === shape.length) {
    if (typeof value !== "number") throw new ShapeError(`tensor: ragged nested array: expected a number at ${path}`);
    out[offset] = value;
    return offset + 1;
  }
  if (!Array.isArray(value) || value.length !== shape[axis]) {
    const got = Array.isArray(value) ? `length ${value.length}` : typeof value;
    throw new ShapeError(`tensor: ragged nested array: expected length ${shape[axis]} at ${path}, got ${got}`);
  }
  for (let i = 0; i < value.length; i++) offset = fill(value[i], shape, axis + 1, out, offset, `${path}[${i}]`);
  return offset;
}

/** A tensor from a number or nested arrays: `tensor(3)` is rank 0, `tensor([[1, 2]])` is [1, 2]. */
export function tensor(value: NestedArray | Float32Array | Float64Array, dtype?: DType): Tensor {
  const dt = checkDType(dtype, "tensor");
  if (value instanceof Float32Array || value instanceof Float64Array) {
    const out = allocate(dtype ?? (value instanceof Float64Array ? "float64" : "float32"), value.length);
    out.set(value);
    return new Tensor(out, [value.length]);
  }
  if (ArrayBuffer.isView(value)) {
    throw new TypeError(`tensor: typed array data must be a Float32Array or Float64Array, got ${describeData(value)} (convert with Float32Array.from)`);
  }
  const shape = inferShape(value, "value");
  const out = allocate(dt, sizeOf(shape));
  fill(value, shape, 0, out, 0, "value");
  return new Tensor(out, shape);
}

export function zeros(shape: Shape, dtype?: DType): Tensor {
  validateShape(shape, "zeros");
  return new Tensor(allocate(checkDType(dtype, "zeros"), sizeOf(shape)), shape);
}

export function ones(shape: Shape, dtype?: DType): Tensor {
  return filledWith("ones", shape, 1, dtype);
}

export function full(shape: Shape, value: number, dtype?: DType): Tensor {
  return filledWith("full", shape, value, dtype);
}

function filledWith(op: string, shape: Shape, value: number, dtype: DType | undefined): Tensor {
  validateShape(shape, op);
  if (typeof value !== "number") throw new TypeError(`${op}: value must be a number, got ${typeof value}`);
  const data = allocate(checkDType(dtype, op), sizeOf(shape));
  data.fill(value);
  return new Tensor(data, shape);
}

export interface RandnOptions { mean?: number; std?: number; dtype?: DType }

/** Normal samples N(mean, std²), drawn in row-major order from `rng`. */
export function randn(shape: Shape, rng: Rng, options: RandnOptions = {}): Tensor {
  validateShape(shape, "randn");
  checkOptions("randn", options, ["mean", "std", "dtype"]);
  const { mean = 0, std = 1 } = options;
  if (!(std >= 0) || !Number.isFinite(std)) throw new RangeError(`randn: std must be a finite number >= 0, got ${std}`);
  const data = allocate(checkDType(options.dtype, "randn"), sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = mean + std * rng.normal();
  return new Tensor(data, shape);
}

export interface RandOptions { low?: number; high?: number; dtype?: DType }

/** Uniform samples in [low, high), drawn in row-major order from `rng`. */
export function rand(shape: Shape, rng: Rng, options: RandOptions = {}): Tensor {
  validateShape(shape, "rand");
  checkOptions("rand", options, ["low", "high", "dtype"]);
  const { low = 0, high = 1 } = options;
  if (!(high >= low)) throw new RangeError(`rand: high must be >= low, got low ${low}, high ${high}`);
  const data = allocate(checkDType(options.dtype, "rand"), sizeOf(shape));
  const span = high - low;
  for (let i = 0; i < data.length; i++) data[i] = low + span * rng.next();
  return new Tensor(data, shape);
}

/** Evenly spaced values in [start, stop) as NumPy's arange; `arange(n)` is 0..n-1. */
export function arange(start: number, stop?: number, step = 1, dtype?: DType): Tensor {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  if (!Number.isFinite(start) || !Number.isFinite(stop) || !Number.isFinite(step) || step === 0) {
    throw new RangeError(`arange: start, stop and step must be finite and step non-zero, got ${start}, ${stop}, ${step}`);
  }
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const data = allocate(checkDType(dtype, "arange"), n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n]);
}

/** The n×m identity (m defaults to n). */
export function eye(n: number, m: number = n, dtype?: DType): Tensor {
  validateShape([n, m], "eye");
  const data = allocate(checkDType(dtype, "eye"), n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return new Tensor(data, [n, m]);
}
