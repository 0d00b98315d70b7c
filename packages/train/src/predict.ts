import { Tensor, argmax, checkOptions, elementary, optionKeys, softmax } from "@nn/tensor";
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

/** The model's eval-mode outputs for class prediction, as a matrix [n, c], after checking the call. */
function classOutputs(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions, where: string): Tensor {
  checkModel(model, where);
  checkOptions(where, options, PREDICT_CLASS_OPTIONS);
  const out = model.forward(inputMatrix(x, model, where), "eval");
  const n = out.shape[0];
  return out.reshape([n, n === 0 ? 1 : out.size / n]);
}

/** The predicted class of each row: threshold a single output, argmax of several (first on ties). */
export function predictClasses(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions = {}): Int32Array {
  const out = classOutputs(model, x, options, "predictClasses");
  const [n, c] = out.shape;
  if (c !== 1) return Int32Array.from(argmax(out, 1).data);
  const threshold = binaryOutputOf(model, options, "predictClasses") === "logit" ? 0 : 0.5;
  const d = out.data, classes = new Int32Array(n);
  for (let i = 0; i < n; i++) classes[i] = d[i] >= threshold ? 1 : 0;
  return classes;
}

/**
 * Class probabilities [n, k] in float64: for a single output unit the two columns (1 − p, p), as
 * scikit-learn's `predict_proba`, with p = σ(logit) for logits; for k outputs their softmax (or
 * the outputs themselves when they already are probabilities).
 */
export function predictProba(model: TrainableModel, x: Tensor | NumberRows, options: PredictClassOptions = {}): Tensor {
  const out = classOutputs(model, x, options, "predictProba");
  const [n, c] = out.shape;
  if (c === 1) {
    const logits = binaryOutputOf(model, options, "predictProba") === "logit";
    const d = out.data, p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const q = logits ? 1 / (1 + elementary.exp(-d[i])) : d[i];
      p[2 * i] = 1 - q;
      p[2 * i + 1] = q;
    }
    return new Tensor(p, [n, 2]);
  }
  // A float64 copy (exact), then softmax in place: the probabilities are computed in float64 too.
  const p = out.astype("float64");
  const holdsLogits = (options.multiclassOutput ?? (lastLayerType(model) === "Softmax" ? "probabilities" : "logits")) === "logits";
  return holdsLogits ? softmax(p, -1, p) : p;
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
  const prediction = options.loss?.prediction;
  if (prediction === "logit" || prediction === "probability") return prediction;
  const recorded = trainedWithOf(model)?.binaryOutput;
  if (recorded === "logit" || recorded === "probability") return recorded;
  const last = lastLayerType(model);
  if (last === "Sigmoid") return "probability";
  const given = options.loss === undefined || prediction === "logits" ? "" : ` with ${lossName(options.loss)}`;
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
