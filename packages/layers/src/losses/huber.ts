import { checkOptions, optionKeys } from "@nn/tensor";
import type { Tensor } from "@nn/tensor";
import { checkNumberOption } from "../input-checks.js";
import { ElementwiseLoss } from "./loss.js";

const HUBER_OPTIONS = optionKeys<HuberLossOptions>()("delta");

export interface HuberLossOptions {
  /** Where the loss turns from quadratic to linear (default 1, as PyTorch). */
  delta?: number;
}

/**
 * Huber loss, element-wise with d = p − t: ½d² where |d| < δ, δ·(|d| − ½δ) elsewhere; then the mean.
 * Quadratic near the target, linear (robust to outliers) far from it.
 */
export class HuberLoss extends ElementwiseLoss {
  readonly delta: number;

  constructor(options: HuberLossOptions = {}) {
    super();
    checkOptions("HuberLoss", options, HUBER_OPTIONS);
    this.delta = checkNumberOption("HuberLoss", "delta", options.delta ?? 1, (v) => v > 0 && Number.isFinite(v), "a finite number > 0");
  }

  protected total(p: Tensor["data"], t: Tensor["data"]): number {
    const delta = this.delta;
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      const a = Math.abs(p[i] - t[i]);
      sum += a < delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }
    return sum;
  }

  // docs/math_derivations.md §4.6: ∂/∂p = d inside the quadratic zone, δ·sign(d) outside
  protected gradient(p: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    const delta = this.delta;
    for (let i = 0; i < p.length; i++) {
      const d = p[i] - t[i];
      g[i] = scale * (d > delta ? delta : d < -delta ? -delta : d);
    }
  }
}
