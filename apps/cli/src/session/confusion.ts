import type { TrainingDriver } from "@nn/studio";

/**
 * The confusion matrix of the current model on the held-out split (the training split when none
 * is held out): counts[actual * k + predicted]. For data sets without a 2-D map.
 */
export function confusionCounts(driver: TrainingDriver): { classes: string[]; counts: Uint32Array } {
  const run = driver.run;
  const ds = run.validation ?? run.train;
  const k = Math.max(2, run.raw.numClasses);
  const classes = run.raw.classNames !== undefined ? [...run.raw.classNames] : Array.from({ length: k }, (_, i) => String(i));
  const counts = new Uint32Array(k * k);
  const out = run.model.forward(ds.x, "eval").data;
  const labels = ds.y.data;
  const n = labels.length;
  for (let i = 0; i < n; i++) {
    let predicted = 0;
    if (run.binary) predicted = out[i] >= 0.5 ? 1 : 0;
    else {
      for (let j = 1; j < k; j++) if (out[i * k + j] > out[i * k + predicted]) predicted = j;
    }
    counts[labels[i] * k + predicted]++;
  }
  return { classes, counts };
}
