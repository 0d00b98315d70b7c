import type { Tensor } from "@nn/tensor";

/**
 * A trainable tensor and its gradient. Structurally identical to `@nn/layers`' `Parameter`, so a
 * model's `parameters()` can be handed straight to an optimizer without this package depending
 * on the layers package.
 */
export interface Parameter {
  readonly name: string;
  value: Tensor;
  grad: Tensor;
}
