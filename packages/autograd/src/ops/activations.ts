import * as T from "@nn/tensor";
import { checkOptions, elementary, geluSlope, geluTanh, geluTanhSlope, normalCdf, optionKeys, sigmoid as logistic, softplus as softplusOf, softplusSlope } from "@nn/tensor";
import { mapElements, mapPairs } from "../elementwise-map.js";
import { gradTensor } from "../gradient-buffers.js";
import { type Input, record, toVariable, valueTensor } from "../record.js";
import type { Variable } from "../variable.js";

// The gradient loops are module-level functions and each VJP closure only calls one: a closure is
// made per op call and runs once, so its own code is never optimised for long (a full garbage
// collection drops it), while these stay compiled across steps.

function tanhSlope(gi: number, t: number): number {
  return gi * (1 - t * t);
}

/** tanh(a). docs/math_derivations.md §AD.5: ∂tanh/∂a = 1 − tanh² */
export function tanh(a: Input): Variable {
  const x = toVariable("tanh", "a", a);
  const y = mapElements(x.valueForOps, elementary.tanh, valueTensor([x], x.shape, x.dtype));
  return record("tanh", y, [x], (g) => [mapPairs(g, y, tanhSlope, gradTensor(g.shape, g.dtype))], true);
}

/** out[i] = σ(x[i]) */
function sigmoidInto(x: T.TypedArray, out: T.TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = logistic(x[i]);
}

/** dx[i] = g[i]·s(1 − s) with s = σ(x[i]) kept from the forward pass. */
function sigmoidGradient(g: T.TypedArray, s: T.TypedArray, dx: T.TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = g[i] * s[i] * (1 - s[i]);
}

/** σ(a) = 1/(1 + e^(−a)), without overflow. docs/math_derivations.md §AD.5: σ' = σ(1 − σ) */
export function sigmoid(a: Input): Variable {
  const x = toVariable("sigmoid", "a", a);
  const y = valueTensor([x], x.shape, x.dtype);
  sigmoidInto(x.valueForOps.data, y.data);
  return record("sigmoid", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    sigmoidGradient(g.data, y.data, dx.data);
    return [dx];
  }, true);
}

/** max(a, 0) (NaN kept). docs/math_derivations.md §AD.5: the gradient passes where a > 0 (0 at the kink, as PyTorch). */
export function relu(a: Input): Variable {
  const x = toVariable("relu", "a", a);
  const xv = x.valueForOps;
  const y = valueTensor([x], xv.shape, xv.dtype);
  if (y.size > 0) T.kernels().positivePart(xv.data, y.data);
  return record("relu", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    if (dx.size > 0) T.kernels().wherePositive(xv.dtype === g.dtype ? xv.data : xv.astype(g.dtype).data, g.data, dx.data);
    return [dx];
  }, true);
}

function leakyReluInto(x: T.TypedArray, alpha: number, out: T.TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = x[i] > 0 ? x[i] : alpha * x[i];
}

function leakyReluGradient(g: T.TypedArray, x: T.TypedArray, alpha: number, dx: T.TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = x[i] > 0 ? g[i] : alpha * g[i];
}

/** a for a > 0, alpha·a otherwise (default alpha 0.01, as PyTorch). docs/math_derivations.md §AD.5 */
export function leakyRelu(a: Input, alpha = 0.01): Variable {
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) throw new RangeError(`leakyRelu: alpha must be a finite number, got ${String(alpha)}`);
  const x = toVariable("leakyRelu", "a", a);
  const xv = x.valueForOps;
  const y = valueTensor([x], x.shape, x.dtype);
  leakyReluInto(xv.data, alpha, y.data);
  return record("leakyRelu", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    leakyReluGradient(g.data, xv.data, alpha, dx.data);
    return [dx];
  }, true);
}

export interface GeluOptions {
  /** `'none'` (default): x·Φ(x) with the exact normal CDF; `'tanh'`: the tanh approximation (as PyTorch). */
  approximate?: "none" | "tanh";
}

