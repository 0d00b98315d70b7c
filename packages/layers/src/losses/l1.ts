import type { Tensor } from "@nn/tensor";
import { ElementwiseLoss } from "./loss.js";

/** Mean absolute error: L = mean(|p − t|) over every element. */
export class L1Loss extends ElementwiseLoss {
  protected total(p: Tensor["data"], t: Tensor["data"]): number {
    let sum = 0;
    for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - t[i]);
    return sum;
  }

  // docs/math_derivations.md §4.5: ∂L/∂p = sign(p − t)/N, with sign(0) = 0 as PyTorch
  protected gradient(p: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    for (let i = 0; i < p.length; i++) {
      const d = p[i] - t[i];
      g[i] = d > 0 ? scale : d < 0 ? -scale : 0;
    }
  }
}
