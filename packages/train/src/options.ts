import type { TaskSpec } from "./task.js";
import type { FitOptions, MetricName } from "./types.js";

const METRICS: readonly MetricName[] = ["loss", "accuracy", "precision", "recall", "f1", "confusionMatrix"];

/** Checks the numeric and enumerated options of `fit`, naming the option and its allowed range. */
export function checkFitOptions(o: FitOptions): void {
  if (o === undefined || o === null || typeof o !== "object") throw new TypeError("fit: options are required");
  for (const key of ["loss", "optimizer", "train"] as const) {
    if (o[key] === undefined) throw new TypeError(`fit: options.${key} is required`);
  }
  checkInteger("epochs", o.epochs, 1);
  checkInteger("batchSize", o.batchSize, 1, true);
  if (!Number.isFinite(o.seed)) throw new RangeError(`fit: seed must be a finite number, got ${String(o.seed)}`);
  if (o.clipGradNorm !== undefined && !(o.clipGradNorm > 0)) {
    throw new RangeError(`fit: clipGradNorm must be > 0, got ${String(o.clipGradNorm)}`);
  }
  oneOf("schedulerStep", o.schedulerStep, ["epoch", "batch"]);
  oneOf("gradNormsEvery", o.gradNormsEvery, ["epoch", "batch"]);
  oneOf("task", o.task, ["binary", "multiclass", "regression"]);
  oneOf("binaryOutput", o.binaryOutput, ["probability", "logit"]);
}

function checkInteger(name: string, value: number, min: number, allowInfinity = false): void {
  const ok = (allowInfinity && value === Infinity) || (Number.isInteger(value) && value >= min);
  if (!ok) throw new RangeError(`fit: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
}

function oneOf(name: string, value: string | undefined, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new RangeError(`fit: ${name} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${JSON.stringify(value)}`);
  }
}

/**
 * The metrics to compute: the requested ones (default loss and accuracy for classification),
 * plus `extra` (what early stopping monitors). Refuses metrics the task cannot have.
 */
export function resolveMetrics(
  requested: readonly MetricName[] | undefined, spec: TaskSpec, classes: number, lossLabel: string, extra?: MetricName,
  caller = "fit",
): MetricName[] {
  const classification = spec.task !== "regression";
  const names = new Set<MetricName>(requested ?? (classification ? ["loss", "accuracy"] : ["loss"]));
  if (extra !== undefined) names.add(extra);
  names.add("loss");
  for (const name of names) {
    if (!METRICS.includes(name)) {
      throw new RangeError(`${caller}: unknown metric ${JSON.stringify(name)}; known: ${METRICS.join(", ")}`);
    }
    if (name === "loss") continue;
    if (!classification) {
      throw new RangeError(
        `${caller}: metric "${name}" needs a classification task, but ${lossLabel} is trained as regression ` +
          `(pass task: "binary" or "multiclass" if the outputs are classes)`,
      );
    }
    if ((name === "precision" || name === "recall" || name === "f1") && classes > 2) {
      throw new RangeError(`${caller}: metric "${name}" is defined here for binary tasks (class 1 positive); this task has ${classes} classes`);
    }
  }
  return [...names];
}
