import { type DType, type Tensor, full, zeros, checkOptions, optionKeys } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { LayerInputError } from "../errors.js";
import { checkDTypeOption, checkGradient, checkLastAxis, checkNumberOption, checkPositiveInt } from "../input-checks.js";
import type { LayerSpec } from "../json.js";
import type { Mode } from "../layer.js";
import { LayerBase, backwardShared, forwardShared } from "../layer-base.js";
import { type NamedBuffer, OwnParameter, type Parameter } from "../parameter.js";

const LAYER_NORM_OPTIONS = optionKeys<LayerNormOptions>()("eps", "dtype");

export interface LayerNormOptions {
  /** Added to the variance before the square root (default 1e-5, as PyTorch). */
  eps?: number;
  dtype?: DType;
}

/**
 * Layer normalisation (Ba et al. 2016) over the last axis of size `features`: each row is
 * normalised by its own mean and biased variance, then y = γ·x̂ + β elementwise (γ = `weight`
 * starts at 1, β = `bias` at 0). Train and eval behave the same.
 */
export class LayerNorm extends LayerBase {
  readonly typeName = "LayerNorm";
  readonly features: number;
  readonly eps: number;
  readonly dtype: DType;
  readonly weight: Parameter;
  readonly bias: Parameter;

  private invStd = new Float64Array(0);
  private xhat: Tensor | undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;

  constructor(features: number, options: LayerNormOptions = {}) {
    super();
    checkOptions("LayerNorm", options, LAYER_NORM_OPTIONS);
    this.features = checkPositiveInt("LayerNorm", "features", features);
    this.eps = checkNumberOption("LayerNorm", "eps", options.eps ?? 1e-5, (v) => v > 0 && Number.isFinite(v), "a finite number > 0");
    this.dtype = checkDTypeOption("LayerNorm", options.dtype);
    this.weight = new OwnParameter("weight", full([features], 1, this.dtype), "norm-weight");
    this.bias = new OwnParameter("bias", zeros([features], this.dtype), "norm-bias");
  }

  [forwardShared](x: Tensor, _mode: Mode): Tensor {
    checkLastAxis(this, x, this.features);
    const d = this.features, rows = x.size / d;
    if (this.invStd.length !== rows) this.invStd = new Float64Array(rows);
    const xhat = reuseLike(this.xhat, x, this.dtype);
    const y = reuseLike(this.y, x, this.dtype);
    const xd = x.data, hd = xhat.data, yd = y.data, gamma = this.weight.value.data, beta = this.bias.value.data;
    for (let r = 0; r < rows; r++) {
      const o = r * d;
      let mean = 0;
      for (let j = 0; j < d; j++) mean += xd[o + j];
      mean /= d;
      let ss = 0;
      for (let j = 0; j < d; j++) {
        const t = xd[o + j] - mean;
        ss += t * t;
      }
      const s = 1 / Math.sqrt(ss / d + this.eps);
      this.invStd[r] = s;
      for (let j = 0; j < d; j++) {
        const h = (xd[o + j] - mean) * s;
        hd[o + j] = h;
        yd[o + j] = gamma[j] * h + beta[j];
      }
    }
    this.xhat = xhat;
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §6.2
  [backwardShared](dy: Tensor): Tensor {
    checkGradient(this, dy, this.y);
    const xhat = this.xhat as Tensor;
    const d = this.features, rows = xhat.size / d;
    const dx = reuseLike(this.dx, xhat, this.dtype);
    const g = dy.data, hd = xhat.data, out = dx.data;
    const gamma = this.weight.value.data, dGamma = this.weight.grad.data, dBeta = this.bias.grad.data;
    for (let r = 0; r < rows; r++) {
      const o = r * d;
      let meanG = 0, meanGXhat = 0;
      for (let j = 0; j < d; j++) {
        const gh = g[o + j] * gamma[j]; // gradient with respect to x̂
        meanG += gh;
        meanGXhat += gh * hd[o + j];
        dGamma[j] += g[o + j] * hd[o + j];
        dBeta[j] += g[o + j];
      }
      meanG /= d;
      meanGXhat /= d;
      const s = this.invStd[r];
      for (let j = 0; j < d; j++) out[o + j] = s * (g[o + j] * gamma[j] - meanG - hd[o + j] * meanGXhat);
    }
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    return [this.weight, this.bias];
  }

  buffers(): NamedBuffer[] {
    return [];
  }

  cast(dtype: DType): LayerNorm {
    const copy = new LayerNorm(this.features, { eps: this.eps, dtype });
    copy.weight.value.data.set(this.weight.value.data);
    copy.bias.value.data.set(this.bias.value.data);
    return copy;
  }

  outputFeatures(inputFeatures: number | undefined): number {
    if (inputFeatures !== undefined && inputFeatures !== this.features) {
      throw new LayerInputError(this.describe(), `expected input [..., ${this.features}], got [n, ${inputFeatures}]`);
    }
    return this.features;
  }

  describe(): string {
    return `LayerNorm(${this.features})`;
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: { features: this.features, eps: this.eps, dtype: this.dtype } };
  }
}
