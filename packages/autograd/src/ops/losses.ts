import * as T from "@nn/tensor";
import { ShapeError, type Tensor, checkOptions, formatShape, optionKeys, sigmoid as logistic, elementary } from "@nn/tensor";
import { gradTensor } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import { Variable } from "../variable.js";

// Losses are reduced by PyTorch's mean (element-wise losses over every element, cross-entropy over
// the batch) and give the same values as @nn/layers' loss classes. Targets are data: their
// gradient is not computed.

function targetTensor(op: string, target: unknown): Tensor {
  if (target instanceof Variable) {
    if (target.requiresGrad) {
      throw new TypeError(`${op}: the target is data and gets no gradient, but it requires one; pass target.detach() or its value`);
    }
    return target.value;
  }
  if (typeof target === "object" && target !== null && "data" in target && "shape" in target) return target as Tensor;
  throw new TypeError(`${op}: target must be a Tensor or a Variable, got ${target === null ? "null" : Array.isArray(target) ? "an array" : typeof target}`);
}

/** pred and target must pair up element by element; a target [n] also fits a prediction [n, 1]. */
function elementwisePair(op: string, predIn: Input, targetIn: unknown): [Variable, Tensor] {
  const pred = toVariable(op, "pred", predIn);
  const target = targetTensor(op, targetIn);
  const p = pred.shape, t = target.shape;
  const columnAgainstVector = p.length === 2 && p[1] === 1 && t.length === 1 && t[0] === p[0];
  if (!T.sameShape(p, t) && !columnAgainstVector) {
    throw new ShapeError(`${op}: target shape ${formatShape(t)} does not match prediction shape ${formatShape(p)}`);
  }
  if (pred.size === 0) throw new ShapeError(`${op}: empty batch ${formatShape(p)}; the mean of no elements is undefined`);
  return [pred, target];
}

function scalarLike(value: number, like: Tensor): Tensor {
  return T.full([], value, like.dtype);
}

/** Mean squared error, mean((p − t)²). docs/math_derivations.md §AD.10 (and §4.4): ∂L/∂p = 2(p − t)/N */
export function mseLoss(pred: Input, target: Tensor | Variable): Variable {
  const [p, t] = elementwisePair("mseLoss", pred, target);
  const pv = p.valueForOps, pd = pv.data, td = t.data, N = pd.length;
  let total = 0;
  for (let i = 0; i < N; i++) {
    const d = pd[i] - td[i];
    total += d * d;
  }
  return record("mseLoss", scalarLike(total / N, pv), [p], (g) => {
    const dp = gradTensor(p.shape, g.dtype);
    mseGradient(pd, td, (2 * g.data[0]) / N, dp.data);
    return [dp];
  });
}

/** PyTorch floors each log at −100, so p = 0 or 1 gives a large but finite loss. */
const LOG_FLOOR = -100;
/** PyTorch's floor on p·(1 − p) in the gradient, which keeps it finite at p = 0 or 1. */
const GRAD_EPS = 1e-12;

/**
 * Binary cross-entropy on probabilities: −mean(t·log p + (1 − t)·log(1 − p)), logs floored at −100
 * as PyTorch's BCELoss. docs/math_derivations.md §AD.10 (and §4.1): ∂L/∂p = (p − t)/(p(1 − p))/N
 */
export function binaryCrossEntropy(pred: Input, target: Tensor | Variable): Variable {
  const [p, t] = elementwisePair("binaryCrossEntropy", pred, target);
  const pv = p.valueForOps, pd = pv.data, td = t.data, N = pd.length;
  let total = 0;
  for (let i = 0; i < N; i++) {
    const pi = pd[i];
    if (!(pi >= 0 && pi <= 1)) {
      throw new RangeError(`binaryCrossEntropy: predictions must be probabilities in [0, 1], got ${pi} at index ${i} (pass logits to bceWithLogits instead)`);
    }
    total -= td[i] * Math.max(elementary.log(pi), LOG_FLOOR) + (1 - td[i]) * Math.max(elementary.log1p(-pi), LOG_FLOOR);
  }
  return record("binaryCrossEntropy", scalarLike(total / N, pv), [p], (g) => {
    const dp = gradTensor(p.shape, g.dtype);
    bceGradient(pd, td, g.data[0] / N, dp.data);
    return [dp];
  });
}

/**
 * Binary cross-entropy on logits z: mean(max(z, 0) − z·t + log(1 + e^(−|z|))), exact where σ(z)
 * would round to 0 or 1. docs/math_derivations.md §AD.10 (and §4.2): ∂L/∂z = (σ(z) − t)/N
 */
