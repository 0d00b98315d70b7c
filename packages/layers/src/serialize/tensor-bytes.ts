import type { DType, Tensor } from "@nn/tensor";

/** Bytes per element of a dtype as stored: IEEE-754 binary32 or binary64. */
export function bytesPerElement(dtype: DType): number {
  return dtype === "float64" ? 8 : 4;
}

/**
 * Writes `t`'s elements into `view` from `offset` as raw little-endian IEEE-754 bytes (the layout
 * of model files and of safetensors alike): every bit survives, −0 and NaN payloads included.
 */
export function writeTensorBytes(t: Tensor, view: DataView, offset: number): void {
  const d = t.data;
  if (t.dtype === "float64") for (let i = 0; i < d.length; i++) view.setFloat64(offset + i * 8, d[i], true);
  else for (let i = 0; i < d.length; i++) view.setFloat32(offset + i * 4, d[i], true);
}

/** Reads `target.size` little-endian elements of `target.dtype` from `view` at `offset` into `target`. */
export function readTensorBytes(view: DataView, offset: number, target: Tensor): void {
  const d = target.data;
  if (target.dtype === "float64") for (let i = 0; i < d.length; i++) d[i] = view.getFloat64(offset + i * 8, true);
  else for (let i = 0; i < d.length; i++) d[i] = view.getFloat32(offset + i * 4, true);
}
