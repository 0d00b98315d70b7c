import { type DType, type Tensor, formatShape, sameShape } from "@nn/tensor";
import { LayerInputError } from "./errors.js";

interface Described {
  /** The dtype of the layer's parameters; undefined for a layer without any, which follows its input. */
  readonly dtype: DType | undefined;
  describe(): string;
}

/** Input of another dtype than the parameters': the message shows both fixes in code. */
export function checkDType(layer: Described, x: Tensor, what = "input"): void {
  if (layer.dtype !== undefined && x.dtype !== layer.dtype) {
    throw new LayerInputError(
      layer.describe(),
      `expected ${layer.dtype} ${what}, got ${x.dtype}: convert the ${what} with x.astype("${layer.dtype}"), ` +
        `or the model with model = model.cast("${x.dtype}") (cast returns a converted copy)`,
    );
  }
}

/** Anything but a Tensor (a plain array, undefined) is refused before it reaches the arithmetic. */
export function checkTensorInput(layer: Described, x: unknown, what = "input"): void {
  if (typeof x === "object" && x !== null && "data" in x && "shape" in x && "dtype" in x) return;
  const got = Array.isArray(x) ? "a plain array" : x === null ? "null" : typeof x;
  const fix = Array.isArray(x) ? `; wrap it with tensor(...) from @nn/tensor, or use model.predict(array)` : "";
  throw new LayerInputError(layer.describe(), `expected a Tensor ${what}, got ${got}${fix}`);
}

/** A batch [n, features]: what Dense and BatchNorm1d take. */
export function checkMatrix(layer: Described, x: Tensor, features: number): void {
  checkDType(layer, x);
  if (x.rank !== 2 || x.shape[1] !== features) {
    // A single example is still a batch of one, as in PyTorch and Keras.
    const hint = x.rank === 1 && x.shape[0] === features ? ` (one example is a batch of one: [[...]], or x.reshape([1, ${features}]))` : "";
    throw new LayerInputError(layer.describe(), `expected input [n, ${features}], got ${formatShape(x.shape)}${hint}`);
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
  if (dy.dtype !== output.dtype) {
    throw new LayerInputError(layer.describe(), `expected a ${output.dtype} gradient (the dtype of the last output), got ${dy.dtype}`);
  }
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
