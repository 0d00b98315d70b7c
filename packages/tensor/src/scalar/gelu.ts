import { expMinusHalfSquare, normalCdf } from "./erf.js";
import * as elementary from "../math/index.js";

const SQRT_2_OVER_PI = 0.7978845608028654; // √(2/π)
const ONE_OVER_SQRT_2PI = 0.3989422804014327; // 1/√(2π)
const CUBIC = 0.044715;

// GELU for one number, shared by @nn/layers' GELU layer and @nn/autograd's gelu (as PyTorch's).
// The exact form x·Φ(x) is `x * normalCdf(x)`; its slope and both parts of the tanh form are here.

/** 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))): GELU's tanh approximation. */
export function geluTanh(x: number): number {
  return 0.5 * x * (1 + elementary.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x)));
}

/** d/dx geluTanh(x), by the chain rule through u(x) = √(2/π)·(x + 0.044715·x³). docs/math_derivations.md §3.5 */
export function geluTanhSlope(x: number): number {
  const t = elementary.tanh(SQRT_2_OVER_PI * (x + CUBIC * x * x * x));
  const du = SQRT_2_OVER_PI * (1 + 3 * CUBIC * x * x);
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
}

/**
 * d/dx x·Φ(x) = Φ(x) + x·φ(x). docs/math_derivations.md §3.5. Pass Φ(x) when the forward pass
 * already computed it: it is the costly part.
 */
export function geluSlope(x: number, cdf: number = normalCdf(x)): number {
  return cdf + x * ONE_OVER_SQRT_2PI * expMinusHalfSquare(x);
}
