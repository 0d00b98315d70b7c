import { type Tensor, ShapeError, formatShape, sameShape } from "@nn/tensor";
import { LayerInputError } from "../errors.js";
import { resultTensor } from "../layer-base.js";

/**
 * A scalar loss of a batch of predictions. `backward(out?)` returns dL/dpred for the inputs of the
 * last `forward`: a new tensor the caller owns, or `out` filled in (pred's shape and dtype), which
 * lets a training loop allocate nothing.
 */
export interface Loss {
  forward(pred: Tensor, target: Tensor): number;
  backward(out?: Tensor): Tensor;
  /**
   * What `pred` holds for a classification loss, which tells a training loop the task without
   * knowing the class: one probability per row (`BinaryCrossEntropyLoss`), one logit per row
   * (`BCEWithLogitsLoss`) or k logits per row (`SoftmaxCrossEntropyLoss`). Absent for regression.
   */
  readonly prediction?: LossPrediction;
}

/** See `Loss.prediction`. */
export type LossPrediction = "probability" | "logit" | "logits";


/**
 * Element-wise losses need pred and target of one shape. A target [n] is also accepted for a
 * prediction [n, 1] (class labels against a one-output model); the elements pair up the same way.
 */
export function checkPair(loss: string, pred: Tensor, target: Tensor): void {
  if (typeof pred !== "object" || pred === null || !("data" in pred)) throw new TypeError(`${loss}: pred must be a Tensor`);
  if (typeof target !== "object" || target === null || !("data" in target)) throw new TypeError(`${loss}: target must be a Tensor`);
  const columnAgainstVector = pred.rank === 2 && pred.shape[1] === 1 && target.rank === 1 && target.shape[0] === pred.shape[0];
  if (!sameShape(pred.shape, target.shape) && !columnAgainstVector) {
    throw new ShapeError(`${loss}: target shape ${formatShape(target.shape)} does not match prediction shape ${formatShape(pred.shape)}`);
  }
  if (pred.size === 0) throw new ShapeError(`${loss}: empty batch ${formatShape(pred.shape)}; the mean of no elements is undefined`);
}

/**
 * A loss that is the mean over every element of f(pred, target) (PyTorch's `reduction='mean'`).
 * Subclasses hold the two loops of their formula.
 */
export abstract class ElementwiseLoss implements Loss {
  private pred: Tensor | undefined;
  private target: Tensor | undefined;

  /** Σᵢ f(pred[i], target[i]). */
  protected abstract total(pred: Tensor["data"], target: Tensor["data"]): number;
  /** grad[i] = scale · ∂f/∂pred at element i, with scale = 1/N. */
  protected abstract gradient(pred: Tensor["data"], target: Tensor["data"], grad: Tensor["data"], scale: number): void;

  forward(pred: Tensor, target: Tensor): number {
    checkPair(this.constructor.name, pred, target);
    this.pred = pred;
    this.target = target;
    return this.total(pred.data, target.data) / pred.size;
  }

  backward(out?: Tensor): Tensor {
    const pred = this.pred;
    if (pred === undefined) throw new LayerInputError(this.constructor.name, "backward called before forward");
    const grad = resultTensor(this.constructor.name, pred, out, "gradient");
    this.gradient(pred.data, (this.target as Tensor).data, grad.data, 1 / pred.size);
    return grad;
  }
}
