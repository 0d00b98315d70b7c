import { optionKeys, softplus, softplusSlope } from "@nn/tensor";
import type { DType, TypedArray } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import type { JsonObject } from "../json.js";
import { type ActivationOptions, ElementwiseActivation } from "./elementwise.js";

const SOFTPLUS_OPTIONS = optionKeys<SoftplusOptions>()("dtype", "beta", "threshold");

export interface SoftplusOptions extends ActivationOptions {
  /** Sharpness (default 1, as PyTorch). */
  beta?: number;
  /** Above beta·x > threshold the layer is the identity (default 20, as PyTorch). */
  threshold?: number;
}

/** Softplus(x) = log(1 + e^(beta·x)) / beta, and x itself once beta·x > threshold. */
export class Softplus extends ElementwiseActivation {
  readonly typeName = "Softplus";
  readonly beta: number;
  readonly threshold: number;

  constructor(options: SoftplusOptions = {}) {
    super(options, SOFTPLUS_OPTIONS);
    this.beta = checkNumberOption("Softplus", "beta", options.beta ?? 1, (v) => v > 0 && Number.isFinite(v), "a finite number > 0");
    this.threshold = checkNumberOption("Softplus", "threshold", options.threshold ?? 20, Number.isFinite, "a finite number");
  }

  protected apply(x: TypedArray, y: TypedArray): void {
    const b = this.beta, t = this.threshold;
    for (let i = 0; i < x.length; i++) y[i] = softplus(x[i], b, t);
  }

  // docs/math_derivations.md §3.8: d/dx log(1 + e^(βx))/β = σ(βx)
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    const b = this.beta, t = this.threshold;
    for (let i = 0; i < x.length; i++) dx[i] = dy[i] * softplusSlope(x[i], b, t);
  }

  protected override config(): JsonObject {
    return { beta: this.beta, threshold: this.threshold };
  }

  cast(_dtype: DType): Softplus {
    return new Softplus({ beta: this.beta, threshold: this.threshold });
  }
}
