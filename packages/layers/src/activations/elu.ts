import { optionKeys, elementary } from "@nn/tensor";
import type { DType, TypedArray } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import type { JsonObject } from "../json.js";
import { type ActivationOptions, ElementwiseActivation } from "./elementwise.js";

const ELU_OPTIONS = optionKeys<ELUOptions>()("dtype", "alpha");

export interface ELUOptions extends ActivationOptions {
  /** Saturation value −alpha for large negative x (default 1, as PyTorch). */
  alpha?: number;
}

/** ELU(x) = x for x > 0, alpha·(e^x − 1) otherwise. */
export class ELU extends ElementwiseActivation {
  readonly typeName = "ELU";
  readonly alpha: number;

  constructor(options: ELUOptions = {}) {
    super(options, ELU_OPTIONS);
    this.alpha = checkNumberOption("ELU", "alpha", options.alpha ?? 1, Number.isFinite, "a finite number");
  }

  protected apply(x: TypedArray, y: TypedArray): void {
    const a = this.alpha;
    // expm1 keeps full relative precision for x near 0, where e^x − 1 would cancel.
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : a * elementary.expm1(x[i]);
  }

  // docs/math_derivations.md §3.6
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    const a = this.alpha;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : dy[i] * a * elementary.exp(x[i]);
  }

  protected override config(): JsonObject {
    return { alpha: this.alpha };
  }

  cast(_dtype: DType): ELU {
    return new ELU({ alpha: this.alpha });
  }
}
