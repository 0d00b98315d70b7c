import type { DType, TypedArray } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";
import { elementary } from "@nn/tensor";

/** Tanh(x) = (e^x − e^(−x)) / (e^x + e^(−x)). */
export class Tanh extends ElementwiseActivation {
  readonly typeName = "Tanh";

  protected apply(x: TypedArray, y: TypedArray): void {
    for (let i = 0; i < x.length; i++) y[i] = elementary.tanh(x[i]);
  }

  // docs/math_derivations.md §3.4: tanh' = 1 − tanh²
  protected gradient(_x: TypedArray, y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
  }

  cast(_dtype: DType): Tanh {
    return new Tanh();
  }
}
