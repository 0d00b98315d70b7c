import type { HistorySnapshot } from "@nn/studio";
import type { EpochPoint } from "../state/trainer-state.js";

/** The chart points of a frame's curves (columns: loss, accuracy, valLoss, valAccuracy; NaN where absent). */
export function pointsFromHistory(h: HistorySnapshot): EpochPoint[] {
  const [loss, accuracy, valLoss, valAccuracy] = h.columns;
  const points: EpochPoint[] = [];
  for (let i = 0; i < h.epochs.length; i++) {
    points.push({
      epoch: h.epochs[i],
      loss: loss[i],
      accuracy: accuracy[i],
      ...(Number.isNaN(valLoss[i]) ? {} : { valLoss: valLoss[i], valAccuracy: valAccuracy[i] }),
    });
  }
  return points;
}
