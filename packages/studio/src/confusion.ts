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
  const out = run.model.forward(ds.x, "eval").data;
  const labels = ds.y.data;
  for (let i = 0; i < labels.length; i++) {
    let predicted = 0;
    if (run.binary) predicted = out[i] >= 0.5 ? 1 : 0;
    else for (let j = 1; j < k; j++) if (out[i * k + j] > out[i * k + predicted]) predicted = j;
    counts[labels[i] * k + predicted]++;
  }
  return { classes, counts };
}
