import { BCEWithLogitsLoss, BinaryCrossEntropyLoss, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { Tensor, checkOptions, optionKeys, elementary } from "@nn/tensor";
import { type NumberRows, checkModel, inputMatrix } from "./model-input.js";
import { lossName } from "./task.js";
import { trainedWithOf } from "./trained-with.js";
import type { BinaryOutput, TrainLoss, TrainableModel } from "./types.js";

/** The model's output for `x` [n, features] (a Tensor or rows of numbers) in eval mode: a copy the caller owns. */
export function predict(model: TrainableModel, x: Tensor | NumberRows): Tensor {
  checkModel(model, "predict");
  return model.forward(inputMatrix(x, model, "predict"), "eval").clone();
}

export interface PredictClassOptions {
  /**
   * What a single output unit holds: `probability` (class 1 when ≥ 0.5) or `logit` (class 1 when
   * ≥ 0). When neither this nor `loss` is given it is known from the model: what `fit` recorded
   * in its metadata (kept by `saveModel`), else a last `Sigmoid` layer means probability;
   * otherwise the call is refused rather than guessed.
   */
  binaryOutput?: BinaryOutput;
  /** The loss the model was trained with: BCEWithLogitsLoss means logits, BinaryCrossEntropyLoss probabilities. */
  loss?: TrainLoss;
  /**
   * What k > 1 outputs hold: `logits` (softmax is applied) or `probabilities`. Default: what the
   * model says (a last `Softmax` layer holds probabilities), else logits. Only `predictProba`
   * needs it: argmax is the same for both.
   */
  multiclassOutput?: "logits" | "probabilities";
}

const PREDICT_CLASS_OPTIONS = optionKeys<PredictClassOptions>()("binaryOutput", "loss", "multiclassOutput");

/** The model's eval-mode outputs for class prediction: n rows of c columns, after checking the call. */
function classOutputs(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions, where: string) {
  checkModel(model, where);
  checkOptions(where, options, PREDICT_CLASS_OPTIONS);
  const out = model.forward(inputMatrix(x, model, where), "eval");
  const n = out.shape[0];
  return { n, c: n === 0 ? 1 : out.size / n, d: out.data };
}

/** The predicted class of each row: threshold a single output, argmax of several (first on ties). */
export function predictClasses(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions = {}): Int32Array {
  const { n, c, d } = classOutputs(model, x, options, "predictClasses");
  const classes = new Int32Array(n);
  if (c === 1) {
    const threshold = binaryOutputOf(model, options, "predictClasses") === "logit" ? 0 : 0.5;
    for (let i = 0; i < n; i++) classes[i] = d[i] >= threshold ? 1 : 0;
    return classes;
  }
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < c; j++) if (d[i * c + j] > d[i * c + best]) best = j;
    classes[i] = best;
  }
  return classes;
}

/**
 * Class probabilities [n, k] in float64: for a single output unit the two columns (1 − p, p), as
 * scikit-learn's `predict_proba`, with p = σ(logit) for logits; for k outputs their softmax (or
 * the outputs themselves when they already are probabilities).
 */
export function predictProba(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions = {}): Tensor {
  const { n, c, d } = classOutputs(model, x, options, "predictProba");
  if (c === 1) {
    const logits = binaryOutputOf(model, options, "predictProba") === "logit";
    const p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const q = logits ? 1 / (1 + elementary.exp(-d[i])) : d[i];
      p[2 * i] = 1 - q;
      p[2 * i + 1] = q;
    }
    return new Tensor(p, [n, 2]);
  }
  const p = new Float64Array(n * c);
  const softmax = (options.multiclassOutput ?? (lastLayerType(model) === "Softmax" ? "probabilities" : "logits")) === "logits";
  for (let i = 0; i < n; i++) {
    const row = i * c;
    if (!softmax) {
      for (let j = 0; j < c; j++) p[row + j] = d[row + j];
      continue;
    }
    // Shift by the row maximum so exp never overflows: softmax(z) = softmax(z − max z).
    let max = -Infinity;
    for (let j = 0; j < c; j++) if (d[row + j] > max) max = d[row + j];
    let sum = 0;
    for (let j = 0; j < c; j++) sum += p[row + j] = elementary.exp(d[row + j] - max);
    for (let j = 0; j < c; j++) p[row + j] /= sum;
  }
  return new Tensor(p, [n, c]);
}

/**
 * Whether a single output is a probability or a logit, from what is known for sure: the options,
 * then what `fit` recorded, then a last Sigmoid. A model ending in Dense may hold logits (BCEWithLogitsLoss)
 * or a 0–1 regression (MSELoss), whose thresholds differ (0 and 0.5): that is refused, not guessed.
 */
function binaryOutputOf(model: TrainableModel, options: PredictClassOptions, op: string): BinaryOutput {
  if (options.binaryOutput !== undefined) {
    if (options.binaryOutput !== "logit" && options.binaryOutput !== "probability") {
      throw new RangeError(`${op}: binaryOutput must be "probability" or "logit", got ${JSON.stringify(options.binaryOutput)}`);
    }
    return options.binaryOutput;
  }
  if (options.loss instanceof BCEWithLogitsLoss) return "logit";
  if (options.loss instanceof BinaryCrossEntropyLoss) return "probability";
  const recorded = trainedWithOf(model)?.binaryOutput;
  if (recorded === "logit" || recorded === "probability") return recorded;
  const last = lastLayerType(model);
  if (last === "Sigmoid") return "probability";
  const given = options.loss === undefined || options.loss instanceof SoftmaxCrossEntropyLoss ? "" : ` with ${lossName(options.loss)}`;
  throw new TypeError(
    `${op}: cannot tell whether the model's single output is a probability or a logit${given}: it ends in ` +
      `${last ?? "an unknown layer"}, not Sigmoid, and its metadata has no trainedWith (fit records it; saveModel keeps it). ` +
      `Say which: { loss: new BCEWithLogitsLoss() } or { binaryOutput: "logit" } for logits (class 1 when ≥ 0), ` +
      `{ binaryOutput: "probability" } for outputs in [0, 1] (class 1 when ≥ 0.5)`,
  );
}

/** The type of the innermost last layer (`Sigmoid`), looking inside nested Sequentials. */
function lastLayerType(model: TrainableModel): string | undefined {
  let layer = model as { readonly typeName?: unknown; readonly layers?: readonly unknown[] } | undefined;
  while (layer?.layers !== undefined && layer.layers.length > 0) {
    layer = layer.layers[layer.layers.length - 1] as typeof layer;
  }
  return typeof layer?.typeName === "string" ? layer.typeName : undefined;
}
