import { checkOptions, optionKeys } from "@nn/tensor";
import type { TaskSpec } from "./task.js";
import type { FitOptions, MetricName } from "./types.js";

const METRICS: readonly MetricName[] = ["loss", "accuracy", "precision", "recall", "f1", "confusionMatrix"];

/** `fit`'s batch size when none is given: Keras's default, small enough to update often on any set. */
export const DEFAULT_BATCH_SIZE = 32;
/** `fit`'s seed when none is given: a fixed one, so an unseeded script still runs the same every time. */
export const DEFAULT_SEED = 0;

const FIT_OPTIONS = optionKeys<FitOptions>()(
  "loss", "optimizer", "train", "validation", "epochs", "batchSize", "seed", "validationSplit", "shuffle", "dropLast", "metrics",
  "scheduler", "schedulerStep", "clipGradNorm", "earlyStopping", "callbacks", "signal", "task", "binaryOutput", "gradNormsEvery", "now",
  "detectSaturation", "keepHistory",
);

/** The options `fit` fills in when they are left out. */
export interface FitDefaults {
  /** Rows per batch; Infinity for full batches. */
  batchSize: number;
  seed: number;
}

/**
 * Checks the numeric and enumerated options of `fit`, naming the option and its allowed range, and
 * returns the batch size and seed with their defaults filled in.
 */
export function checkFitOptions(o: FitOptions): FitDefaults {
  if (o === undefined || o === null || typeof o !== "object") throw new TypeError("fit: options are required");
  checkOptions("fit", o, FIT_OPTIONS);
  for (const key of ["loss", "optimizer", "train"] as const) {
    if (o[key] === undefined) throw new TypeError(`fit: options.${key} is required`);
  }
  checkInteger("epochs", o.epochs, 1);
  const batchSize = o.batchSize === undefined ? DEFAULT_BATCH_SIZE : o.batchSize === "full" ? Infinity : o.batchSize;
  if (!((batchSize === Infinity || Number.isInteger(batchSize)) && batchSize >= 1)) {
    throw new RangeError(`fit: batchSize must be an integer ≥ 1 or "full", got ${typeof o.batchSize === "string" ? JSON.stringify(o.batchSize) : String(o.batchSize)}`);
  }
  const seed = o.seed ?? DEFAULT_SEED;
  if (!Number.isFinite(seed)) throw new RangeError(`fit: seed must be a finite number, got ${String(o.seed)}`);
  if (o.validationSplit !== undefined) {
    if (!(o.validationSplit > 0 && o.validationSplit < 1)) {
      throw new RangeError(`fit: validationSplit must be a fraction in (0, 1), got ${String(o.validationSplit)}`);
    }
    if (o.validation !== undefined) {
      throw new TypeError("fit: give either validation or validationSplit, not both (validationSplit holds out part of train)");
    }
  }
  if (o.clipGradNorm !== undefined && !(o.clipGradNorm > 0)) {
    throw new RangeError(`fit: clipGradNorm must be > 0, got ${String(o.clipGradNorm)}`);
  }
  oneOf("schedulerStep", o.schedulerStep, ["epoch", "batch"]);
  oneOf("gradNormsEvery", o.gradNormsEvery, ["epoch", "batch"]);
  oneOf("task", o.task, ["binary", "multiclass", "regression"]);
  oneOf("binaryOutput", o.binaryOutput, ["probability", "logit"]);
  return { batchSize, seed };
}

function checkInteger(name: string, value: number, min: number): void {
  if (!(Number.isInteger(value) && value >= min)) throw new RangeError(`fit: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
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
