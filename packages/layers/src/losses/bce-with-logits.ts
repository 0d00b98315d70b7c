import type { Tensor } from "@nn/tensor";
import { sigmoid } from "../activations/sigmoid.js";
import { checkBinaryTargets } from "./binary-targets.js";
import { ElementwiseLoss } from "./loss.js";
import { elementary } from "@nn/tensor";

/**
 * Binary cross-entropy on logits z, fused with the sigmoid:
 * ℓ = max(z, 0) − z·t + log(1 + e^(−|z|)), which never overflows and stays exact at z = 100, where
 * σ(z) has rounded to 1 so that log(1 − σ(z)) would be log 0 (σ(−100) = 3.7e-44 is still representable).
 */
export class BCEWithLogitsLoss extends ElementwiseLoss {
  /** Classification: one logit per row (see `Loss.prediction`). */
  readonly prediction = "logit" as const;
  protected total(z: Tensor["data"], t: Tensor["data"]): number {
    checkBinaryTargets("BCEWithLogitsLoss", t);
    let sum = 0;
    for (let i = 0; i < z.length; i++) {
      const zi = z[i];
      sum += Math.max(zi, 0) - zi * t[i] + elementary.log1p(elementary.exp(-Math.abs(zi)));
    }
    return sum;
  }

  // docs/math_derivations.md §4.2: ∂ℓ/∂z = σ(z) − t
  protected gradient(z: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    for (let i = 0; i < z.length; i++) g[i] = scale * (sigmoid(z[i]) - t[i]);
  }
}
