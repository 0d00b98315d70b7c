import type { Tensor } from "@nn/tensor";
import { ElementwiseLoss } from "./loss.js";

/** Mean squared error: L = mean((p − t)²) over every element. */
export class MSELoss extends ElementwiseLoss {
  protected total(p: Tensor["data"], t: Tensor["data"]): number {
    let sum = 0;
    for (let i = 0; i < p.length; i++) {
      const d = p[i] - t[i];
      sum += d * d;
    }
    return sum;
  }

  // docs/math_derivations.md §4.4: ∂L/∂p = 2(p − t)/N
  protected gradient(p: Tensor["data"], t: Tensor["data"], g: Tensor["data"], scale: number): void {
    for (let i = 0; i < p.length; i++) g[i] = 2 * scale * (p[i] - t[i]);
  }
}
