import { type DType, type TypedArray, sigmoid } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";

/** σ(x) for one number: re-exported from `@nn/tensor`, where it lives since autograd needs it too. */
export { sigmoid };

/** Sigmoid(x) = 1 / (1 + e^(−x)). */
export class Sigmoid extends ElementwiseActivation {
  readonly typeName = "Sigmoid";

  protected apply(x: TypedArray, y: TypedArray): void {
    for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i]);
  }

  // docs/math_derivations.md §3.3: σ' = σ(1 − σ)
  protected gradient(_x: TypedArray, y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
  }

  cast(_dtype: DType): Sigmoid {
    return new Sigmoid();
  }
}
