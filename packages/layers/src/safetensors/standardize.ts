import { readTensorBytes, writeTensorBytes } from "@nn/tensor";
import { SafetensorsError } from "./safetensors-error.js";
import type { SafetensorsEntry, SafetensorsTensor } from "./safetensors-format.js";

/** The input standardisation (x − mean) / std per column, as nn predict applies a saved StandardScaler. */
export interface Standardize {
  readonly mean: ArrayLike<number>;
  readonly std: ArrayLike<number>;
}

/** Its module's keys in a PyTorch-named file: module 0 of the Sequential, buffers `mean` and `std`. */
export const STANDARDIZE_MEAN = "0.mean";
export const STANDARDIZE_STD = "0.std";

export function checkStandardize(s: Standardize, where: string): { mean: Float64Array; std: Float64Array } {
  const mean = Float64Array.from(s.mean ?? []), std = Float64Array.from(s.std ?? []);
  if (mean.length === 0 || mean.length !== std.length) {
    throw new SafetensorsError("", `${where}: standardize needs mean and std of one length > 0, got ${mean.length} and ${std.length}`);
  }
  for (let j = 0; j < mean.length; j++) {
    if (!Number.isFinite(mean[j])) throw new SafetensorsError("", `${where}: standardize.mean[${j}] is ${mean[j]}, not a finite number`);
    if (!(std[j] > 0 && Number.isFinite(std[j]))) throw new SafetensorsError("", `${where}: standardize.std[${j}] is ${std[j]}, not a finite number > 0`);
  }
  return { mean, std };
}

/** Float64, whatever the model's dtype: nn predict standardises in float64 before rounding to the model's dtype. */
export function standardizeEntries(s: { mean: Float64Array; std: Float64Array }): SafetensorsEntry[] {
  const column = (name: string, values: Float64Array): SafetensorsEntry => ({
    name,
    dtype: "F64",
    shape: [values.length],
    write: (view, offset) => writeTensorBytes(values, view, offset),
  });
  return [column(STANDARDIZE_MEAN, s.mean), column(STANDARDIZE_STD, s.std)];
}

/** Reads the standardisation's buffers back (float64, or float32 after a `.float()` in PyTorch). */
export function readStandardize(mean: SafetensorsTensor | undefined, std: SafetensorsTensor | undefined, features: number | undefined): { mean: number[]; std: number[] } {
  const read = (name: string, t: SafetensorsTensor | undefined): number[] => {
    if (t === undefined) throw new SafetensorsError(name, "is missing (the file has the input standardisation's other buffer)");
    if (t.dtype === "I64" || t.shape.length !== 1) throw new SafetensorsError(name, `is ${t.dtype} ${JSON.stringify(t.shape)}; the input standardisation's buffers are float vectors`);
    if (features !== undefined && t.shape[0] !== features) throw new SafetensorsError(name, `has ${t.shape[0]} values but the model takes ${features} inputs`);
    const values = t.dtype === "F64" ? new Float64Array(t.shape[0]) : new Float32Array(t.shape[0]);
    readTensorBytes(new DataView(t.bytes.buffer, t.bytes.byteOffset, t.bytes.byteLength), 0, values);
    return Array.from(values);
  };
  const result = { mean: read(STANDARDIZE_MEAN, mean), std: read(STANDARDIZE_STD, std) };
  result.std.forEach((v, j) => {
    if (!(v > 0 && Number.isFinite(v))) throw new SafetensorsError(STANDARDIZE_STD, `holds ${v} at index ${j}; a scale must be a finite number > 0`);
  });
  if (result.mean.length !== result.std.length) throw new SafetensorsError(STANDARDIZE_STD, `has ${result.std.length} values but ${STANDARDIZE_MEAN} has ${result.mean.length}`);
  return result;
}
