import { checkOptions, optionKeys } from "@nn/tensor";
import { checkInteger } from "../option-checks.js";
import { EpochScheduler, type LearningRateHolder, type SchedulerStateDict } from "./scheduler.js";

export interface LinearWarmupOptions {
  /** Number of `step()` calls the ramp lasts. */
  steps: number;
  /** Scheduler (made on the same optimizer) that takes over when the ramp ends; default: constant lr. */
  after?: EpochScheduler;
}

const LINEAR_WARMUP_OPTIONS = optionKeys<LinearWarmupOptions>()("steps", "after");

/**
 * Ramps the rate linearly up to baseLr, then hands over to `after` (restarting its count):
 * lr(e) = baseLr·(e+1)/steps for e < steps, then after.lrAt(e − steps).
 * docs/math_derivations.md §9.6
 */
export class LinearWarmup extends EpochScheduler {
  readonly steps: number;
  readonly after: EpochScheduler | undefined;

  constructor(optimizer: LearningRateHolder, options: LinearWarmupOptions) {
    super("LinearWarmup", optimizer);
    checkOptions("LinearWarmup", options, LINEAR_WARMUP_OPTIONS);
    this.steps = checkInteger("LinearWarmup", "steps", options?.steps, 1);
    const after = options.after;
    if (after !== undefined) {
      if (!(after instanceof EpochScheduler)) {
        throw new TypeError("LinearWarmup: after must be StepLR, ExponentialLR, CosineAnnealingLR or LinearWarmup (ReduceLROnPlateau needs a metric)");
      }
      if (after.optimizer !== optimizer) throw new RangeError("LinearWarmup: after must schedule the same optimizer");
      if (after.lastEpoch !== 0) throw new RangeError(`LinearWarmup: after must not have been stepped yet, its lastEpoch is ${after.lastEpoch}`);
    }
    this.after = after;
    // The ramp climbs to the rate `after` starts from, whatever lr it left on the optimizer.
    if (after !== undefined) this.base = after.baseLr;
    this.start();
  }

  lrAt(epoch: number): number {
    if (epoch < this.steps) return (this.base * (epoch + 1)) / this.steps;
    return this.after === undefined ? this.base : this.after.lrAt(epoch - this.steps);
  }

  override step(): void {
    super.step();
    // Keep the wrapped scheduler's own count equal to the epochs it has been in charge.
    if (this.after !== undefined && this.lastEpoch > this.steps) this.after.step();
  }

  override stateDict(): SchedulerStateDict {
    const dict = super.stateDict();
    if (this.after !== undefined) dict.after = this.after.stateDict();
    return dict;
  }

  override loadStateDict(dict: SchedulerStateDict): void {
    if (this.after !== undefined) {
      if (dict?.after === undefined) throw new RangeError("LinearWarmup.loadStateDict: the state dict has no after scheduler but this warmup has one");
      this.after.loadStateDict(dict.after);
    }
    super.loadStateDict(dict);
  }
}
