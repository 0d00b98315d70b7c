import { type TypedArray, checkOptions, optionKeys } from "@nn/tensor";
import { checkBoolean, checkClosedUnitInterval, checkNonNegative } from "./option-checks.js";
import { Optimizer, type ParameterState } from "./optimizer.js";
import type { Parameter } from "./parameter.js";

export interface RMSpropOptions {
  /** Learning rate, default 1e-2. */
  lr?: number;
  /** Smoothing constant α of the squared-gradient average, default 0.99. */
  alpha?: number;
  /** Added to the root-mean-square in the denominator, default 1e-8. */
  eps?: number;
  /** Momentum factor μ applied to the normalised step, default 0. */
  momentum?: number;
  /** Divide by an estimate of the gradient's variance instead of its raw second moment. Default false. */
  centered?: boolean;
  /** L2 penalty added to the gradient, default 0. */
  weightDecay?: number;
}

const RMSPROP_OPTIONS = optionKeys<RMSpropOptions>()("lr", "alpha", "eps", "momentum", "centered", "weightDecay");

export interface RMSpropConfig {
  [key: string]: number | boolean;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
  weightDecay: number;
}

/** RMSprop as `torch.optim.RMSprop` (Hinton's, with PyTorch's eps placement). docs/math_derivations.md §9.4 */
export class RMSprop extends Optimizer<RMSpropConfig> {
  constructor(params: readonly Parameter[], options: RMSpropOptions = {}) {
    checkOptions("RMSprop", options, RMSPROP_OPTIONS);
    super("RMSprop", params, options.lr ?? 1e-2, resolveRMSpropConfig(options));
  }

  protected resolveConfig(options: Record<string, unknown>): RMSpropConfig {
    return resolveRMSpropConfig(options);
  }

  protected stateBuffers(): readonly string[] {
    const names = ["squareAvg"];
    if (this.config.centered) names.push("gradAvg");
    if (this.config.momentum > 0) names.push("momentumBuffer");
    return names;
  }

  protected updateParameter(p: TypedArray, g: TypedArray, state: ParameterState, lr: number): void {
    const { alpha, eps, momentum, centered, weightDecay } = this.config;
    const w = 1 - alpha;
    const smallWeight = w < 0.5;
    const sq = state.buffers.squareAvg;
    const ga = state.buffers.gradAvg;
    const buf = state.buffers.momentumBuffer;
    for (let i = 0; i < p.length; i++) {
      const d = weightDecay !== 0 ? g[i] + weightDecay * p[i] : g[i];
      sq[i] = sq[i] * alpha + w * d * d;
      let avg: number;
      if (centered) {
        // torch.lerp(gradAvg, d, 1 − α), then √(E[g²] − E[g]²) + eps.
        const gi = ga[i];
        ga[i] = smallWeight ? gi + w * (d - gi) : d - (d - gi) * (1 - w);
        avg = Math.sqrt(sq[i] - ga[i] * ga[i]) + eps;
      } else {
        avg = Math.sqrt(sq[i]) + eps;
      }
      if (momentum > 0) {
        buf[i] = buf[i] * momentum + d / avg;
        p[i] = p[i] - lr * buf[i];
      } else {
        p[i] = p[i] + (-lr * d) / avg;
      }
    }
  }
}

function resolveRMSpropConfig(options: RMSpropOptions): RMSpropConfig {
  return {
    alpha: checkClosedUnitInterval("RMSprop", "alpha", options.alpha ?? 0.99),
    eps: checkNonNegative("RMSprop", "eps", options.eps ?? 1e-8),
    momentum: checkNonNegative("RMSprop", "momentum", options.momentum ?? 0),
    centered: checkBoolean("RMSprop", "centered", options.centered ?? false),
    weightDecay: checkNonNegative("RMSprop", "weightDecay", options.weightDecay ?? 0),
  };
}
