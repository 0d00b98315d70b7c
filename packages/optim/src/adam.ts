import { type TypedArray, checkOptions, elementary, optionKeys } from "@nn/tensor";
import { checkBoolean, checkNonNegative, checkUnitInterval } from "./option-checks.js";
import { Optimizer, type ParameterState } from "./optimizer.js";
import type { Parameter } from "./parameter.js";

export interface AdamOptions {
  /** Learning rate, default 1e-3. */
  lr?: number;
  /** Decay rates (β1, β2) of the first and second moment averages, default [0.9, 0.999]. */
  betas?: readonly [number, number];
  /** Added to the bias-corrected √v̂ in the denominator, default 1e-8. */
  eps?: number;
  /** Adam: L2 penalty added to the gradient, default 0. AdamW: decoupled decay, default 0.01. */
  weightDecay?: number;
  /** Divide by the running maximum of v (AMSGrad), default false. */
  amsgrad?: boolean;
}

export interface AdamConfig {
  [key: string]: number | boolean | readonly number[];
  betas: readonly [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}

export const ADAM_OPTIONS = optionKeys<AdamOptions>()("lr", "betas", "eps", "weightDecay", "amsgrad");

/**
 * Adam with optional L2 weight decay (added to the gradient) and AMSGrad, as `torch.optim.Adam`.
 * docs/math_derivations.md §9.2
 */
export class Adam extends Optimizer<AdamConfig> {
  constructor(params: readonly Parameter[], options: AdamOptions = {}) {
    checkOptions("Adam", options, ADAM_OPTIONS);
    super("Adam", params, options.lr ?? 1e-3, resolveAdamConfig("Adam", options, 0));
  }

  protected resolveConfig(options: Record<string, unknown>): AdamConfig {
    return resolveAdamConfig("Adam", options, 0);
  }

  protected stateBuffers(): readonly string[] {
    return adamBuffers(this.config);
  }

  protected updateParameter(p: TypedArray, g: TypedArray, state: ParameterState, lr: number): void {
    adamUpdate(p, g, state, lr, this.config, this.config.weightDecay);
  }
}

export function adamBuffers(config: AdamConfig): readonly string[] {
  return config.amsgrad ? ["expAvg", "expAvgSq", "maxExpAvgSq"] : ["expAvg", "expAvgSq"];
}

/**
 * Adam's update of one parameter with L2 coefficient `l2` folded into the gradient (AdamW
 * passes 0 and decays the weights itself). Operation order is PyTorch's `_single_tensor_adam`:
 * the bias corrections are scalars, `m` is updated by lerp, and eps is added after dividing √v by
 * √(1−β2^t), not to √v̂ computed some other way.
 */
export function adamUpdate(p: TypedArray, g: TypedArray, state: ParameterState, lr: number, config: AdamConfig, l2: number): void {
  const beta1 = config.betas[0];
  const beta2 = config.betas[1];
  const eps = config.eps;
  const t = state.step;
  const stepSize = lr / (1 - elementary.pow(beta1, t));
  const correction2Sqrt = Math.sqrt(1 - elementary.pow(beta2, t));
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  const m = state.buffers.expAvg;
  const v = state.buffers.expAvgSq;
  const vMax = config.amsgrad ? state.buffers.maxExpAvgSq : v;
  const smallWeight = w1 < 0.5;
  for (let i = 0; i < p.length; i++) {
    const d = l2 !== 0 ? g[i] + l2 * p[i] : g[i];
    // torch.lerp(m, d, w1): the branch keeps lerp exact at both ends of the weight range.
    const mi = m[i];
    m[i] = smallWeight ? mi + w1 * (d - mi) : d - (d - mi) * (1 - w1);
    v[i] = v[i] * beta2 + w2 * d * d;
    if (vMax !== v) vMax[i] = Math.max(vMax[i], v[i]);
    const denom = Math.sqrt(vMax[i]) / correction2Sqrt + eps;
    p[i] = p[i] + (-stepSize * m[i]) / denom;
  }
}

export function resolveAdamConfig(owner: string, options: AdamOptions, defaultWeightDecay: number): AdamConfig {
  const betas = options.betas ?? [0.9, 0.999];
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new RangeError(`${owner}: betas must be a pair [beta1, beta2], got ${JSON.stringify(betas)}`);
  }
  return {
    betas: [checkUnitInterval(owner, "betas[0]", betas[0]), checkUnitInterval(owner, "betas[1]", betas[1])],
    eps: checkNonNegative(owner, "eps", options.eps ?? 1e-8),
    weightDecay: checkNonNegative(owner, "weightDecay", options.weightDecay ?? defaultWeightDecay),
    amsgrad: checkBoolean(owner, "amsgrad", options.amsgrad ?? false),
  };
}
