import { checkOptions, elementary, optionKeys } from "@nn/tensor";
import { checkNonNegative } from "../option-checks.js";
import { EpochScheduler, type LearningRateHolder } from "./scheduler.js";

export interface ExponentialLROptions {
  /** Multiply the rate by gamma at every `step()`. */
  gamma: number;
}

const EXPONENTIAL_LR_OPTIONS = optionKeys<ExponentialLROptions>()("gamma");

/** lr = baseLr · ρ^epoch with ρ = `gamma` (`torch.optim.lr_scheduler.ExponentialLR`). docs/math_derivations.md §9.6 */
export class ExponentialLR extends EpochScheduler {
  readonly gamma: number;

  constructor(optimizer: LearningRateHolder, options: ExponentialLROptions) {
    super("ExponentialLR", optimizer);
    checkOptions("ExponentialLR", options, EXPONENTIAL_LR_OPTIONS);
    if (options?.gamma === undefined) throw new RangeError("ExponentialLR: gamma is required (a finite number ≥ 0)");
    this.gamma = checkNonNegative("ExponentialLR", "gamma", options.gamma);
    this.start();
  }

  lrAt(epoch: number): number {
    return this.base * elementary.pow(this.gamma, epoch);
  }
}
