import { createTrainer } from "./trainer.js";
import type { AsyncRunOptions, FitOptions, History, MetricName, TrainableModel } from "./types.js";

/**
 * Trains `model` on `options.train` for `options.epochs` epochs and returns the History. An
 * aborted `signal` or early stopping ends it early (see `History.stopped`); a non-finite loss or
 * gradient throws a `TrainingDivergedError`. Runs synchronously: use `fitAsync` or
 * `createTrainer` to keep an event loop responsive.
 */
export function fit<const M extends MetricName = MetricName>(model: TrainableModel, options: FitOptions<M>): History<M> {
  return createTrainer(model, options).run();
}

/** As `fit`, yielding to the event loop every `yieldEvery` batches (default 1). */
export function fitAsync<const M extends MetricName = MetricName>(
  model: TrainableModel, options: FitOptions<M>, asyncOptions?: AsyncRunOptions,
): Promise<History<M>> {
  return createTrainer(model, options).runAsync(asyncOptions);
}
