import { checkOptions, optionKeys, elementary } from "@nn/tensor";
import { checkInteger, checkNonNegative } from "../option-checks.js";
import { EpochScheduler, type LearningRateHolder } from "./scheduler.js";

export interface CosineAnnealingLROptions {
  /** Half-period: the rate reaches etaMin after tMax calls to `step()`. */
  tMax: number;
  /** Lowest rate, default 0. */
  etaMin?: number;
}

const COSINE_ANNEALING_LR_OPTIONS = optionKeys<CosineAnnealingLROptions>()("tMax", "etaMin");

/**
 * lr = etaMin + (baseLr − etaMin)·(1 + cos(π·epoch/tMax))/2, PyTorch's closed form of
 * `CosineAnnealingLR` (no restarts: past tMax the rate climbs back along the same cosine, as
 * PyTorch's does). docs/math_derivations.md §9.6
 */
export class CosineAnnealingLR extends EpochScheduler {
  readonly tMax: number;
  readonly etaMin: number;

  constructor(optimizer: LearningRateHolder, options: CosineAnnealingLROptions) {
    super("CosineAnnealingLR", optimizer);
    checkOptions("CosineAnnealingLR", options, COSINE_ANNEALING_LR_OPTIONS);
    this.tMax = checkInteger("CosineAnnealingLR", "tMax", options?.tMax, 1);
    this.etaMin = checkNonNegative("CosineAnnealingLR", "etaMin", options.etaMin ?? 0);
    this.start();
  }

  lrAt(epoch: number): number {
    return this.etaMin + ((this.base - this.etaMin) * (1 + elementary.cos((Math.PI * epoch) / this.tMax))) / 2;
  }
}
