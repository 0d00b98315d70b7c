/** Element types a Tensor can hold. float32 is the default; float64 is for tests and gradcheck. */
export type DType = "float32" | "float64";

export type TypedArray = Float32Array | Float64Array;

export const DEFAULT_DTYPE: DType = "float32";

export function isDType(value: unknown): value is DType {
  return value === "float32" || value === "float64";
}

/** A zero-filled typed array of `dtype`: the one place a dtype name becomes storage. */
export function allocate(dtype: DType, length: number): TypedArray {
  return dtype === "float64" ? new Float64Array(length) : new Float32Array(length);
}

export function dtypeOf(data: TypedArray): DType {
  return data instanceof Float64Array ? "float64" : "float32";
}

/**
 * Mixed-dtype rule: an op on float32 and float64 computes and returns float64. Promotion never
 * loses precision; demoting would, so it only happens when the caller asks (`astype`).
 */
export function promoteTypes(a: DType, b: DType): DType {
  return a === "float64" || b === "float64" ? "float64" : "float32";
}
