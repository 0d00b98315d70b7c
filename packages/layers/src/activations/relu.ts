import type { DType, TypedArray } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";

/** ReLU(x) = max(0, x). The gradient at exactly 0 is taken as 0, as PyTorch does. */
export class ReLU extends ElementwiseActivation {
  readonly typeName = "ReLU";

  protected apply(x: TypedArray, y: TypedArray): void {
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : 0;
  }

  // docs/math_derivations.md §3.1
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
  }

  cast(dtype: DType): ReLU {
    return new ReLU({ dtype });
  }
}
