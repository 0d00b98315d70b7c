import type { Tensor } from "@nn/tensor";

/**
 * Binary cross-entropies take targets in [0, 1] (labels 0/1 or soft probabilities). A label of 2
 * gives a loss that keeps falling as the logit grows without bound, so the model learns nothing
 * useful and no error ever shows: refuse it, naming the index and pointing at the fix.
 */
export function checkBinaryTargets(loss: string, t: Tensor["data"]): void {
  for (let i = 0; i < t.length; i++) {
    const ti = t[i];
    if (!(ti >= 0 && ti <= 1)) {
      throw new RangeError(
        `${loss}: targets must be in [0, 1] (labels 0/1 or probabilities), got ${ti} at index ${i} (for more than two classes use SoftmaxCrossEntropyLoss)`,
      );
    }
  }
}
