import { argmax } from "@nn/tensor";
import type { BuiltRun } from "./build-run.js";

/** Counts of (actual, predicted) class pairs: `counts[actual * classes.length + predicted]`. */
export interface ConfusionCounts {
  readonly classes: readonly string[];
  readonly counts: Uint32Array;
}

/**
 * The confusion matrix of a run's current model on its held-out split (the training split when
 * none is held out): the picture for data sets without a 2-D map.
 */
export function confusionCounts(run: BuiltRun): ConfusionCounts {
  const ds = run.validation ?? run.train;
  const k = Math.max(2, run.raw.numClasses);
  const classes = run.raw.classNames !== undefined ? [...run.raw.classNames] : Array.from({ length: k }, (_, i) => String(i));
  const counts = new Uint32Array(k * k);
  const out = run.model.forward(ds.x, "eval");
  // A sigmoid probability: class 1 from 0.5 on; logits: the largest.
  const best = run.binary ? undefined : argmax(out, 1).data;
  const labels = ds.y.data;
  for (let i = 0; i < labels.length; i++) {
    const predicted = best === undefined ? (out.data[i] >= 0.5 ? 1 : 0) : best[i];
    counts[labels[i] * k + predicted]++;
  }
  return { classes, counts };
}
