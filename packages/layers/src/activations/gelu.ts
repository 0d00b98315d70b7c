import { type DType, type TypedArray, geluSlope, geluTanh, geluTanhSlope, normalCdf, optionKeys } from "@nn/tensor";
import type { JsonObject } from "../json.js";
import { type ActivationOptions, ElementwiseActivation } from "./elementwise.js";

const GELU_OPTIONS = optionKeys<GELUOptions>()("dtype", "approximate");

export interface GELUOptions extends ActivationOptions {
  /** `'none'` (default): x·Φ(x) with the exact normal CDF; `'tanh'`: the tanh approximation. */
  approximate?: "none" | "tanh";
}

/**
 * GELU(x) = x·Φ(x), Φ the standard normal CDF (Hendrycks & Gimpel 2016), or with
 * `approximate: 'tanh'`: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), both as PyTorch.
 */
export class GELU extends ElementwiseActivation {
  readonly typeName = "GELU";
  readonly approximate: "none" | "tanh";
  /** Φ(x) of the last forward pass, which the backward pass needs again (erfc is the costly part). */
  private cdf = new Float64Array(0);

  constructor(options: GELUOptions = {}) {
    super(options, GELU_OPTIONS);
    const approximate = options.approximate ?? "none";
    if (approximate !== "none" && approximate !== "tanh") {
      throw new RangeError(`GELU: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
    }
    this.approximate = approximate;
  }

  protected apply(x: TypedArray, y: TypedArray): void {
    if (this.approximate === "tanh") {
      for (let i = 0; i < x.length; i++) y[i] = geluTanh(x[i]);
    } else {
      // Φ from erfc keeps full relative precision for negative x, where 1 + erf(x/√2) would cancel.
      if (this.cdf.length !== x.length) this.cdf = new Float64Array(x.length);
      const cdf = this.cdf;
      for (let i = 0; i < x.length; i++) {
        cdf[i] = normalCdf(x[i]);
        y[i] = x[i] * cdf[i];
      }
    }
  }

  // docs/math_derivations.md §3.5: GELU' = Φ(x) + x·φ(x); tanh form by the chain rule through u(x)
  protected gradient(x: TypedArray, _y: TypedArray, dy: TypedArray, dx: TypedArray): void {
    if (this.approximate === "tanh") {
      for (let i = 0; i < x.length; i++) dx[i] = dy[i] * geluTanhSlope(x[i]);
    } else {
      const cdf = this.cdf;
      for (let i = 0; i < x.length; i++) dx[i] = dy[i] * geluSlope(x[i], cdf[i]);
    }
  }

  protected override config(): JsonObject {
    return { approximate: this.approximate };
  }

  override describe(): string {
    return this.approximate === "tanh" ? "GELU(tanh)" : "GELU";
  }

  cast(_dtype: DType): GELU {
    return new GELU({ approximate: this.approximate });
  }
}