export function bceWithLogits(logits: Input, target: Tensor | Variable): Variable {
  const [z, t] = elementwisePair("bceWithLogits", logits, target);
  const zv = z.valueForOps, zd = zv.data, td = t.data, N = zd.length;
  let total = 0;
  for (let i = 0; i < N; i++) {
    const zi = zd[i];
    total += Math.max(zi, 0) - zi * td[i] + elementary.log1p(elementary.exp(-Math.abs(zi)));
  }
  return record("bceWithLogits", scalarLike(total / N, zv), [z], (g) => {
    const dz = gradTensor(z.shape, g.dtype);
    bceWithLogitsGradient(zd, td, g.data[0] / N, dz.data);
    return [dz];
  });
}

export interface SoftmaxCrossEntropyOptions {
  /** ε in [0, 1]: the target becomes (1 − ε)·y + ε/k, as PyTorch's `label_smoothing`. Default 0. */
  labelSmoothing?: number;
}

const SOFTMAX_CROSS_ENTROPY_OPTIONS = optionKeys<SoftmaxCrossEntropyOptions>()("labelSmoothing");

/**
 * Cross-entropy of softmax(logits [n, k]) against class indices [n] or probabilities [n, k],
 * averaged over the batch: L = −(1/n)·Σᵢ Σⱼ qᵢⱼ·log softmax(zᵢ)ⱼ.
 * docs/math_derivations.md §AD.10 (and §4.3): ∂L/∂zᵢⱼ = (pᵢⱼ·Σₘ qᵢₘ − qᵢⱼ)/n
 */
export function softmaxCrossEntropy(logits: Input, target: Tensor | Variable, options: SoftmaxCrossEntropyOptions = {}): Variable {
  const op = "softmaxCrossEntropy";
  checkOptions(op, options, SOFTMAX_CROSS_ENTROPY_OPTIONS);
  const eps = options.labelSmoothing ?? 0;
  if (typeof eps !== "number" || !(eps >= 0 && eps <= 1)) throw new RangeError(`${op}: labelSmoothing must be in [0, 1], got ${String(eps)}`);
  const z = toVariable(op, "logits", logits);
  const t = targetTensor(op, target);
  const zv = z.valueForOps;
  if (zv.rank !== 2 || z.shape[0] === 0 || z.shape[1] === 0) {
    throw new ShapeError(`${op}: expected logits [n, k] with n, k ≥ 1, got ${formatShape(z.shape)}`);
  }
  const n = z.shape[0], k = z.shape[1];
  const byIndex = t.rank === 1 && t.shape[0] === n;
  if (!byIndex && !(t.rank === 2 && t.shape[0] === n && t.shape[1] === k)) {
    throw new ShapeError(`${op}: target must be class indices [${n}] or probabilities [${n}, ${k}] for logits ${formatShape(z.shape)}, got ${formatShape(t.shape)}`);
  }
  // q: the (smoothed) target distribution, one row per example.
  const qt = valueTensor([z], [n, k], "float64"), q = qt.data;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      let y: number;
      if (byIndex) {
        const c = t.data[i];
        if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`${op}: target[${i}] must be a class index in [0, ${k - 1}], got ${c}`);
        y = c === j ? 1 : 0;
      } else {
        y = t.data[i * k + j];
      }
      q[i * k + j] = (1 - eps) * y + eps / k;
    }
  }
  const logP = T.logSoftmax(zv, 1, valueTensor([z], zv.shape, zv.dtype));
  const lp = logP.data;
  let total = 0;
  for (let i = 0; i < n * k; i++) if (q[i] !== 0) total -= q[i] * lp[i];
  return record(op, scalarLike(total / n, zv), [z], (g) => {
    const dz = gradTensor(z.shape, g.dtype);
    softmaxCrossEntropyGradient(lp, q, n, k, g.data[0] / n, dz.data);
    return [dz];
  }, false, [qt, logP]);
}

// The gradient loops are module-level functions, not per-call closures (see activations.ts).

function mseGradient(p: T.TypedArray, t: T.TypedArray, s: number, dp: T.TypedArray): void {
  for (let i = 0; i < dp.length; i++) dp[i] = s * (p[i] - t[i]);
}

function bceGradient(p: T.TypedArray, t: T.TypedArray, s: number, dp: T.TypedArray): void {
  for (let i = 0; i < dp.length; i++) dp[i] = (s * (p[i] - t[i])) / Math.max(p[i] * (1 - p[i]), GRAD_EPS);
}

function bceWithLogitsGradient(z: T.TypedArray, t: T.TypedArray, s: number, dz: T.TypedArray): void {
  for (let i = 0; i < dz.length; i++) dz[i] = s * (logistic(z[i]) - t[i]);
}

function softmaxCrossEntropyGradient(lp: T.TypedArray, q: T.TypedArray, n: number, k: number, s: number, dz: T.TypedArray): void {
  for (let i = 0; i < n; i++) {
    let qSum = 0;
    for (let j = 0; j < k; j++) qSum += q[i * k + j];
    for (let j = 0; j < k; j++) dz[i * k + j] = s * (elementary.exp(lp[i * k + j]) * qSum - q[i * k + j]);
  }
}
