import type { BinaryOutput, TaskKind, TrainLoss } from "./types.js";

/** What the model predicts and, for a binary task, what its single output means. */
export interface TaskSpec {
  task: TaskKind;
  binaryOutput: BinaryOutput;
}

/**
 * The task implied by the loss, unless given, read from what the loss says it takes
 * (`Loss.prediction`): one probability (BinaryCrossEntropyLoss) or one logit (BCEWithLogitsLoss)
 * mean a binary task, k logits (SoftmaxCrossEntropyLoss) a multiclass one, and a loss that says
 * nothing is regression.
 */
export function resolveTask(loss: TrainLoss, task?: TaskKind, binaryOutput?: BinaryOutput): TaskSpec {
  const prediction = loss.prediction;
  const inferred: TaskKind = prediction === "probability" || prediction === "logit" ? "binary" : prediction === "logits" ? "multiclass" : "regression";
  return { task: task ?? inferred, binaryOutput: binaryOutput ?? (prediction === "logit" ? "logit" : "probability") };
}

/** A loss's class name for messages (`BinaryCrossEntropyLoss`), or `the loss` when it has none. */
export function lossName(loss: TrainLoss): string {
  const name = (loss as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "Object" && name !== "" ? name : "the loss";
}

/**
 * Number of classes (the confusion matrix is that square), checked against the model's output
 * width: one unit for a binary task, one per class for multiclass. 0 for regression.
 */
export function resolveClasses(spec: TaskSpec, width: number, labelClasses: number, numClasses: number | undefined, lossLabel: string): number {
  if (spec.task === "regression") return 0;
  if (spec.task === "binary") {
    if (width !== 1) {
      const hint = width === 2 ? " (for two logits use SoftmaxCrossEntropyLoss)" : "";
      throw new RangeError(`a binary task (${lossLabel}) needs a model with 1 output unit; this model outputs ${width}${hint}`);
    }
    return 2;
  }
  if (width < 2) {
    throw new RangeError(`a multiclass task (${lossLabel}) needs one output per class; this model outputs ${width} (for one sigmoid unit use BinaryCrossEntropyLoss)`);
  }
  const needed = Math.max(labelClasses, numClasses ?? 0);
  if (needed > width) throw new RangeError(`the data has ${needed} classes but the model outputs only ${width}`);
  return width;
}
