import { checkOptions, optionKeys } from "@nn/tensor";
import { evaluatePass, outputWidth } from "./evaluation-pass.js";
import { MetricAccumulator } from "./metrics.js";
import { resolveMetrics } from "./options.js";
import { checkModel } from "./model-input.js";
import { prepareData } from "./prepared-data.js";
import { lossName, resolveClasses, resolveTask } from "./task.js";
import type { EvaluateOptions, EvaluateResult, MetricName, TrainData, TrainableModel } from "./types.js";

const EVALUATE_OPTIONS = optionKeys<EvaluateOptions>()("loss", "metrics", "batchSize", "task", "binaryOutput");

/**
 * The loss and metrics of `model` on `data`, in eval mode. Metrics count every row; the loss is
 * the mean over rows (chunk losses weighted by chunk size when `batchSize` splits the data).
 */
export function evaluate<const M extends MetricName = MetricName>(
  model: TrainableModel, data: TrainData, options: EvaluateOptions<M>,
): EvaluateResult<M> {
  checkModel(model, "evaluate");
  checkOptions("evaluate", options, EVALUATE_OPTIONS);
  if (options?.loss === undefined) throw new TypeError("evaluate: options.loss is required");
  const batchSize = options.batchSize;
  if (batchSize !== undefined && !(batchSize === Infinity || (Number.isInteger(batchSize) && batchSize >= 1))) {
    throw new RangeError(`evaluate: batchSize must be an integer ≥ 1, got ${String(batchSize)}`);
  }
  const params = model.parameters();
  const dtype = params.length > 0 ? params[0].value.dtype : data.x.dtype;
  const spec = resolveTask(options.loss, options.task, options.binaryOutput);
  const prepared = prepareData(data, spec, dtype, "data");
  const label = lossName(options.loss);
  const classes = resolveClasses(spec, outputWidth(model, prepared.x), prepared.labelClasses, data.numClasses, label);
  const metrics = resolveMetrics(options.metrics, spec, classes, label, undefined, "evaluate");
  const acc = new MetricAccumulator(metrics, spec, classes);
  const values = evaluatePass(model, prepared, options.loss, acc, batchSize ?? prepared.n);
  // Every metric in `options.metrics` was computed, so the fields EvaluateResult<M> requires are there.
  return { ...values, samples: prepared.n } as EvaluateResult<M>;
}
