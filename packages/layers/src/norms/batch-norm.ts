import { type DType, type Tensor, full, tensor, zeros, checkOptions, optionKeys } from "@nn/tensor";
import { reuseMatrix } from "../buffer-reuse.js";
import { LayerInputError } from "../errors.js";
import { checkDTypeOption, checkGradient, checkMatrix, checkNumberOption, checkPositiveInt } from "../input-checks.js";
import type { LayerSpec } from "../json.js";
import type { Mode } from "../layer.js";
import { LayerBase, backwardShared, forwardShared } from "../layer-base.js";
import { type NamedBuffer, OwnParameter, type Parameter } from "../parameter.js";

const BATCH_NORM_OPTIONS = optionKeys<BatchNorm1dOptions>()("eps", "momentum", "dtype");

export interface BatchNorm1dOptions {
  /** Added to the variance before the square root (default 1e-5, as PyTorch). */
  eps?: number;
  /** Weight of the newest batch in the running statistics (default 0.1, as PyTorch). */
  momentum?: number;
  dtype?: DType;
}

/**
 * Batch normalisation (Ioffe & Szegedy 2015) of input [n, features], with PyTorch's semantics:
 * training normalises by the batch mean and biased variance and updates the running statistics
 * (running_var from the unbiased variance); evaluation normalises by the running statistics.
 * Then y = γ·x̂ + β with γ (`weight`) starting at 1 and β (`bias`) at 0.
 */
export class BatchNorm1d extends LayerBase {
  readonly typeName = "BatchNorm1d";
  readonly features: number;
  readonly eps: number;
  readonly momentum: number;
  readonly dtype: DType;
  readonly weight: Parameter;
  readonly bias: Parameter;
  readonly runningMean: NamedBuffer;
  readonly runningVar: NamedBuffer;
  readonly numBatchesTracked: NamedBuffer;

  private readonly invStd: Float64Array;
  private xhat: Tensor | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;
  private trainedForward = false;

  constructor(features: number, options: BatchNorm1dOptions = {}) {
    super();
    checkOptions("BatchNorm1d", options, BATCH_NORM_OPTIONS);
    this.features = checkPositiveInt("BatchNorm1d", "features", features);
    this.eps = checkNumberOption("BatchNorm1d", "eps", options.eps ?? 1e-5, (v) => v > 0 && Number.isFinite(v), "a finite number > 0");
    this.momentum = checkNumberOption("BatchNorm1d", "momentum", options.momentum ?? 0.1, (v) => v >= 0 && v <= 1, "in [0, 1]");
    this.dtype = checkDTypeOption("BatchNorm1d", options.dtype);
    this.weight = new OwnParameter("weight", full([features], 1, this.dtype), "norm-weight");
    this.bias = new OwnParameter("bias", zeros([features], this.dtype), "norm-bias");
    this.runningMean = { name: "running_mean", value: zeros([features], this.dtype) };
    this.runningVar = { name: "running_var", value: full([features], 1, this.dtype) };
    this.numBatchesTracked = { name: "num_batches_tracked", value: tensor(0, this.dtype) };
    this.invStd = new Float64Array(features);
  }

  [forwardShared](x: Tensor, mode: Mode): Tensor {
    checkMatrix(this, x, this.features);
    const n = x.shape[0], c = this.features;
    const train = mode !== "eval";
    if (train && n < 2) {
      throw new LayerInputError(this.describe(), `training needs more than 1 row per batch to estimate a variance, got [${n}, ${c}] (use eval mode for single rows)`);
    }
    const xhat = reuseMatrix(this.xhat, n, c, this.dtype);
    const y = reuseMatrix(this.y, n, c, this.dtype);
    const xd = x.data, hd = xhat.data, yd = y.data, invStd = this.invStd;
    const rm = this.runningMean.value.data, rv = this.runningVar.value.data;
    const gamma = this.weight.value.data, beta = this.bias.value.data;
    for (let j = 0; j < c; j++) {
      let mean: number;
      if (train) {
        mean = 0;
        for (let i = 0; i < n; i++) mean += xd[i * c + j];
        mean /= n;
        let ss = 0;
        for (let i = 0; i < n; i++) {
          const d = xd[i * c + j] - mean;
          ss += d * d;
        }
        const biasedVar = ss / n;
        invStd[j] = 1 / Math.sqrt(biasedVar + this.eps);
        const m = this.momentum;
        rm[j] = (1 - m) * rm[j] + m * mean;
        rv[j] = (1 - m) * rv[j] + m * (ss / (n - 1)); // PyTorch keeps the unbiased variance
      } else {
        mean = rm[j];
        invStd[j] = 1 / Math.sqrt(rv[j] + this.eps);
      }
      const s = invStd[j], g = gamma[j], b = beta[j];
      for (let i = 0; i < n; i++) {
        const h = (xd[i * c + j] - mean) * s;
        hd[i * c + j] = h;
        yd[i * c + j] = g * h + b;
      }
    }
    if (train) this.numBatchesTracked.value.data[0] += 1;
    this.trainedForward = train;
    this.xhat = xhat;
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §6.1
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.y);
    const xhat = this.xhat as Tensor;
    const n = xhat.shape[0], c = this.features;
    const dx = reuseMatrix(this.dx, n, c, this.dtype);
    const g = dy.data, hd = xhat.data, out = dx.data, invStd = this.invStd;
    const gamma = this.weight.value.data, dGamma = this.weight.grad.data, dBeta = this.bias.grad.data;
    for (let j = 0; j < c; j++) {
      let sumDy = 0, sumDyXhat = 0;
      for (let i = 0; i < n; i++) {
        sumDy += g[i * c + j];
        sumDyXhat += g[i * c + j] * hd[i * c + j];
      }
      dGamma[j] += sumDyXhat;
      dBeta[j] += sumDy;
      const scale = gamma[j] * invStd[j];
      if (this.trainedForward) {
        // The batch mean and variance depend on every row, which adds the two correction terms.
        const meanDy = sumDy / n, meanDyXhat = sumDyXhat / n;
        for (let i = 0; i < n; i++) out[i * c + j] = scale * (g[i * c + j] - meanDy - hd[i * c + j] * meanDyXhat);
      } else {
        for (let i = 0; i < n; i++) out[i * c + j] = scale * g[i * c + j];
      }
    }
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }

  buffers(): NamedBuffer[] {
    return [this.runningMean, this.runningVar, this.numBatchesTracked];
  }

  cast(dtype: DType): BatchNorm1d {
    const copy = new BatchNorm1d(this.features, { eps: this.eps, momentum: this.momentum, dtype });
    copy.weight.value.data.set(this.weight.value.data);
    copy.bias.value.data.set(this.bias.value.data);
    copy.runningMean.value.data.set(this.runningMean.value.data);
    copy.runningVar.value.data.set(this.runningVar.value.data);
    copy.numBatchesTracked.value.data.set(this.numBatchesTracked.value.data);
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number {
    if (inputFeatures !== undefined && inputFeatures !== this.features) {
      throw new LayerInputError(this.describe(), `expected input [n, ${this.features}], got [n, ${inputFeatures}]`);
    }
    return this.features;
  }

  describe(): string {
    return `BatchNorm1d(${this.features})`;
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: { features: this.features, eps: this.eps, momentum: this.momentum, dtype: this.dtype } };
  }
}
