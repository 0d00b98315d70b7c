import { type DType, Tensor, formatShape, sameShape, zeros } from "@nn/tensor";
import { LayerInputError } from "./errors.js";
import { checkMode, checkTensorInput } from "./input-checks.js";
import type { LayerSpec } from "./json.js";
import type { Layer, Mode } from "./layer.js";
import type { NamedBuffer, Parameter } from "./parameter.js";

/**
 * The passes that return the layer's own buffers (overwritten by its next call). Containers chain
 * them so a model's intermediate results never leave it; only the final result is copied out.
 * Symbols rather than names keep them out of the public API.
 */
export const forwardShared: unique symbol = Symbol("nn.layers.forwardShared");
export const backwardShared: unique symbol = Symbol("nn.layers.backwardShared");

/**
 * Fusion of neighbours in a Sequential: `layer[absorbsNext](next)` says whether the layer can
 * compute `next`'s forward as part of its own (Dense: a ReLU as its product's epilogue);
 * `layer[forwardAbsorbing](x, mode, next)` then returns next's output and leaves `next` ready for
 * its backward, which it did through `next[adoptForward](x, y)`.
 */
export const absorbsNext: unique symbol = Symbol("nn.layers.absorbsNext");
export const forwardAbsorbing: unique symbol = Symbol("nn.layers.forwardAbsorbing");
export const adoptForward: unique symbol = Symbol("nn.layers.adoptForward");

/**
 * The ownership rule of every built-in layer (docs/design_notes.md, "Who owns a result"):
 * `forward` and `backward` compute into the layer's own reused buffers, then hand the caller a copy
 * (or write it into the caller's `out`). A result the caller holds is never written again.
 */
export abstract class LayerBase implements Layer {
  abstract readonly typeName: string;
  abstract readonly dtype: DType | undefined;

  /** y for x, in the layer's own buffer (reused by the next call of the same shape). */
  abstract [forwardShared](x: Tensor, mode: Mode): Tensor;
  /**
   * dL/dx for dy, in the layer's own buffer; adds into the parameters' gradients. With
   * `inputGradient` false the caller will not read dL/dx (a model's input needs no gradient), so
   * a layer may skip computing it and return anything; the parameter gradients are still added.
   */
  abstract [backwardShared](dy: Tensor, inputGradient?: boolean): Tensor;

  abstract parameters(): Parameter[];
  abstract buffers(): NamedBuffer[];
  abstract cast(dtype: DType): Layer;
  abstract outputFeatures(inputFeatures: number | undefined): number | undefined;
  abstract describe(): string;
  abstract toSpec(): LayerSpec;

  /** Whether this layer computes `next`'s forward in its own (see `absorbsNext`); none does by default. */
  [absorbsNext](_next: Layer): boolean {
    return false;
  }

  /** This layer's forward with `next`'s applied (only called after `[absorbsNext](next)` said yes). */
  [forwardAbsorbing](x: Tensor, mode: Mode, _next: Layer): Tensor {
    return this[forwardShared](x, mode);
  }

  /** A new tensor, or `out` when given (it must have the output's shape and dtype: no allocation then). */
  forward(x: Tensor, mode: Mode = "train", out?: Tensor): Tensor {
    checkMode(this, mode);
    checkTensorInput(this, x);
    if (out !== undefined && out.data === x.data) {
      throw new LayerInputError(this.describe(), "out must not be the input: backward needs the input as it was");
    }
    return handOut(this, this[forwardShared](x, mode), out, "output");
  }

  /** dL/dx as a new tensor, or in `out` when given. Adds into each parameter's `grad`. */
  backward(dy: Tensor, out?: Tensor): Tensor {
    checkTensorInput(this, dy, "gradient");
    return handOut(this, this[backwardShared](dy), out, "gradient");
  }

  /**
   * `backward` for a model whose input needs no gradient (training data, as PyTorch's
   * `requires_grad=False`): adds into each parameter's `grad` exactly as `backward` does, but
   * computes no dL/dx, so the first layer skips its input-gradient product (dy·Wᵀ, about a
   * quarter of a wide first layer's arithmetic) and layers before the first parameter are skipped.
   */
  backwardToParameters(dy: Tensor): void {
    if (this.backward !== LayerBase.prototype.backward) {
      this.backward(dy); // a subclass's own backward is honoured; its dL/dx is dropped
      return;
    }
    checkTensorInput(this, dy, "gradient");
    this[backwardShared](dy, false);
  }
}

/** `out` after checking it can hold a result of `like`'s shape and dtype, else a new zero tensor. */
export function resultTensor(owner: string, like: Tensor, out: Tensor | undefined, what: string): Tensor {
  if (out === undefined) return zeros(like.shape, like.dtype);
  if (!(out instanceof Tensor)) throw new LayerInputError(owner, `out must be a Tensor, got ${out === null ? "null" : typeof out}`);
  if (out.dtype !== like.dtype || !sameShape(out.shape, like.shape)) {
    throw new LayerInputError(owner, `out must be ${like.dtype} ${formatShape(like.shape)} to hold the ${what}, got ${out.dtype} ${formatShape(out.shape)}`);
  }
  return out;
}

/** A copy of `result` that the caller owns: a new tensor, or `out` filled in. */
export function handOut(layer: { describe(): string }, result: Tensor, out: Tensor | undefined, what: string): Tensor {
  if (out === undefined) return result.clone();
  const target = resultTensor(layer.describe(), result, out, what);
  if (target.data !== result.data) target.data.set(result.data);
  return target;
}

/**
 * A child's forward inside a container: the shared-buffer pass of a built-in layer, or `forward`
 * for any other Layer and for a subclass that overrides `forward` (so the override is honoured).
 */
export function chainForward(layer: Layer, x: Tensor, mode: Mode): Tensor {
  return layer.forward === LayerBase.prototype.forward ? (layer as LayerBase)[forwardShared](x, mode) : layer.forward(x, mode);
}

/** A child's backward inside a container (see chainForward); `inputGradient` as in `backwardShared`. */
export function chainBackward(layer: Layer, dy: Tensor, inputGradient = true): Tensor {
  return layer.backward === LayerBase.prototype.backward ? (layer as LayerBase)[backwardShared](dy, inputGradient) : layer.backward(dy);
}
