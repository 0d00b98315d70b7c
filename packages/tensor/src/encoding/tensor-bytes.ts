import type { DType, TypedArray } from "../dtype.js";

/** Bytes per element of a dtype as stored: IEEE-754 binary32 or binary64. */
export function bytesPerElement(dtype: DType): number {
  return dtype === "float64" ? 8 : 4;
}

/**
 * Writes `data` into `view` from `offset` as raw little-endian IEEE-754 bytes (the layout of model
 * files, safetensors and ONNX's raw_data alike): every bit survives, −0 and subnormals included.
 */
export function writeTensorBytes(data: TypedArray, view: DataView, offset: number): void {
  if (data instanceof Float64Array) for (let i = 0; i < data.length; i++) view.setFloat64(offset + i * 8, data[i], true);
  else for (let i = 0; i < data.length; i++) view.setFloat32(offset + i * 4, data[i], true);
}

/** Reads `out.length` little-endian elements of `out`'s dtype from `view` at `offset` into `out`. */
export function readTensorBytes(view: DataView, offset: number, out: TypedArray): void {
  if (out instanceof Float64Array) for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(offset + i * 8, true);
  else for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(offset + i * 4, true);
}
