import type { Tensor } from "@nn/tensor";
import { checkBinaryTargets } from "./binary-targets.js";
import { ElementwiseLoss } from "./loss.js";
import { elementary } from "@nn/tensor";

/** PyTorch floors each log at −100, so p = 0 or 1 gives a large but finite loss. */
const LOG_FLOOR = -100;
/** PyTorch's floor on p·(1 − p) in the gradient, which keeps it finite at p = 0 or 1. */
const GRAD_EPS = 1e-12;

/**
 * Binary cross-entropy on probabilities p ∈ [0, 1]:
 * L = −mean(t·log p + (1 − t)·log(1 − p)), each log floored at −100 as PyTorch's BCELoss.
 * For a model ending in Sigmoid prefer BCEWithLogitsLoss on the logits: it is exact where this saturates.
 */
export class BinaryCrossEntropyLoss extends ElementwiseLoss {
  /** Classification: one probability per row (see `Loss.prediction`). */
  readonly prediction = "probability" as const;
  protected total(p: Tensor["data"], t: Tensor["data"]): number {
    checkBinaryTargets("BinaryCrossEntropyLoss", t);
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      const pi = p[i];
      if (!(pi >= 0 && pi <= 1)) {
        throw new RangeError(`BinaryCrossEntropyLoss: predictions must be probabilities in [0, 1], got ${pi} at index ${i} (pass logits to BCEWithLogitsLoss instead)`);
      }
      sum -= t[i] * Math.max(elementary.log(pi), LOG_FLOOR) + (1 - t[i]) * Math.max(elementary.log1p(-pi), LOG_FLOOR);
    }
    return sum;
  }

  // docs/math_derivations.md §4.1: ∂L/∂p = (p − t) / (p(1 − p)) / N
  protected gradient(p: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    for (let i = 0; i < p.length; i++) g[i] = (scale * (p[i] - t[i])) / Math.max(p[i] * (1 - p[i]), GRAD_EPS);
  }
}
