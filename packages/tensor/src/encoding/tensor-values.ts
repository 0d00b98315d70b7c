import type { DType, TypedArray } from "../dtype.js";

/**
 * A number as JSON can carry it. JSON has no NaN, ±Infinity or −0 (`JSON.stringify` turns the
 * first three into `null` and the last into `0`), so those four travel as strings; every other
 * double survives `JSON.stringify`/`JSON.parse` exactly because JavaScript prints the shortest
 * decimal that reads back to the same double.
 */
export type JsonNumber = number | "NaN" | "Infinity" | "-Infinity" | "-0";

/**
 * A tensor as readable JSON numbers: dtype, shape and every value as a `JsonNumber`. Exact for
 * every value but a NaN's payload; larger than `EncodedTensor`'s bytes, but diffable. The state
 * buffers of an optimizer's state dict.
 */
export interface EncodedTensorValues {
  dtype: DType;
  shape: number[];
  values: JsonNumber[];
}

export function encodeJsonNumber(x: number): JsonNumber {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0 && 1 / x < 0) return "-0";
  return x;
}

/** The number `x` stands for; anything else is refused with a TypeError that starts with `where`. */
export function decodeJsonNumber(x: JsonNumber, where: string): number {
  if (typeof x === "number") return x;
  switch (x) {
    case "NaN":
      return NaN;
    case "Infinity":
      return Infinity;
    case "-Infinity":
      return -Infinity;
    case "-0":
      return -0;
    default:
      throw new TypeError(`${where}: expected a number, got ${JSON.stringify(x)}`);
  }
}

export function encodeTensorValues(data: TypedArray, shape: readonly number[]): EncodedTensorValues {
  const values = new Array<JsonNumber>(data.length);
  for (let i = 0; i < data.length; i++) values[i] = encodeJsonNumber(data[i]);
  return { dtype: data instanceof Float64Array ? "float64" : "float32", shape: shape.slice(), values };
}

/** Decodes into `out`, which fixes the dtype (float64 values are rounded into a Float32Array). */
export function decodeTensorValuesInto(encoded: EncodedTensorValues, out: TypedArray, where: string): void {
  if (!Array.isArray(encoded?.values) || encoded.values.length !== out.length) {
    const got = Array.isArray(encoded?.values) ? `${encoded.values.length} values` : "no values array";
    throw new RangeError(`${where}: expected ${out.length} values, got ${got}`);
  }
  for (let i = 0; i < out.length; i++) out[i] = decodeJsonNumber(encoded.values[i], `${where}[${i}]`);
}
