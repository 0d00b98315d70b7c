/**
 * The error a non-finite loss or gradient raises. Training cannot recover from a NaN (every later
 * update is NaN too), so the loop stops at the first one and says where it happened and why it
 * probably did.
 */

import { type LikelyCause, describeCause, formatCauses, likelyCauses } from "./likely-causes.js";

/**
 * What turned non-finite: checked in this order after each forward and backward pass; the
 * validation output is checked at the end of each epoch, after the epoch's last update.
 */
export type Divergence = "model output" | "loss" | "gradient norm" | "validation output";

/** What the loop knows when it diverges, used to rank the likely causes. */
export interface DivergenceContext {
  epoch: number;
  batch: number;
  step: number;
  quantity: Divergence;
  value: number;
  lr: number;
  /** Largest |x| in the training inputs. */
  maxAbsInput: number;
  clipping: boolean;
}

export class TrainingDivergedError extends Error {
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
  readonly quantity: Divergence;
  readonly value: number;
  /** Likely causes, most likely first, each with what to try. */
  readonly suggestions: readonly string[];
  /** The same causes as data, for a program to word in its own terms (a CLI in flags). */
  readonly causes: readonly LikelyCause[];

  constructor(context: DivergenceContext) {
    const causes = likelyCauses(context.lr, context.maxAbsInput, context.clipping, context.lr / 10);
    const output = context.quantity === "model output" || context.quantity === "validation output";
    const what = `the ${context.quantity} ${output ? "contains" : "is"} ${String(context.value)}`;
    super(`Training diverged at epoch ${context.epoch}, batch ${context.batch} (step ${context.step}): ${what}. Likely causes: ${formatCauses(causes)}.`);
    this.name = "TrainingDivergedError";
    this.epoch = context.epoch;
    this.batch = context.batch;
    this.step = context.step;
    this.quantity = context.quantity;
    this.value = context.value;
    this.causes = causes;
    this.suggestions = causes.map(describeCause);
  }
}
