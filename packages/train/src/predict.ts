import { BCEWithLogits } from "@nn/layers";
import { Tensor, formatShape } from "@nn/tensor";
import type { BinaryOutput, TrainLoss, TrainableModel } from "./types.js";

/** The model's output for `x` [n, features] in eval mode: a copy the caller owns. */
export function predict(model: TrainableModel, x: Tensor): Tensor {
  if (x.rank !== 2) throw new RangeError(`predict: x must have shape [n, features], got ${formatShape(x.shape)}`);
  const params = model.parameters();
  const input = params.length > 0 && params[0].value.dtype !== x.dtype ? x.astype(params[0].value.dtype) : x;
  return model.forward(input, "eval").clone();
}

export interface PredictClassOptions {
  /**
   * What a single output unit holds: `probability` (default; class 1 when ≥ 0.5) or `logit`
   * (class 1 when ≥ 0). Taken from `loss` when given (BCEWithLogits → logit).
   */
  binaryOutput?: BinaryOutput;
  loss?: TrainLoss;
  /**
   * What k > 1 outputs hold: `logits` (default; softmax is applied) or `probabilities` (a model
   * ending in Softmax). Only `predictProba` needs it: argmax is the same for both.
   */
  multiclassOutput?: "logits" | "probabilities";
}

/** The predicted class of each row: threshold a single output, argmax of several (first on ties). */
export function predictClasses(model: TrainableModel, x: Tensor, options: PredictClassOptions = {}): Int32Array {
  const out = model.forward(checkInput(x, "predictClasses", model), "eval");
  const n = x.shape[0];
  const c = out.size / n;
  const d = out.data;
  const classes = new Int32Array(n);
  if (c === 1) {
    const threshold = binaryOutputOf(options) === "logit" ? 0 : 0.5;
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
export function predictProba(model: TrainableModel, x: Tensor, options: PredictClassOptions = {}): Tensor {
  const out = model.forward(checkInput(x, "predictProba", model), "eval");
  const n = x.shape[0];
  const c = out.size / n;
  const d = out.data;
  if (c === 1) {
    const logits = binaryOutputOf(options) === "logit";
    const p = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const q = logits ? 1 / (1 + Math.exp(-d[i])) : d[i];
      p[2 * i] = 1 - q;
      p[2 * i + 1] = q;
    }
    return new Tensor(p, [n, 2]);
  }
  const p = new Float64Array(n * c);
  const softmax = options.multiclassOutput !== "probabilities";
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
    for (let j = 0; j < c; j++) sum += p[row + j] = Math.exp(d[row + j] - max);
    for (let j = 0; j < c; j++) p[row + j] /= sum;
  }
  return new Tensor(p, [n, c]);
}

function binaryOutputOf(options: PredictClassOptions): BinaryOutput {
  return options.binaryOutput ?? (options.loss instanceof BCEWithLogits ? "logit" : "probability");
}

function checkInput(x: Tensor, op: string, model: TrainableModel): Tensor {
  if (x.rank !== 2) throw new RangeError(`${op}: x must have shape [n, features], got ${formatShape(x.shape)}`);
  const params = model.parameters();
  return params.length > 0 && params[0].value.dtype !== x.dtype ? x.astype(params[0].value.dtype) : x;
}
