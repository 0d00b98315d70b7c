import type { DType, TypedArray } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";
import { sigmoid } from "./sigmoid.js";

/** SiLU(x) = x·σ(x) (also called swish). */
export class SiLU extends ElementwiseActivation {
  readonly typeName = "SiLU";

  protected apply(x: TypedArray, y: TypedArray): void {
    for (let i = 0; i < x.length; i++) y[i] = x[i] * sigmoid(x[i]);
  }

  // docs/math_derivations.md §3.7: SiLU' = σ(x)·(1 + x·(1 − σ(x)))
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    for (let i = 0; i < x.length; i++) {
      const s = sigmoid(x[i]);
      dx[i] = dy[i] * s * (1 + x[i] * (1 - s));
    }
  }

  cast(_dtype: DType): SiLU {
    return new SiLU();
  }
}
