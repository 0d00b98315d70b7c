import { Tensor, allocate } from "@nn/tensor";

/** Rows and columns of a [n, features] input, with an error naming the scaler method. */
export function columnCount(x: Tensor, op: string, expected?: number): { n: number; f: number } {
  if (x.rank !== 2) throw new RangeError(`${op}: expected x of shape [n, features], got [${x.shape.join(",")}]`);
  const [n, f] = x.shape;
  if (expected !== undefined && f !== expected) {
    throw new RangeError(`${op}: fitted on ${expected} features, got x of shape [${x.shape.join(",")}]`);
  }
  return { n, f };
}

/** Per-column mean, min and max, accumulated in float64. */
export function columnStats(x: Tensor, op: string): { mean: Float64Array; min: Float64Array; max: Float64Array } {
  const [n, f] = x.shape;
  const d = x.data;
  const mean = new Float64Array(f);
  const min = new Float64Array(f).fill(Infinity);
  const max = new Float64Array(f).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      const v = d[i * f + j];
      if (!Number.isFinite(v)) throw new RangeError(`${op}: x[${i}][${j}] is ${v}; scalers need finite values`);
      mean[j] += v;
      if (v < min[j]) min[j] = v;
      if (v > max[j]) max[j] = v;
    }
  }
  for (let j = 0; j < f; j++) mean[j] /= n;
  return { mean, min, max };
}

/** `out` checked to match x, or a fresh tensor of x's shape and dtype. */
export function outputFor(x: Tensor, out: Tensor | undefined, op: string): Tensor {
  if (out === undefined) return new Tensor(allocate(x.dtype, x.size), x.shape);
  if (out.rank !== 2 || out.shape[0] !== x.shape[0] || out.shape[1] !== x.shape[1]) {
    throw new RangeError(`${op}: out must have shape [${x.shape.join(",")}], got [${out.shape.join(",")}]`);
  }
  return out;
}

export function checkJsonArray(op: string, name: string, value: unknown, length?: number): Float64Array {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new TypeError(`${op}: ${name} must be an array of finite numbers`);
  }
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${op}: ${name} has ${value.length} entries, expected ${length}`);
  }
  return Float64Array.from(value as number[]);
}
