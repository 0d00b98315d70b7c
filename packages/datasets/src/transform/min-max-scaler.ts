import { type Tensor, checkOptions, optionKeys } from "@nn/tensor";
import { checkJsonArray, columnCount, columnStats, outputFor } from "./scaler-shared.js";
import { NotFittedError } from "./not-fitted-error.js";

export interface MinMaxScalerOptions {
  /** Target range [low, high] (default [0, 1]). */
  featureRange?: readonly [number, number];
}

const MIN_MAX_SCALER_OPTIONS = optionKeys<MinMaxScalerOptions>()("featureRange");

export interface MinMaxScalerJSON {
  type: "MinMaxScaler";
  featureRange: [number, number];
  dataMin: number[];
  dataMax: number[];
}

/**
 * Maps each column's [min, max] onto `featureRange` as scikit-learn does: scale = (high − low) /
 * (max − min), min_ = low − min · scale, z = x · scale + min_. A constant column (max = min) has
 * its range taken as 1 (scikit-learn's rule), so its values map to `low` instead of dividing by zero.
 */
export class MinMaxScaler {
  readonly featureRange: readonly [number, number];
  dataMin: Float64Array | null = null;
  dataMax: Float64Array | null = null;
  scale: Float64Array | null = null;
  min: Float64Array | null = null;

  constructor(options: MinMaxScalerOptions = {}) {
    checkOptions("MinMaxScaler", options, MIN_MAX_SCALER_OPTIONS);
    const [low, high] = options.featureRange ?? [0, 1];
    if (!Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
      throw new RangeError(`MinMaxScaler: featureRange must be [low, high] with finite low < high, got [${low}, ${high}]`);
    }
    this.featureRange = [low, high];
  }

  fit(x: Tensor): this {
    const { n } = columnCount(x, "MinMaxScaler.fit");
    if (n === 0) throw new RangeError("MinMaxScaler.fit: x has no rows");
    const { min, max } = columnStats(x, "MinMaxScaler.fit");
    this.setRange(min, max);
    return this;
  }

  /** x · scale + min_, into `out` if given (may be x itself), else a new tensor of x's dtype. */
  transform(x: Tensor, out?: Tensor): Tensor {
    const { scale, min } = this.fitted("transform");
    const { n, f } = columnCount(x, "MinMaxScaler.transform", scale.length);
    const o = outputFor(x, out, "MinMaxScaler.transform");
    const src = x.data, dst = o.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) dst[i * f + j] = src[i * f + j] * scale[j] + min[j];
    return o;
  }

  fitTransform(x: Tensor, out?: Tensor): Tensor {
    return this.fit(x).transform(x, out);
  }

  /** (z − min_) / scale: undoes `transform`. */
  inverseTransform(z: Tensor, out?: Tensor): Tensor {
    const { scale, min } = this.fitted("inverseTransform");
    const { n, f } = columnCount(z, "MinMaxScaler.inverseTransform", scale.length);
    const o = outputFor(z, out, "MinMaxScaler.inverseTransform");
    const src = z.data, dst = o.data;
    for (let i = 0; i < n; i++) for (let j = 0; j < f; j++) dst[i * f + j] = (src[i * f + j] - min[j]) / scale[j];
    return o;
  }

  toJSON(): MinMaxScalerJSON {
    this.fitted("toJSON");
    return {
      type: "MinMaxScaler",
      featureRange: [this.featureRange[0], this.featureRange[1]],
      dataMin: Array.from(this.dataMin ?? []),
      dataMax: Array.from(this.dataMax ?? []),
    };
  }

  static fromJSON(json: MinMaxScalerJSON): MinMaxScaler {
    const op = "MinMaxScaler.fromJSON";
    if ((json as { type?: unknown } | null)?.type !== "MinMaxScaler") throw new TypeError(`${op}: expected an object with type "MinMaxScaler"`);
    const range = checkJsonArray(op, "featureRange", json.featureRange, 2);
    const s = new MinMaxScaler({ featureRange: [range[0], range[1]] });
    const dataMin = checkJsonArray(op, "dataMin", json.dataMin);
    const dataMax = checkJsonArray(op, "dataMax", json.dataMax, dataMin.length);
    if (dataMin.some((v, j) => v > dataMax[j])) throw new RangeError(`${op}: dataMin must not exceed dataMax`);
    s.setRange(dataMin, dataMax);
    return s;
  }

  private setRange(dataMin: Float64Array, dataMax: Float64Array): void {
    const [low, high] = this.featureRange;
    const f = dataMin.length;
    const scale = new Float64Array(f), min = new Float64Array(f);
    for (let j = 0; j < f; j++) {
      const range = dataMax[j] - dataMin[j];
      scale[j] = (high - low) / (range === 0 ? 1 : range);
      min[j] = low - dataMin[j] * scale[j];
    }
    this.dataMin = dataMin;
    this.dataMax = dataMax;
    this.scale = scale;
    this.min = min;
  }

  private fitted(op: string): { scale: Float64Array; min: Float64Array } {
    if (this.scale === null || this.min === null) throw new NotFittedError(`MinMaxScaler.${op}: call fit (or fitTransform) first; the scaler has no data range yet`);
    return { scale: this.scale, min: this.min };
  }
}
