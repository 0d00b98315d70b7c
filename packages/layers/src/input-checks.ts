import { type DType, type Tensor, formatShape } from "@nn/tensor";
import { LayerInputError } from "./errors.js";
import { sameShape } from "./buffer-reuse.js";

interface Described {
  readonly dtype: DType;
  describe(): string;
}

export function checkDType(layer: Described, x: Tensor, what = "input"): void {
  if (x.dtype !== layer.dtype) {
    throw new LayerInputError(
      layer.describe(),
      `expected ${layer.dtype} ${what}, got ${x.dtype} (convert the ${what} with astype('${layer.dtype}') or the layer with cast('${x.dtype}'))`,
    );
  }
}

/** A batch [n, features]: what Dense and BatchNorm1d take. */
export function checkMatrix(layer: Described, x: Tensor, features: number): void {
  checkDType(layer, x);
  if (x.rank !== 2 || x.shape[1] !== features) {
    throw new LayerInputError(layer.describe(), `expected input [n, ${features}], got ${formatShape(x.shape)}`);
  }
}

/** Any rank ≥ 1 whose last axis has `features` entries: what LayerNorm and Softmax take. */
export function checkLastAxis(layer: Described, x: Tensor, features: number | undefined): void {
  checkDType(layer, x);
  if (x.rank === 0 || (features !== undefined && x.shape[x.rank - 1] !== features)) {
    const expected = features === undefined ? "[..., k] (rank ≥ 1)" : `[..., ${features}]`;
    throw new LayerInputError(layer.describe(), `expected input ${expected}, got ${formatShape(x.shape)}`);
  }
}

/** The incoming gradient must match the output of the last forward. */
export function checkGradient(layer: Described, dy: Tensor, output: Tensor | undefined): Tensor {
  if (output === undefined) throw new LayerInputError(layer.describe(), "backward called before forward");
  checkDType(layer, dy, "gradient");
  if (!sameShape(dy.shape, output.shape)) {
    throw new LayerInputError(layer.describe(), `expected gradient ${formatShape(output.shape)} (the shape of the last output), got ${formatShape(dy.shape)}`);
  }
  return output;
}

export function checkDTypeOption(owner: string, dtype: unknown): DType {
  if (dtype === undefined) return "float32";
  if (dtype !== "float32" && dtype !== "float64") throw new TypeError(`${owner}: dtype must be 'float32' or 'float64', got ${JSON.stringify(dtype)}`);
  return dtype;
}

export function checkPositiveInt(owner: string, name: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${owner}: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}

/** A numeric option checked by `valid`; the error names the option and its allowed `range`. */
export function checkNumberOption(owner: string, name: string, value: unknown, valid: (v: number) => boolean, range: string): number {
  if (typeof value !== "number" || Number.isNaN(value) || !valid(value)) {
    throw new RangeError(`${owner}: ${name} must be ${range}, got ${String(value)}`);
  }
  return value;
}

/** A mode other than 'train' or 'eval' (a typo such as 'Train') would silently mean training. */
export function checkMode(layer: Described, mode: unknown): void {
  if (mode !== "train" && mode !== "eval") throw new LayerInputError(layer.describe(), `mode must be 'train' or 'eval', got ${JSON.stringify(mode)}`);
}
