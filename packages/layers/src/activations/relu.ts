import { type DType, type TypedArray, kernels } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";

/** ReLU(x) = max(0, x), NaN kept. The gradient at exactly 0 is taken as 0, as PyTorch does. */
export class ReLU extends ElementwiseActivation {
  readonly typeName = "ReLU";

  // One SIMD pass on the WebAssembly backend (kernels().relu), a plain loop on the JS one.
  protected apply(x: TypedArray, y: TypedArray): void {
    kernels().relu(x, y);
  }

  // docs/math_derivations.md §3.1
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    kernels().reluBackward(x, dy, dx);
  }

  cast(_dtype: DType): ReLU {
    return new ReLU();
  }
}
