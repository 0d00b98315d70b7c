import type { Parameter } from "../parameter.js";
import { type PenaltyOptions, WeightPenalty } from "./penalty.js";

/** Options of L1Penalty: its strength `lambda` and which parameters it covers (`include`). */
export type L1PenaltyOptions = PenaltyOptions;

/**
 * L1 regularisation as a loss term: R = λ·Σ|w| over the chosen parameters. Its gradient λ·sign(w)
 * has the same size however small w is, so it holds small weights near zero: the sparse networks
 * the Playground shows with L1.
 * docs/math_derivations.md §4.8.
 */
export class L1Penalty extends WeightPenalty {
  constructor(params: readonly Parameter[], options: L1PenaltyOptions) {
    super("L1Penalty", params, options);
  }

  value(): number {
    let sum = 0;
    for (const p of this.params) {
      const w = p.value.data;
      for (let i = 0; i < w.length; i++) sum += Math.abs(w[i]);
    }
    return this.lambda * sum;
  }

  // docs/math_derivations.md §4.8: ∂R/∂w = λ·sign(w), the subgradient 0 at w = 0
  backward(): void {
    const lambda = this.lambda;
    for (const p of this.params) {
      const w = p.value.data, g = p.grad.data;
      for (let i = 0; i < w.length; i++) g[i] += w[i] > 0 ? lambda : w[i] < 0 ? -lambda : 0;
    }
  }
}
