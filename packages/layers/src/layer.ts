import type { DType, Tensor } from "@nn/tensor";
import type { LayerSpec } from "./json.js";
import type { NamedBuffer, Parameter } from "./parameter.js";

/** `train` uses batch statistics and random masks; `eval` is deterministic (PyTorch's `model.eval()`). */
export type Mode = "train" | "eval";

/**
 * A differentiable function of a batch, with parameters. `forward` caches what `backward` needs;
 * `backward(dy)` returns dL/dx and ADDS into each parameter's `grad`.
 *
 * A result handed to the caller is the caller's: a later call never writes into it. Each call
 * returns a new tensor, or writes into `out` when given (same shape and dtype as the result),
 * which lets a hot loop allocate nothing. Built-in layers keep their working buffers inside and
 * reuse them (docs/design_notes.md, "Who owns a result").
 */
export interface Layer {
  /** The layer's type as written in model files: `Dense`, `ReLU`, ... */
  readonly typeName: string;
  /**
   * The dtype of the layer's parameters. Undefined for a layer without parameters (activations,
   * Dropout, Softmax, a container of such layers): it computes in the dtype of its input.
   */
  readonly dtype: DType | undefined;
  /** `mode` defaults to `train`, as a fresh PyTorch module is in training mode. */
  forward(x: Tensor, mode?: Mode, out?: Tensor): Tensor;
  backward(dy: Tensor, out?: Tensor): Tensor;
  /**
   * `backward` for an input that needs no gradient (training data): adds the same parameter
   * gradients but computes no dL/dx. Every built-in layer has it; optional for others.
   */
  backwardToParameters?(dy: Tensor): void;
  parameters(): Parameter[];
  /** Non-trainable state (BatchNorm's `running_mean`, `running_var`, `num_batches_tracked`). */
  buffers(): NamedBuffer[];
  /** A deep copy with parameters and buffers converted to `dtype` (the original is unchanged). */
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
