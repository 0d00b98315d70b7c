import type { DType, Tensor } from "@nn/tensor";
import type { LayerSpec } from "./json.js";
import type { NamedBuffer, Parameter } from "./parameter.js";

/** `train` uses batch statistics and random masks; `eval` is deterministic (PyTorch's `model.eval()`). */
export type Mode = "train" | "eval";

/**
 * A differentiable function of a batch, with parameters. `forward` caches what `backward` needs;
 * `backward(dy)` returns dL/dx and ADDS into each parameter's `grad`.
 *
 * Returned tensors may be the layer's own buffers, overwritten by the next call with the same
 * batch size (so a training step allocates nothing). Clone a result you want to keep.
 */
export interface Layer {
  /** The layer's type as written in model files: `Dense`, `ReLU`, ... */
  readonly typeName: string;
  readonly dtype: DType;
  /** `mode` defaults to `train`, as a fresh PyTorch module is in training mode. */
  forward(x: Tensor, mode?: Mode): Tensor;
  backward(dy: Tensor): Tensor;
  parameters(): Parameter[];
  /** Non-trainable state (BatchNorm's `running_mean`, `running_var`, `num_batches_tracked`). */
  buffers(): NamedBuffer[];
  /** A deep copy with parameters and buffers converted to `dtype`. */
  cast(dtype: DType): Layer;
  /** Width of the output for an input of `inputFeatures` (undefined when unknown); throws if it cannot take it. */
  outputFeatures(inputFeatures: number | undefined): number | undefined;
  /** A short description for summaries and errors: `Dense(2→16)`, `LeakyReLU(0.01)`. */
  describe(): string;
  /** Architecture only; weights travel in the model file's flat state dict. */
  toSpec(): LayerSpec;
  /** While held, Dropout reuses its last mask so numerical gradient checks see a fixed function. */
  holdRandomness?(hold: boolean): void;
}
