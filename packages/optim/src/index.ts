export type { Parameter } from "./parameter.js";
export {
  Optimizer,
  type Hyperparameters,
  type OptimizerStateDict,
  type ParameterState,
  type ParameterStateDict,
} from "./optimizer.js";
export type { EncodedBuffer } from "./optimizer.js";
export type { JsonNumber } from "@nn/tensor";
// Sorted in order of increasing complexity.
export { SGD, type SGDOptions, type SGDConfig } from "./sgd.js";
export { Adagrad, type AdagradOptions, type AdagradConfig } from "./adagrad.js";
export { RMSprop, type RMSpropOptions, type RMSpropConfig } from "./rmsprop.js";
export { Adam, type AdamOptions, type AdamConfig } from "./adam.js";
export { AdamW } from "./adamw.js";
export { EpochScheduler, type LearningRateHolder, type SchedulerStateDict } from "./schedulers/scheduler.js";
export { StepLR, type StepLROptions } from "./schedulers/step-lr.js";
export { ExponentialLR, type ExponentialLROptions } from "./schedulers/exponential-lr.js";
export { CosineAnnealingLR, type CosineAnnealingLROptions } from "./schedulers/cosine-annealing-lr.js";
export { LinearWarmup, type LinearWarmupOptions } from "./schedulers/linear-warmup.js";
export {
  ReduceLROnPlateau,
  type ReduceLROnPlateauOptions,
  type ReduceLROnPlateauStateDict,
} from "./schedulers/reduce-lr-on-plateau.js";
export { clipGradNorm, clipGradValue, type ClipGradNormOptions } from "./clip.js";
