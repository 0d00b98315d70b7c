import { checkOptions, elementary, optionKeys } from "@nn/tensor";
import { checkInteger, checkNonNegative } from "../option-checks.js";
import { EpochScheduler, type LearningRateHolder } from "./scheduler.js";

export interface StepLROptions {
  /** Multiply the rate by gamma every `stepSize` calls to `step()`. */
  stepSize: number;
  /** Default 0.1, as PyTorch. */
  gamma?: number;
}

const STEP_LR_OPTIONS = optionKeys<StepLROptions>()("stepSize", "gamma");

/** lr = baseLr · ρ^⌊epoch / stepSize⌋ with ρ = `gamma` (`torch.optim.lr_scheduler.StepLR`). docs/math_derivations.md §9.6 */
export class StepLR extends EpochScheduler {
  readonly stepSize: number;
  readonly gamma: number;

  constructor(optimizer: LearningRateHolder, options: StepLROptions) {
    super("StepLR", optimizer);
    checkOptions("StepLR", options, STEP_LR_OPTIONS);
    this.stepSize = checkInteger("StepLR", "stepSize", options?.stepSize, 1);
    this.gamma = checkNonNegative("StepLR", "gamma", options.gamma ?? 0.1);
    this.start();
  }

  lrAt(epoch: number): number {
    return this.base * elementary.pow(this.gamma, Math.floor(epoch / this.stepSize));
  }
}
