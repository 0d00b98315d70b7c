import { trainTestSplit } from "@nn/datasets";
import type { TaskSpec } from "./task.js";
import type { TrainData } from "./types.js";

/**
 * `fit`'s `validationSplit`: holds out `fraction` of the rows (ceil, as scikit-learn) with
 * @nn/datasets' `trainTestSplit`, seeded, and stratified by class when the labels are class
 * indices, so a small or unbalanced set keeps every class's share in both parts.
 */
export function splitValidation(data: TrainData, fraction: number, spec: TaskSpec, seed: number): { train: TrainData; validation: TrainData } {
  const n = data.x.rank >= 1 ? data.x.shape[0] : 0;
  const held = Math.ceil(fraction * n);
  if (held > n - 1) {
    throw new RangeError(`fit: validationSplit ${fraction} of ${n} training row${n === 1 ? "" : "s"} leaves none to train on`);
  }
  const stratify = spec.task !== "regression" && data.y.rank === 1;
  const parts = trainTestSplit({ x: data.x, y: data.y, numClasses: data.numClasses ?? 0 }, { testSize: fraction, stratify, seed });
  const numClasses = data.numClasses === undefined ? {} : { numClasses: data.numClasses };
  return {
    train: { x: parts.train.x, y: parts.train.y, ...numClasses },
    validation: { x: parts.test.x, y: parts.test.y, ...numClasses },
  };
}
