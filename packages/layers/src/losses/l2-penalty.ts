import { checkOptions, optionKeys } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import type { Parameter } from "../parameter.js";

const L2_PENALTY_OPTIONS = optionKeys<L2PenaltyOptions>()("lambda", "include");

export interface L2PenaltyOptions {
  /** Strength λ ≥ 0. */
  lambda: number;
  /** Which parameters to penalise; default: Dense weights (kind `weight`), not biases or norm scales. */
  include?: (p: Parameter) => boolean;
}

function isDenseWeight(p: Parameter): boolean {
  return p.kind === undefined ? p.name === "weight" || p.name.endsWith(".weight") : p.kind === "weight";
}

/**
 * L2 regularisation as a loss term: R = (λ/2)·Σ w² over the chosen parameters. Add `value()` to
 * the data loss and call `backward()` once per step to add λ·w into the gradients.
 * docs/math_derivations.md §4.7 compares it with an optimizer's weight decay.
 */
export class L2Penalty {
  readonly lambda: number;
  readonly params: readonly Parameter[];

  constructor(params: readonly Parameter[], options: L2PenaltyOptions) {
    checkOptions("L2Penalty", options, L2_PENALTY_OPTIONS);
    this.lambda = checkNumberOption("L2Penalty", "lambda", options.lambda, (v) => v >= 0 && Number.isFinite(v), "a finite number >= 0");
    const include = options.include ?? isDenseWeight;
    this.params = params.filter(include);
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
