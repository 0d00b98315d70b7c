import type { Tensor } from "@nn/tensor";
import { checkJsonArray, columnCount, columnStats, outputFor } from "./scaler-shared.js";
import { NotFittedError } from "./not-fitted-error.js";

export interface StandardScalerJSON {
  type: "StandardScaler";
  mean: number[];
  scale: number[];
}

/**
 * z = (x − mean) / scale per column, with scale the population standard deviation (ddof 0, as
 * scikit-learn). A constant column gets scale 1, so it maps to 0 instead of dividing by zero.
 */
export class StandardScaler {
  mean: Float64Array | null = null;
  scale: Float64Array | null = null;

  fit(x: Tensor): this {
    const { n, f } = columnCount(x, "StandardScaler.fit");
    if (n === 0) throw new RangeError("StandardScaler.fit: x has no rows");
    const { mean, min, max } = columnStats(x, "StandardScaler.fit");
    // Two passes (mean, then squared deviations) so a large offset does not swamp the variance.
    const sq = new Float64Array(f);
    const d = x.data;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < f; j++) {
        const diff = d[i * f + j] - mean[j];
        sq[j] += diff * diff;
      }
    }
    const scale = new Float64Array(f);
    // Testing min === max, not variance === 0: the rounded mean of a constant column can leave a tiny non-zero variance.
    for (let j = 0; j < f; j++) scale[j] = min[j] === max[j] ? 1 : Math.sqrt(sq[j] / n);
    this.mean = mean;
    this.scale = scale;
    return this;
  }

  /** (x − mean) / scale, into `out` if given (may be x itself), else a new tensor of x's dtype. */
  transform(x: Tensor, out?: Tensor): Tensor {
    const { mean, scale } = this.fitted("transform");
    const { n, f } = columnCount(x, "StandardScaler.transform", mean.length);
    const o = outputFor(x, out, "StandardScaler.transform");
    const src = x.data, dst = o.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) dst[i * f + j] = (src[i * f + j] - mean[j]) / scale[j];
    return o;
  }

  fitTransform(x: Tensor, out?: Tensor): Tensor {
    return this.fit(x).transform(x, out);
  }

  /** z · scale + mean: undoes `transform`. */
  inverseTransform(z: Tensor, out?: Tensor): Tensor {
    const { mean, scale } = this.fitted("inverseTransform");
    const { n, f } = columnCount(z, "StandardScaler.inverseTransform", mean.length);
    const o = outputFor(z, out, "StandardScaler.inverseTransform");
    const src = z.data, dst = o.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) dst[i * f + j] = src[i * f + j] * scale[j] + mean[j];
    return o;
  }

  toJSON(): StandardScalerJSON {
    const { mean, scale } = this.fitted("toJSON");
    return { type: "StandardScaler", mean: Array.from(mean), scale: Array.from(scale) };
  }

  static fromJSON(json: StandardScalerJSON): StandardScaler {
    const op = "StandardScaler.fromJSON";
    if ((json as { type?: unknown } | null)?.type !== "StandardScaler") {
      throw new TypeError(`${op}: expected an object with type "StandardScaler"`);
    }
    const s = new StandardScaler();
    s.mean = checkJsonArray(op, "mean", json.mean);
    s.scale = checkJsonArray(op, "scale", json.scale, s.mean.length);
    if (s.scale.some((v) => v <= 0)) throw new RangeError(`${op}: every scale must be > 0`);
    return s;
  }

  private fitted(op: string): { mean: Float64Array; scale: Float64Array } {
    if (this.mean === null || this.scale === null) throw new NotFittedError(`StandardScaler.${op}: call fit (or fitTransform) first; the scaler has no mean and scale yet`);
    return { mean: this.mean, scale: this.scale };
  }
}
