import type { TaskSpec } from "./task.js";
import type { BinaryOutput, TaskKind, TrainableModel } from "./types.js";

/**
 * What `fit` records in a model's `metadata.trainedWith`, so that predictions made later — in the
 * same script, or after `saveModel` / `loadModel` — know what the outputs mean without being told:
 * a single output trained with BCEWithLogitsLoss is a logit (class 1 when ≥ 0), not a probability.
 */
export interface TrainedWith {
  /** The loss's class name, for people reading the model file. */
  loss: string;
  task: TaskKind;
  /** For a binary task: what the single output holds. */
  binaryOutput?: BinaryOutput;
}

export const TRAINED_WITH_KEY = "trainedWith";

/** Stores the task in `model.metadata` when the model has metadata (a Sequential does), keeping the rest. */
export function recordTrainedWith(model: TrainableModel, spec: TaskSpec, lossLabel: string): void {
  if (!("metadata" in model)) return;
  const record: TrainedWith = { loss: lossLabel, task: spec.task, ...(spec.task === "binary" ? { binaryOutput: spec.binaryOutput } : {}) };
  model.metadata = { ...(model.metadata ?? {}), [TRAINED_WITH_KEY]: record };
}

/** The record `fit` left in the model's metadata, when there is a well-formed one. */
export function trainedWithOf(model: TrainableModel): TrainedWith | undefined {
  const value = model.metadata?.[TRAINED_WITH_KEY] as Partial<TrainedWith> | undefined;
  if (typeof value !== "object" || value === null || typeof value.task !== "string") return undefined;
  return value as TrainedWith;
}
