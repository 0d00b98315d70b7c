/**
 * σ(x) = 1 / (1 + e^(−x)) for one number, computed without overflow for any x. Shared by the
 * layers (Sigmoid, SiLU, Softplus, BCEWithLogits) and by autograd.
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // e^x < 1 here, so neither branch overflows
  return e / (1 + e);
}
