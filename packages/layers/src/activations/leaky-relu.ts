import { type DType, type TypedArray, optionKeys } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import type { JsonObject } from "../json.js";
import { type ActivationOptions, ElementwiseActivation } from "./elementwise.js";

export interface LeakyReLUOptions extends ActivationOptions {
  /** Slope for x ≤ 0 (default 0.01, PyTorch's negative_slope). */
  alpha?: number;
}

const LEAKY_RELU_OPTIONS = optionKeys<LeakyReLUOptions>()("alpha", "dtype");

/** LeakyReLU(x) = x for x > 0, alpha·x otherwise (PyTorch's default alpha 0.01). */
export class LeakyReLU extends ElementwiseActivation {
  readonly typeName = "LeakyReLU";
  readonly alpha: number;

  constructor(options?: LeakyReLUOptions);
  /** @deprecated Positional alpha: write `new LeakyReLU({ alpha })` (optional settings go in options; CONTRIBUTING.md). */
  constructor(alpha: number, options?: ActivationOptions);
  constructor(first: LeakyReLUOptions | number = {}, legacy: ActivationOptions = {}) {
    const options: LeakyReLUOptions = typeof first === "number" ? { ...legacy, alpha: first } : first;
    super(options, LEAKY_RELU_OPTIONS);
    this.alpha = checkNumberOption("LeakyReLU", "alpha", options.alpha ?? 0.01, Number.isFinite, "a finite number");
  }

  protected apply(x: TypedArray, y: TypedArray): void {
    const a = this.alpha;
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : a * x[i];
  }

  // docs/math_derivations.md §3.2
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    const a = this.alpha;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : a * dy[i];
  }

  protected override config(): JsonObject {
    return { alpha: this.alpha };
  }

  cast(_dtype: DType): LeakyReLU {
    return new LeakyReLU({ alpha: this.alpha });
  }
}
