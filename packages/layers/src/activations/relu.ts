import { type DType, type TypedArray, kernels } from "@nn/tensor";
import { ElementwiseActivation } from "./elementwise.js";

/** ReLU(x) = max(0, x), NaN kept. The gradient at exactly 0 is taken as 0, as PyTorch does. */
export class ReLU extends ElementwiseActivation {
  readonly typeName = "ReLU";

  // One SIMD pass on the WebAssembly backend, a plain loop on the JS one. After a Dense in a
  // Sequential this pass does not run at all: the Dense's product applies it (its epilogue).
  protected apply(x: TypedArray, y: TypedArray): void {
    kernels().positivePart(x, y);
  }

  // docs/math_derivations.md §3.1. The mask reads y, not x: y > 0 exactly where x > 0 (a NaN
  // input gives a NaN output, and neither is > 0), so a fused forward need not keep x.
  protected gradient(_x: TypedArray, y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    kernels().wherePositive(y, dy, dx);
  }

  cast(_dtype: DType): ReLU {
    return new ReLU();
  }
}
