import type { Parameter } from "@nn/layers";

/**
 * L1 regularisation as a loss term: R = λ·Σ|w| over Dense weights (names ending in `weight`).
 * Its gradient is λ·sign(w) (a subgradient, 0 at w = 0), which pushes small weights to exactly
 * zero: the sparse networks the Playground shows with L1.
 */
export class L1Penalty {
  readonly params: readonly Parameter[];

  constructor(params: readonly Parameter[], readonly lambda: number) {
    if (!(lambda >= 0 && Number.isFinite(lambda))) throw new RangeError(`L1Penalty: lambda must be a finite number >= 0, got ${String(lambda)}`);
    this.params = params.filter((p) => p.name === "weight" || p.name.endsWith(".weight"));
  }

  value(): number {
    let sum = 0;
    for (const p of this.params) {
      const w = p.value.data;
      for (let i = 0; i < w.length; i++) sum += Math.abs(w[i]);
    }
    return this.lambda * sum;
  }

  backward(): void {
    const lambda = this.lambda;
    for (const p of this.params) {
      const w = p.value.data, g = p.grad.data;
      for (let i = 0; i < w.length; i++) g[i] += w[i] > 0 ? lambda : w[i] < 0 ? -lambda : 0;
    }
  }
}
