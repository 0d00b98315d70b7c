import { checkOptions, optionKeys } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import type { Parameter } from "../parameter.js";

/**
 * A regularisation term R(θ) of the parameters, added to a data loss: `value()` is R, and
 * `backward()` adds ∂R/∂θ into the parameters' `grad` (once per step, like a layer's backward).
 */
export interface Penalty {
  value(): number;
  backward(): void;
}

/** Options of a weight penalty (L1Penalty, L2Penalty). */
export interface PenaltyOptions {
  /** Strength λ ≥ 0. */
  lambda: number;
  /** Which parameters to penalise; default: Dense weights (kind `weight`), not biases or norm scales. */
  include?: (p: Parameter) => boolean;
}

const PENALTY_OPTIONS = optionKeys<PenaltyOptions>()("lambda", "include");

/** The default choice of penalised parameters: Dense weights, not biases or norm scales. */
function isDenseWeight(p: Parameter): boolean {
  return p.kind === undefined ? p.name === "weight" || p.name.endsWith(".weight") : p.kind === "weight";
}

/** What every weight penalty shares: a checked strength λ and the parameters it covers. Subclasses hold their formula's two loops. */
export abstract class WeightPenalty implements Penalty {
  readonly lambda: number;
  readonly params: readonly Parameter[];

  protected constructor(owner: string, params: readonly Parameter[], options: PenaltyOptions) {
    checkOptions(owner, options, PENALTY_OPTIONS);
    this.lambda = checkNumberOption(owner, "lambda", options.lambda, (v) => v >= 0 && Number.isFinite(v), "a finite number >= 0");
    this.params = params.filter(options.include ?? isDenseWeight);
  }

  abstract value(): number;
  abstract backward(): void;
}
