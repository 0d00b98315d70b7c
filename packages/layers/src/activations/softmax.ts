import { checkOptions, optionKeys, softmax } from "@nn/tensor";
import type { DType, Tensor } from "@nn/tensor";
import { reuseLike } from "../buffer-reuse.js";
import { checkDTypeOption, checkGradient, checkLastAxis } from "../input-checks.js";
import type { LayerSpec } from "../json.js";
import type { Mode } from "../layer.js";
import { LayerBase, backwardShared, forwardShared } from "../layer-base.js";
import type { NamedBuffer, Parameter } from "../parameter.js";

const SOFTMAX_OPTIONS = optionKeys<SoftmaxOptions>()("dtype");

export interface SoftmaxOptions {
  /** @deprecated Ignored: Softmax has no parameters and computes in the dtype of its input. */
  dtype?: DType;
}

/**
 * Softmax over the last axis: yᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m), m the row maximum (subtracting it
 * changes nothing mathematically and keeps every exponent ≤ 0). For training a classifier, feed
 * logits to SoftmaxCrossEntropyLoss instead: it fuses the two and its gradient is simply p − y.
 */
export class Softmax extends LayerBase {
  readonly typeName = "Softmax";
  /** Always undefined: no parameters, so Softmax follows the dtype of its input. */
  readonly dtype: DType | undefined = undefined;
  private y: Tensor | undefined;
  private dx: Tensor | undefined;

  constructor(options: SoftmaxOptions = {}) {
    super();
    checkOptions("Softmax", options, SOFTMAX_OPTIONS);
    checkDTypeOption("Softmax", options.dtype);
  }

  [forwardShared](x: Tensor, _mode: Mode): Tensor {
    checkLastAxis(this, x, undefined);
    const y = softmax(x, -1, reuseLike(this.y, x, x.dtype));
    this.y = y;
    return y;
  }

  // docs/math_derivations.md §3.9: dx = y ⊙ (dy − Σⱼ dyⱼ·yⱼ), row by row
  [backwardShared](dy: Tensor): Tensor {
    const y = checkGradient(this, dy, this.y);
    const k = y.shape[y.rank - 1];
    const dx = reuseLike(this.dx, y, y.dtype);
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

  /** A new Softmax: there is nothing to convert. */
  cast(_dtype: DType): Softmax {
    return new Softmax();
  }

  outputFeatures(inputFeatures: number | undefined): number | undefined {
    return inputFeatures;
  }

  describe(): string {
    return "Softmax";
  }

  toSpec(): LayerSpec {
    return { type: this.typeName, config: {} };
  }
}
