import { checkOptions, optionKeys } from "@nn/tensor";
import type { DType, Tensor } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { checkDTypeOption, checkGradient, checkLastAxis } from "../input-checks.js";
import type { LayerSpec } from "../json.js";
import type { Layer, Mode } from "../layer.js";
import type { NamedBuffer, Parameter } from "../parameter.js";

const SOFTMAX_OPTIONS = optionKeys<SoftmaxOptions>()("dtype");

export interface SoftmaxOptions {
  dtype?: DType;
}

/**
 * Softmax over the last axis: yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), m the row maximum (subtracting it
 * changes nothing mathematically and keeps every exponent ≤ 0). For training a classifier, feed
 * logits to SoftmaxCrossEntropy instead: it fuses the two and its gradient is simply p − y.
 */
export class Softmax implements Layer {
  readonly typeName = "Softmax";
  readonly dtype: DType;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;

  constructor(options: SoftmaxOptions = {}) {
    checkOptions("Softmax", options, SOFTMAX_OPTIONS);
    this.dtype = checkDTypeOption("Softmax", options.dtype);
  }

  forward(x: Tensor, _mode: Mode = "train"): Tensor {
    checkLastAxis(this, x, undefined);
    const k = x.shape[x.rank - 1];
    const y = reuseLike(this.y, x, this.dtype);
    const xd = x.data, yd = y.data;
    for (let row = 0; row < x.size; row += k) {
      let max = -Infinity;
      for (let j = 0; j < k; j++) if (xd[row + j] > max) max = xd[row + j];
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp(xd[row + j] - max);
        yd[row + j] = e;
        sum += e;
      }
      for (let j = 0; j < k; j++) yd[row + j] /= sum;
    }
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §3.9: dx = y ⊙ (dy − Σⱼ dyⱼ·yⱼ), row by row
  backward(dy: Tensor): Tensor {
    const y = checkGradient(this, dy, this.y);
    const k = y.shape[y.rank - 1];
    const dx = reuseLike(this.dx, y, this.dtype);
    const yd = y.data, g = dy.data, out = dx.data;
    for (let row = 0; row < y.size; row += k) {
      let dot = 0;
      for (let j = 0; j < k; j++) dot += g[row + j] * yd[row + j];
      for (let j = 0; j < k; j++) out[row + j] = yd[row + j] * (g[row + j] - dot);
    }
    this.dx = dx;
    return dx;
  }

  parameters(): Parameter[] {
    return [];
  }

  buffers(): NamedBuffer[] {
    return [];
  }

  cast(dtype: DType): Softmax {
    return new Softmax({ dtype });
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    return inputFeatures;
  }

  describe(): string {
    return "Softmax";
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: { dtype: this.dtype } };
  }
}
