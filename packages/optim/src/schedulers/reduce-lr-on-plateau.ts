import { type JsonNumber, checkOptions, decodeJsonNumber, encodeJsonNumber, optionKeys } from "@nn/tensor";
import { checkInteger, checkNonNegative } from "../option-checks.js";
import type { LearningRateHolder } from "./scheduler.js";

export interface ReduceLROnPlateauOptions {
  /** 'min': the metric should fall (a loss); 'max': it should rise (an accuracy). Default 'min'. */
  mode?: "min" | "max";
  /** New lr = lr · factor, in [0, 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement tolerated before reducing. Default 10. */
  patience?: number;
  /** Minimum change that counts as an improvement. Default 1e-4. */
  threshold?: number;
  /** 'rel': beat best·(1 ∓ threshold); 'abs': beat best ∓ threshold. Default 'rel'. */
  thresholdMode?: "rel" | "abs";
  /** Epochs to wait after a reduction before counting bad epochs again. Default 0. */
  cooldown?: number;
  /** The rate never goes below this. Default 0. */
  minLr?: number;
  /** Reductions smaller than this are skipped. Default 1e-8. */
  eps?: number;
}

const REDUCE_LR_ON_PLATEAU_OPTIONS = optionKeys<ReduceLROnPlateauOptions>()(
  "mode", "factor", "patience", "threshold", "thresholdMode", "cooldown", "minLr", "eps",
);

export interface ReduceLROnPlateauStateDict {
  scheduler: "ReduceLROnPlateau";
  best: JsonNumber;
  numBadEpochs: number;
  cooldownCounter: number;
  lastEpoch: number;
}

/**
 * Cuts the rate by `factor` when a metric has stopped improving for more than `patience`
 * epochs, as `torch.optim.lr_scheduler.ReduceLROnPlateau`. Call `step(metric)` once per epoch
 * with the validation metric. docs/math_derivations.md §9.6
 */
export class ReduceLROnPlateau {
  readonly optimizer: LearningRateHolder;
  readonly mode: "min" | "max";
  readonly factor: number;
  readonly patience: number;
  readonly threshold: number;
  readonly thresholdMode: "rel" | "abs";
  readonly cooldown: number;
  readonly minLr: number;
  readonly eps: number;
  private best: number;
  private badEpochs = 0;
  private cooldownLeft = 0;
  private epoch = 0;

  constructor(optimizer: LearningRateHolder, options: ReduceLROnPlateauOptions = {}) {
    const name = "ReduceLROnPlateau";
    checkOptions(name, options, REDUCE_LR_ON_PLATEAU_OPTIONS);
    if (typeof optimizer?.lr !== "number") throw new TypeError(`${name}: expected an optimizer with an lr, got ${typeof optimizer}`);
    this.optimizer = optimizer;
    this.mode = checkChoice(name, "mode", options.mode ?? "min", ["min", "max"]);
    this.factor = checkNonNegative(name, "factor", options.factor ?? 0.1);
    if (this.factor >= 1) throw new RangeError(`${name}: factor must be in [0, 1), got ${this.factor}`);
    this.patience = checkInteger(name, "patience", options.patience ?? 10, 0);
    this.threshold = checkNonNegative(name, "threshold", options.threshold ?? 1e-4);
    this.thresholdMode = checkChoice(name, "thresholdMode", options.thresholdMode ?? "rel", ["rel", "abs"]);
    this.cooldown = checkInteger(name, "cooldown", options.cooldown ?? 0, 0);
    this.minLr = checkNonNegative(name, "minLr", options.minLr ?? 0);
    this.eps = checkNonNegative(name, "eps", options.eps ?? 1e-8);
    this.best = this.mode === "min" ? Infinity : -Infinity;
  }

  /** Best metric so far (±Infinity before the first step). */
  get bestMetric(): number {
    return this.best;
  }

  get numBadEpochs(): number {
    return this.badEpochs;
  }

  get lastEpoch(): number {
    return this.epoch;
  }

  /** Feeds one epoch's metric; may lower the optimizer's lr for the next epoch. */
  step(metric: number): void {
    if (typeof metric !== "number" || !Number.isFinite(metric)) {
      throw new RangeError(`ReduceLROnPlateau.step: metric must be a finite number, got ${String(metric)} (has training diverged?)`);
    }
    this.epoch += 1;
    if (this.isBetter(metric)) {
      this.best = metric;
      this.badEpochs = 0;
    } else {
      this.badEpochs += 1;
    }
    if (this.cooldownLeft > 0) {
      this.cooldownLeft -= 1;
      this.badEpochs = 0;
    }
    if (this.badEpochs > this.patience) {
      const old = this.optimizer.lr;
      const reduced = Math.max(old * this.factor, this.minLr);
      if (old - reduced > this.eps) this.optimizer.lr = reduced;
      this.cooldownLeft = this.cooldown;
      this.badEpochs = 0;
    }
  }

  stateDict(): ReduceLROnPlateauStateDict {
    return {
      scheduler: "ReduceLROnPlateau",
      best: encodeJsonNumber(this.best),
      numBadEpochs: this.badEpochs,
      cooldownCounter: this.cooldownLeft,
      lastEpoch: this.epoch,
    };
  }

  loadStateDict(dict: ReduceLROnPlateauStateDict): void {
    const where = "ReduceLROnPlateau.loadStateDict";
    if (dict?.scheduler !== "ReduceLROnPlateau") {
      throw new TypeError(`${where}: the state dict is for ${String(dict?.scheduler)}, not ReduceLROnPlateau`);
    }
    const best = decodeJsonNumber(dict.best, `${where}: best`);
    const bad = checkInteger(where, "numBadEpochs", dict.numBadEpochs, 0);
    const cooldownLeft = checkInteger(where, "cooldownCounter", dict.cooldownCounter, 0);
    const epoch = checkInteger(where, "lastEpoch", dict.lastEpoch, 0);
    this.best = best;
    this.badEpochs = bad;
    this.cooldownLeft = cooldownLeft;
    this.epoch = epoch;
  }

  private isBetter(metric: number): boolean {
    const best = this.best;
    if (this.mode === "min") {
      return this.thresholdMode === "rel" ? metric < best * (1 - this.threshold) : metric < best - this.threshold;
    }
    return this.thresholdMode === "rel" ? metric > best * (this.threshold + 1) : metric > best + this.threshold;
  }
}

function checkChoice<T extends string>(owner: string, option: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new RangeError(`${owner}: ${option} must be one of ${allowed.map((a) => `'${a}'`).join(", ")}, got ${JSON.stringify(value)}`);
  }
  return value;
}
