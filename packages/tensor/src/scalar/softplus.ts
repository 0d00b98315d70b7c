import { sigmoid } from "./sigmoid.js";
import * as elementary from "../math/index.js";

// Softplus for one number, shared by @nn/layers' Softplus layer and @nn/autograd's softplus;
// beta and threshold as PyTorch's.

/** log(1 + e^(β·x))/β, and x itself once β·x > threshold; never overflows. */
export function softplus(x: number, beta = 1, threshold = 20): number {
  const bx = beta * x;
  // log1p(e^bx) for bx > 0 is bx + log1p(e^−bx): never overflows.
  return bx > threshold ? x : (bx > 0 ? bx + elementary.log1p(elementary.exp(-bx)) : elementary.log1p(elementary.exp(bx))) / beta;
}

/** d/dx softplus(x) = σ(β·x), and 1 above the threshold. docs/math_derivations.md §3.8 */
export function softplusSlope(x: number, beta = 1, threshold = 20): number {
  const bx = beta * x;
  return bx > threshold ? 1 : sigmoid(bx);
}
