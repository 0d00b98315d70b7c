import type { Parameter } from "../parameter.js";
import { type PenaltyOptions, WeightPenalty } from "./penalty.js";

/** Options of L2Penalty: its strength `lambda` and which parameters it covers (`include`). */
export type L2PenaltyOptions = PenaltyOptions;

/**
 * L2 regularisation as a loss term: R = (λ/2)·Σ w² over the chosen parameters. Add `value()` to
 * the data loss and call `backward()` once per step to add λ·w into the gradients.
 * docs/math_derivations.md §4.7 compares it with an optimizer's weight decay.
 */
export class L2Penalty extends WeightPenalty {
  constructor(params: readonly Parameter[], options: L2PenaltyOptions) {
    super("L2Penalty", params, options);
  }

  value(): number {
    let sum = 0;
    for (const p of this.params) {
      const w = p.value.data;
      for (let i = 0; i < w.length; i++) sum += w[i] * w[i];
    }
    return 0.5 * this.lambda * sum;
  }

  // docs/math_derivations.md §4.7: ∂R/∂w = λ·w, added like every other gradient
  backward(): void {
    const lambda = this.lambda;
    for (const p of this.params) {
      const w = p.value.data, g = p.grad.data;
      for (let i = 0; i < w.length; i++) g[i] += lambda * w[i];
    }
  }
}
