import { type Tensor, createRng, randn } from "@nn/tensor";
import type { Layer, Loss, Mode } from "../../src/index.js";

/**
 * Central differences in float64: ∂f/∂vᵢ ≈ (f(v + h·eᵢ) − f(v − h·eᵢ)) / 2h, truncation error
 * O(h²). A pass is DESIGN.md's rule |a − n| ≤ atol + rtol·max(|a|, |n|), atol 1e-8 and rtol 1e-6
 * unless a test says otherwise.
 */
export const H = 1e-6;

export interface Mismatch {
  what: string;
  index: number;
  analytic: number;
  numeric: number;
}

function compare(what: string, analytic: ArrayLike<number>, numeric: ArrayLike<number>, atol: number, rtol: number): Mismatch[] {
  const bad: Mismatch[] = [];
  for (let i = 0; i < analytic.length; i++) {
    const a = analytic[i], n = numeric[i];
    if (!(Math.abs(a - n) <= atol + rtol * Math.max(Math.abs(a), Math.abs(n)))) bad.push({ what, index: i, analytic: a, numeric: n });
  }
  return bad;
}

/** dL/dv for every entry of `v.data`, with L evaluated by `loss` after each perturbation. */
export function numericGradient(v: Tensor, loss: () => number, h = H): Float64Array {
  const out = new Float64Array(v.size);
  const d = v.data;
  for (let i = 0; i < d.length; i++) {
    const keep = d[i];
    d[i] = keep + h;
    const plus = loss();
    d[i] = keep - h;
    const minus = loss();
    d[i] = keep;
    out[i] = (plus - minus) / (2 * h);
  }
  return out;
}

export interface CheckOptions {
  mode?: Mode;
  atol?: number;
  rtol?: number;
  seed?: number;
}

/**
 * Checks a layer's backward (input gradient and every parameter gradient) against central
 * differences of L = Σ y ⊙ r, r a fixed random tensor, so every output element matters.
 * Returns the mismatches (empty when the layer passes).
 */
export function checkLayerGradients(layer: Layer, x: Tensor, options: CheckOptions = {}): Mismatch[] {
  const { mode = "train", atol = 1e-8, rtol = 1e-6, seed = 7 } = options;
  layer.holdRandomness?.(true);
  const y0 = layer.forward(x, mode);
  const r = randn(y0.shape, createRng(seed), { dtype: "float64" });
  const objective = (): number => {
    const y = layer.forward(x, mode);
    let s = 0;
    for (let i = 0; i < y.size; i++) s += y.data[i] * r.data[i];
    return s;
  };
  for (const p of layer.parameters()) p.grad.data.fill(0);
  objective();
  const dx = layer.backward(r).data.slice();
  const paramGrads = layer.parameters().map((p) => p.grad.data.slice());
  const bad = compare("x", dx, numericGradient(x, objective), atol, rtol);
  layer.parameters().forEach((p, k) => bad.push(...compare(p.name, paramGrads[k], numericGradient(p.value, objective), atol, rtol)));
  layer.holdRandomness?.(false);
  return bad;
}

/** Checks a loss's backward against central differences of its forward. */
export function checkLossGradient(loss: Loss, pred: Tensor, target: Tensor, options: CheckOptions = {}): Mismatch[] {
  const { atol = 1e-8, rtol = 1e-6 } = options;
  loss.forward(pred, target);
  const analytic = loss.backward().data.slice();
  return compare("pred", analytic, numericGradient(pred, () => loss.forward(pred, target)), atol, rtol);
}
