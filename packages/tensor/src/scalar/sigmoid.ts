/**
 * σ(x) = 1 / (1 + e^(−x)) for one number, computed without overflow for any x. Shared by the
 * layers (Sigmoid, SiLU, Softplus, BCEWithLogits) and by autograd.
 */

import * as elementary from "../math/index.js";

export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + elementary.exp(-x));
  const e = elementary.exp(x); // e^x < 1 here, so neither branch overflows
  return e / (1 + e);
}