const GELU_OPTIONS = optionKeys<GeluOptions>()("approximate");

function geluTanhGradient(gi: number, v: number): number {
  return gi * geluTanhSlope(v);
}

function geluInto(x: T.TypedArray, cdf: Float64Array, out: T.TypedArray): void {
  for (let i = 0; i < out.length; i++) {
    cdf[i] = normalCdf(x[i]);
    out[i] = x[i] * cdf[i];
  }
}

function geluGradient(g: T.TypedArray, x: T.TypedArray, cdf: Float64Array, dx: T.TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = g[i] * geluSlope(x[i], cdf[i]);
}

/** GELU(a) = a·Φ(a), or its tanh approximation. docs/math_derivations.md §AD.5 (and §3.5) */
export function gelu(a: Input, options: GeluOptions = {}): Variable {
  checkOptions("gelu", options, GELU_OPTIONS);
  const approximate = options.approximate ?? "none";
  if (approximate !== "none" && approximate !== "tanh") {
    throw new RangeError(`gelu: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
  }
  const x = toVariable("gelu", "a", a);
  const xv = x.valueForOps;
  if (approximate === "tanh") {
    const y = mapElements(xv, geluTanh, valueTensor([x], x.shape, x.dtype));
    return record("gelu", y, [x], (g) => [mapPairs(g, xv, geluTanhGradient, gradTensor(g.shape, g.dtype))], true);
  }
  // Φ(a) is the costly part of both passes: computed once here and kept for the VJP.
  // Kept in float64 (a pooled scratch the pool takes back when backward frees the node) so the
  // float32 gradient uses Φ at full precision, as the forward did.
  const cdf = valueTensor([x], x.shape, "float64");
  const y = valueTensor([x], x.shape, x.dtype);
  geluInto(xv.data, cdf.data as Float64Array, y.data);
  return record("gelu", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    geluGradient(g.data, xv.data, cdf.data as Float64Array, dx.data);
    return [dx];
  }, true, [cdf]);
}

export interface SoftplusOptions {
  /** Sharpness (default 1, as PyTorch). */
  beta?: number;
  /** Above beta·a > threshold the function is the identity (default 20, as PyTorch). */
  threshold?: number;
}

const SOFTPLUS_OPTIONS = optionKeys<SoftplusOptions>()("beta", "threshold");

function softplusInto(x: T.TypedArray, beta: number, threshold: number, out: T.TypedArray): void {
  for (let i = 0; i < out.length; i++) out[i] = softplusOf(x[i], beta, threshold);
}

function softplusGradient(g: T.TypedArray, x: T.TypedArray, beta: number, threshold: number, dx: T.TypedArray): void {
  for (let i = 0; i < dx.length; i++) dx[i] = g[i] * softplusSlope(x[i], beta, threshold);
}

/** log(1 + e^(βa))/β, without overflow. docs/math_derivations.md §AD.5: ∂/∂a = σ(βa) */
export function softplus(a: Input, options: SoftplusOptions = {}): Variable {
  checkOptions("softplus", options, SOFTPLUS_OPTIONS);
  const beta = options.beta ?? 1, threshold = options.threshold ?? 20;
  if (!(beta > 0 && Number.isFinite(beta))) throw new RangeError(`softplus: beta must be a finite number > 0, got ${String(beta)}`);
  if (!Number.isFinite(threshold)) throw new RangeError(`softplus: threshold must be a finite number, got ${String(threshold)}`);
  const x = toVariable("softplus", "a", a);
  const xv = x.valueForOps;
  const y = valueTensor([x], x.shape, x.dtype);
  softplusInto(xv.data, beta, threshold, y.data);
  return record("softplus", y, [x], (g) => {
    const dx = gradTensor(g.shape, g.dtype);
    softplusGradient(g.data, xv.data, beta, threshold, dx.data);
    return [dx];
  }, true);
}
