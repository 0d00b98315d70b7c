import { checkOptions, optionKeys } from "@nn/tensor";
import type { Parameter } from "./parameter.js";

export interface ClipGradNormOptions {
  /**
   * Throw when the total norm is NaN or infinite (default true). With false, the non-finite norm
   * is returned and the gradients are left as they are, for the caller to deal with.
   */
  errorIfNonfinite?: boolean;
}

const CLIP_GRAD_NORM_OPTIONS = optionKeys<ClipGradNormOptions>()("errorIfNonfinite");

/**
 * Rescales all gradients together so their global L2 norm is at most `maxNorm`, as
 * `torch.nn.utils.clip_grad_norm_`: total = √Σ g² over every element of every parameter, and
 * when maxNorm/(total + 1e-6) < 1 every gradient is multiplied by that factor. Returns the total
 * norm before clipping. The sum is accumulated in float64 whatever the dtype.
 * docs/math_derivations.md §9.7
 */
export function clipGradNorm(params: readonly Parameter[], maxNorm: number, options: ClipGradNormOptions = {}): number {
  if (typeof maxNorm !== "number" || !Number.isFinite(maxNorm) || maxNorm < 0) {
    throw new RangeError(`clipGradNorm: maxNorm must be a finite number ≥ 0, got ${String(maxNorm)}`);
  }
  checkOptions("clipGradNorm", options, CLIP_GRAD_NORM_OPTIONS);
  let sumSquares = 0;
  for (const param of params) {
    const g = param.grad.data;
    for (let i = 0; i < g.length; i++) sumSquares += g[i] * g[i];
  }
  const total = Math.sqrt(sumSquares);
  if (!Number.isFinite(total)) {
    if (options.errorIfNonfinite === false) return total;
    throw new Error(nonFiniteMessage(params, total));
  }
  const coefficient = maxNorm / (total + 1e-6);
  if (coefficient < 1) {
    for (const param of params) {
      const g = param.grad.data;
      for (let i = 0; i < g.length; i++) g[i] = g[i] * coefficient;
    }
  }
  return total;
}

/** Clamps every gradient element into [−clip, clip] (`torch.nn.utils.clip_grad_value_`). */
export function clipGradValue(params: readonly Parameter[], clip: number): void {
  if (typeof clip !== "number" || !Number.isFinite(clip) || clip < 0) {
    throw new RangeError(`clipGradValue: clip must be a finite number ≥ 0, got ${String(clip)}`);
  }
  for (const param of params) {
    const g = param.grad.data;
    for (let i = 0; i < g.length; i++) {
      const x = g[i];
      if (x > clip) g[i] = clip;
      else if (x < -clip) g[i] = -clip;
    }
  }
}

function nonFiniteMessage(params: readonly Parameter[], total: number): string {
  // The sum of squares can overflow with every element finite; name the culprit when there is one.
  for (const param of params) {
    const g = param.grad.data;
    for (let i = 0; i < g.length; i++) {
      if (!Number.isFinite(g[i])) {
        return `clipGradNorm: the total gradient norm is ${total}: parameter "${param.name}" has grad ${g[i]} at index ${i}`;
      }
    }
  }
  return `clipGradNorm: the total gradient norm is ${total}: the sum of squared gradients overflowed (largest gradients near ${Math.sqrt(Number.MAX_VALUE).toExponential(2)} or above)`;
}
