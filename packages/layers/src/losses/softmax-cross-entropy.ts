import { LayerInputError } from "../errors.js";
import { type Tensor, ShapeError, formatShape, checkOptions, optionKeys, elementary, logSumExp, zeros } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { resultTensor } from "../layer-base.js";
import { checkNumberOption } from "../input-checks.js";
import type { Loss } from "./loss.js";

const SOFTMAX_CROSS_ENTROPY_LOSS_OPTIONS = optionKeys<SoftmaxCrossEntropyLossOptions>()("labelSmoothing");

export interface SoftmaxCrossEntropyLossOptions {
  /** ε in [0, 1]: the target becomes (1 − ε)·y + ε/k, as PyTorch's `label_smoothing`. Default 0. */
  labelSmoothing?: number;
}

/**
 * Cross-entropy of softmax(logits) against class indices [n] or class probabilities [n, k]
 * (one-hot or soft), averaged over the batch: L = −(1/n)·Σᵢ Σⱼ qᵢⱼ·log softmax(zᵢ)ⱼ.
 * Fusing softmax into the loss makes the gradient (p − q)/n and avoids log(0).
 */
export class SoftmaxCrossEntropyLoss implements Loss {
  /** Classification: k logits per row (see `Loss.prediction`). */
  readonly prediction = "logits" as const;
  readonly labelSmoothing: number;
  private logits: Tensor | undefined;
  private target: Tensor | undefined;
  private probs: Tensor | undefined;
  private wideLogits: Tensor | undefined;
  private logSum: Tensor | undefined;

  constructor(options: SoftmaxCrossEntropyLossOptions = {}) {
    checkOptions("SoftmaxCrossEntropyLoss", options, SOFTMAX_CROSS_ENTROPY_LOSS_OPTIONS);
    this.labelSmoothing = checkNumberOption("SoftmaxCrossEntropyLoss", "labelSmoothing", options.labelSmoothing ?? 0, (v) => v >= 0 && v <= 1, "in [0, 1]");
  }

  forward(logits: Tensor, target: Tensor): number {
    if (logits.rank !== 2 || logits.shape[0] === 0 || logits.shape[1] === 0) {
      throw new ShapeError(`SoftmaxCrossEntropyLoss: expected logits [n, k] with n, k ≥ 1, got ${formatShape(logits.shape)}`);
    }
    const n = logits.shape[0], k = logits.shape[1];
    const byIndex = target.rank === 1 && target.shape[0] === n;
    const byProbability = target.rank === 2 && target.shape[0] === n && target.shape[1] === k;
    if (!byIndex && !byProbability) {
      throw new ShapeError(`SoftmaxCrossEntropyLoss: target must be class indices [${n}] or probabilities [${n}, ${k}] for logits ${formatShape(logits.shape)}, got ${formatShape(target.shape)}`);
    }
    const z = logits.data, t = target.data, eps = this.labelSmoothing;
    if (byIndex) {
      for (let i = 0; i < n; i++) {
        const c = t[i];
        if (!Number.isInteger(c) || c < 0 || c >= k) {
          throw new RangeError(`SoftmaxCrossEntropyLoss: target[${i}] must be a class index in [0, ${k - 1}], got ${c}`);
        }
      }
    }
    const probs = reuseLike(this.probs, logits, logits.dtype);
    const p = probs.data, logSum = this.rowLogSumExp(logits).data;
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let rowLoss = 0;
      for (let j = 0; j < k; j++) {
        const logP = z[row + j] - logSum[i]; // log softmax(z)ⱼ = zⱼ − log Σ e^z
        p[row + j] = elementary.exp(logP);
        const q = this.smoothed(t, byIndex, i, j, k, eps);
        if (q !== 0) rowLoss -= q * logP;
      }
      loss += rowLoss;
    }
    this.logits = logits;
    this.target = target;
    this.probs = probs;
    return loss / n;
  }

  /**
   * log Σⱼ e^zᵢⱼ of each row, by @nn/tensor's logSumExp (docs/math_derivations.md §11.1), always in
   * float64: float32 logits are widened exactly into a reused copy first, so the loss and its
   * gradient are computed from unrounded row sums whatever the dtype.
   */
  private rowLogSumExp(logits: Tensor): Tensor {
    let wide = logits;
    if (logits.dtype !== "float64") {
      wide = this.wideLogits = reuseLike(this.wideLogits, logits, "float64");
      wide.data.set(logits.data);
    }
    const n = logits.shape[0];
    if (this.logSum?.shape[0] !== n) this.logSum = zeros([n], "float64");
    return logSumExp(wide, 1, false, this.logSum);
  }

  /** qᵢⱼ = (1 − ε)·yᵢⱼ + ε/k, with yᵢⱼ one-hot for index targets. */
  private smoothed(t: Tensor["data"], byIndex: boolean, i: number, j: number, k: number, eps: number): number {
    const y = byIndex ? (t[i] === j ? 1 : 0) : t[i * k + j];
    return (1 - eps) * y + eps / k;
  }

  // docs/math_derivations.md §4.3: ∂L/∂zᵢⱼ = (pᵢⱼ·Σₘ qᵢₘ − qᵢⱼ)/n, which is (p − q)/n when q sums to 1
  backward(out?: Tensor): Tensor {
    const logits = this.logits;
    if (logits === undefined) throw new LayerInputError("SoftmaxCrossEntropyLoss", "backward called before forward");
    const target = this.target as Tensor, p = (this.probs as Tensor).data;
    const n = logits.shape[0], k = logits.shape[1], eps = this.labelSmoothing;
    const byIndex = target.rank === 1;
    const grad = resultTensor("SoftmaxCrossEntropyLoss", logits, out, "gradient");
    const g = grad.data, t = target.data;
    for (let i = 0; i < n; i++) {
      let qSum = 0;
      for (let j = 0; j < k; j++) qSum += this.smoothed(t, byIndex, i, j, k, eps);
      for (let j = 0; j < k; j++) g[i * k + j] = (p[i * k + j] * qSum - this.smoothed(t, byIndex, i, j, k, eps)) / n;
    }
    return grad;
  }
}
