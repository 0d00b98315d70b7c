import { type DType, Tensor, zeros } from "@nn/tensor";
import type { Parameter } from "../src/index.js";

/** A named parameter holding `values` (flat, row-major) in `shape`, with a zero gradient. */
export function parameter(name: string, values: readonly number[], shape: readonly number[], dtype: DType = "float64"): Parameter {
  const data = dtype === "float64" ? Float64Array.from(values) : Float32Array.from(values);
  return { name, value: new Tensor(data, shape), grad: zeros(shape, dtype) };
}

/** A scalar parameter (rank 0) for hand-worked examples. */
export function scalar(name: string, value: number, dtype: DType = "float64"): Parameter {
  return parameter(name, [value], [], dtype);
}

export function setGrad(param: Parameter, values: readonly number[]): void {
  param.grad.data.set(values);
}
