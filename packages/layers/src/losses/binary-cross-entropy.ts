import type { Tensor } from "@nn/tensor";
import { checkBinaryTargets } from "./binary-targets.js";
import { ElementwiseLoss } from "./loss.js";
import { elementary } from "@nn/tensor";

/** PyTorch floors each log at −100, so p = 0 or 1 gives a large but finite loss. */
const LOG_FLOOR = -100;
/** PyTorch's floor on p·(1 − p) in the gradient, which keeps it finite at p = 0 or 1. */
const GRAD_EPS = 1e-12;

/*
 * A hard label (t = 0 or 1) weighs one of the two logs by exactly 0. The clamped log is finite,
 * so that product is a zero whose sign is the log's: +0 where the log is +0 (ln 1, ln(1 + 0)),
 * −0 everywhere else. A stand-in of the same sign (0 or −1) gives the same product, so the sum
 * keeps every bit while half of the logs, the costly part of the loss, are not evaluated.
 */

/** max(ln p, −100), or a stand-in of its sign when `weightedByZero`. */
function logOrStandIn(p: number, weightedByZero: boolean): number {
  if (weightedByZero) return p === 1 ? 0 : -1;
  return Math.max(elementary.log(p), LOG_FLOOR);
}

/** max(ln(1 + q), −100), or a stand-in of its sign when `weightedByZero` (ln(1 + q) is +0 only for q = +0). */
function log1pOrStandIn(q: number, weightedByZero: boolean): number {
  if (weightedByZero) return Object.is(q, 0) ? 0 : -1;
  return Math.max(elementary.log1p(q), LOG_FLOOR);
}

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
      const ti = t[i];
      sum -= ti * logOrStandIn(pi, ti === 0) + (1 - ti) * log1pOrStandIn(-pi, ti === 1);
    }
    return sum;
  }

  // docs/math_derivations.md §4.1: ∂L/∂p = (p − t) / (p(1 − p)) / N
  protected gradient(p: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    for (let i = 0; i < p.length; i++) g[i] = (scale * (p[i] - t[i])) / Math.max(p[i] * (1 - p[i]), GRAD_EPS);
  }
}
