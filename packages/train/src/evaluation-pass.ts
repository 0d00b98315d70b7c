import { Tensor } from "@nn/tensor";
import type { MetricAccumulator } from "./metrics.js";
import type { PreparedData } from "./prepared-data.js";
import type { MetricValues, TrainLoss, TrainableModel } from "./types.js";

/**
 * One pass over `data` in eval mode, in chunks of `chunk` rows. Consecutive rows of a row-major
 * tensor are contiguous, so each chunk is a view: nothing is copied. A non-finite output is
 * reported through `nonFinite` before the loss sees it (a loss's own range check would name
 * neither the epoch nor the cause).
 */
export function evaluatePass(
  model: TrainableModel, data: PreparedData, loss: TrainLoss, acc: MetricAccumulator, chunk: number,
  nonFinite: (value: number, row: number) => Error = defaultNonFinite,
): MetricValues {
  acc.reset();
  const n = data.n;
  const size = Math.min(Math.max(1, chunk), n);
  const xCols = data.features;
  const tCols = data.target.size / n;
  const tShape = data.target.shape.slice(1);
  for (let from = 0; from < n; from += size) {
    const m = Math.min(size, n - from);
    const whole = m === n;
    const x = whole ? data.x : new Tensor(data.x.data.subarray(from * xCols, (from + m) * xCols), [m, xCols]);
    const target = whole ? data.target : new Tensor(data.target.data.subarray(from * tCols, (from + m) * tCols), [m, ...tShape]);
    const out = model.forward(x, "eval");
    const d = out.data;
    for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) throw nonFinite(d[i], from + Math.floor((i * m) / d.length));
    acc.addLoss(loss.forward(out, target), m);
    acc.addPredictions(out, data.labels?.subarray(from, from + m));
  }
  return acc.result();
}

function defaultNonFinite(value: number, row: number): Error {
  return new RangeError(`evaluate: the model's output for row ${row} contains ${value}; its weights are probably not finite (check the run that trained it)`);
}

/** Width of the model's output (its last axis) for one row of `x`, run in eval mode. */
export function outputWidth(model: TrainableModel, x: Tensor): number {
  const row = new Tensor(x.data.slice(0, x.shape[1]), [1, x.shape[1]]);
  const out = model.forward(row, "eval");
  return out.rank === 0 ? 1 : out.shape[out.rank - 1];
}
