import type { DType, TypedArray } from "@nn/tensor";

/**
 * A number as JSON can carry it. JSON has no NaN, ±Infinity or -0 (`JSON.stringify` turns the
 * first three into `null` and the last into `0`), so those four travel as strings; every other
 * double survives `JSON.stringify`/`JSON.parse` exactly because JavaScript prints the shortest
 * decimal that reads back to the same double.
 */
export type JsonNumber = number | "NaN" | "Infinity" | "-Infinity" | "-0";

/** One state buffer of one parameter, as plain JSON data. */
export interface EncodedBuffer {
  dtype: DType;
  shape: number[];
  values: JsonNumber[];
}

export function encodeNumber(x: number): JsonNumber {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "Infinity";
  if (x === -Infinity) return "-Infinity";
  if (x === 0 && 1 / x < 0) return "-0";
  return x;
}

export function decodeNumber(x: JsonNumber, where: string): number {
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

export function encodeBuffer(data: TypedArray, shape: readonly number[]): EncodedBuffer {
  const values = new Array<JsonNumber>(data.length);
  for (let i = 0; i < data.length; i++) values[i] = encodeNumber(data[i]);
  return { dtype: data instanceof Float64Array ? "float64" : "float32", shape: shape.slice(), values };
}

/** Decodes into `out`, which fixes the dtype: the parameter's, whatever the saved dtype was. */
export function decodeBufferInto(encoded: EncodedBuffer, out: TypedArray, where: string): void {
  if (!Array.isArray(encoded?.values) || encoded.values.length !== out.length) {
    const got = Array.isArray(encoded?.values) ? `${encoded.values.length} values` : "no values array";
    throw new RangeError(`${where}: expected ${out.length} values, got ${got}`);
  }
  for (let i = 0; i < out.length; i++) out[i] = decodeNumber(encoded.values[i], `${where}[${i}]`);
}
