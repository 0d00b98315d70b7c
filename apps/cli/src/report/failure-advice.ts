import { type LikelyCause, TrainingDivergedError, TrainingSaturatedError } from "@nn/train";
import { formatLr } from "../state/reducer.js";
import { formatMetric } from "./format-number.js";

/** What to change on the command line for each likely cause (the library words them as code). */
function flagFor(cause: LikelyCause): string {
  switch (cause.kind) {
    case "learning-rate":
      return `a lower --lr (it is ${formatLr(cause.lr)}; try --lr ${formatLr(Math.min(cause.suggested, 0.1))})`;
    case "no-clipping":
      return "--clip 1";
    case "unscaled-inputs":
      return "standardised inputs (drop --no-standardize)";
  }
}

/** `Try a lower --lr (…), --clip 1.` */
export function adviceInFlags(causes: readonly LikelyCause[]): string {
  return `Try ${causes.map(flagFor).join(", ")}.`;
}

const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;

/**
 * The error a failed run reports, in the CLI's terms: which epoch and batch, what happened, and
 * which flags to change. Errors other than a divergence or a saturated run pass through unchanged.
 */
export function failureInCliTerms(error: unknown): Error {
  if (error instanceof TrainingSaturatedError) {
    return new Error(
      `the network saturated and stopped learning (epoch ${error.epoch}, batch ${error.batch}): for 5 epochs the loss stayed near ` +
        `${formatMetric(error.loss)} (guessing the class shares scores ${formatMetric(error.priorLoss)}), the accuracy at ` +
        `${percent(error.accuracy)} (chance: ${percent(error.chance)}) and the gradient norm at ${formatMetric(error.gradNorm)}. ` +
        adviceInFlags(error.causes),
      { cause: error },
    );
  }
  if (error instanceof TrainingDivergedError) {
    const output = error.quantity === "model output" || error.quantity === "validation output";
    return new Error(
      `training diverged at epoch ${error.epoch}, batch ${error.batch}: the ${error.quantity} ${output ? "contains" : "is"} ` +
        `${String(error.value)}. ${adviceInFlags(error.causes)}`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
