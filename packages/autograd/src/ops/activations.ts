import * as T from "@nn/tensor";
import { checkOptions, elementary, geluSlope, geluTanh, geluTanhSlope, normalCdf, optionKeys, sigmoid as logistic, softplus as softplusOf, softplusSlope } from "@nn/tensor";
import { mapElements, mapPairs } from "../elementwise-map.js";
import { type Input, record, toVariable } from "../record.js";
import type { Variable } from "../variable.js";

/** tanh(a). docs/math_derivations.md §AD.5: ∂tanh/∂a = 1 − tanh² */
export function tanh(a: Input): Variable {
  const x = toVariable("tanh", "a", a);
  const y = mapElements(x.value, elementary.tanh);
  return record("tanh", y, [x], (g) => [mapPairs(g, y, (gi, t) => gi * (1 - t * t))]);
}

/** σ(a) = 1/(1 + e^(−a)), without overflow. docs/math_derivations.md §AD.5: σ' = σ(1 − σ) */
export function sigmoid(a: Input): Variable {
  const x = toVariable("sigmoid", "a", a);
  const y = mapElements(x.value, logistic);
  return record("sigmoid", y, [x], (g) => [mapPairs(g, y, (gi, s) => gi * s * (1 - s))]);
}

/** max(a, 0) (NaN kept). docs/math_derivations.md §AD.5: the gradient passes where a > 0 (0 at the kink, as PyTorch). */
export function relu(a: Input): Variable {
  const x = toVariable("relu", "a", a);
  const xv = x.value;
  const y = T.zeros(xv.shape, xv.dtype);
  if (y.size > 0) T.kernels().relu(xv.data, y.data);
  return record("relu", y, [x], (g) => {
    const dx = T.zeros(g.shape, g.dtype);
    if (dx.size > 0) T.kernels().reluBackward(xv.dtype === g.dtype ? xv.data : xv.astype(g.dtype).data, g.data, dx.data);
    return [dx];
  });
}

/** a for a > 0, alpha·a otherwise (default alpha 0.01, as PyTorch). docs/math_derivations.md §AD.5 */
export function leakyRelu(a: Input, alpha = 0.01): Variable {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) throw new RangeError(`leakyRelu: alpha must be a finite number, got ${String(alpha)}`);
  const x = toVariable("leakyRelu", "a", a);
  const y = mapElements(x.value, (v) => (v > 0 ? v : alpha * v));
  return record("leakyRelu", y, [x], (g) => [mapPairs(g, x.value, (gi, v) => (v > 0 ? gi : alpha * gi))]);
}

export interface GeluOptions {
  /** `'none'` (default): x·Φ(x) with the exact normal CDF; `'tanh'`: the tanh approximation (as PyTorch). */
  approximate?: "none" | "tanh";
}

const GELU_OPTIONS = optionKeys<GeluOptions>()("approximate");

/** GELU(a) = a·Φ(a), or its tanh approximation. docs/math_derivations.md §AD.5 (and §3.5) */
export function gelu(a: Input, options: GeluOptions = {}): Variable {
  checkOptions("gelu", options, GELU_OPTIONS);
  const approximate = options.approximate ?? "none";
  if (approximate !== "none" && approximate !== "tanh") {
    throw new RangeError(`gelu: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
  }
  const x = toVariable("gelu", "a", a);
  if (approximate === "tanh") {
    const y = mapElements(x.value, geluTanh);
    return record("gelu", y, [x], (g) => [mapPairs(g, x.value, (gi, v) => gi * geluTanhSlope(v))]);
  }
  // Φ(a) is the costly part of both passes: computed once here and kept for the VJP.
  const xd = x.value.data, cdf = new Float64Array(xd.length);
  const y = T.zeros(x.shape, x.dtype);
  for (let i = 0; i < xd.length; i++) {
    cdf[i] = normalCdf(xd[i]);
    y.data[i] = xd[i] * cdf[i];
  }
  return record("gelu", y, [x], (g) => {
    const dx = T.zeros(g.shape, g.dtype);
    for (let i = 0; i < xd.length; i++) dx.data[i] = g.data[i] * geluSlope(xd[i], cdf[i]);
    return [dx];
  });
}

export interface SoftplusOptions {
  /** Sharpness (default 1, as PyTorch). */
  beta?: number;
  /** Above beta·a > threshold the function is the identity (default 20, as PyTorch). */
  threshold?: number;
}

const SOFTPLUS_OPTIONS = optionKeys<SoftplusOptions>()("beta", "threshold");

/** log(1 + e^(βa))/β, without overflow. docs/math_derivations.md §AD.5: ∂/∂a = σ(βa) */
export function softplus(a: Input, options: SoftplusOptions = {}): Variable {
  checkOptions("softplus", options, SOFTPLUS_OPTIONS);
  const beta = options.beta ?? 1, threshold = options.threshold ?? 20;
  if (!(beta > 0 && Number.isFinite(beta))) throw new RangeError(`softplus: beta must be a finite number > 0, got ${String(beta)}`);
  if (!Number.isFinite(threshold)) throw new RangeError(`softplus: threshold must be a finite number, got ${String(threshold)}`);
  const x = toVariable("softplus", "a", a);
  const y = mapElements(x.value, (v) => softplusOf(v, beta, threshold));
  return record("softplus", y, [x], (g) => [mapPairs(g, x.value, (gi, v) => gi * softplusSlope(v, beta, threshold))]);
}
