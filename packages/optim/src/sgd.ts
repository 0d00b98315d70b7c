import { type TypedArray, checkOptions, optionKeys } from "@nn/tensor";
import { checkBoolean, checkClosedUnitInterval, checkNonNegative } from "./option-checks.js";
import { Optimizer, type ParameterState } from "./optimizer.js";
import type { Parameter } from "./parameter.js";

export interface SGDOptions {
  /** Learning rate; required (PyTorch ≥ 2.6 defaults it to 1e-3, we make you choose). */
  lr: number;
  /** Momentum factor μ, default 0. */
  momentum?: number;
  /** Dampening d of the gradient added to the momentum buffer, default 0. */
  dampening?: number;
  /** Nesterov's look-ahead; needs momentum > 0 and dampening 0. Default false. */
  nesterov?: boolean;
  /** L2 penalty λ added to the gradient (λ·θ), default 0. */
  weightDecay?: number;
}

export interface SGDConfig {
  [key: string]: number | boolean;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}

const SGD_OPTIONS = optionKeys<SGDOptions>()("lr", "momentum", "dampening", "nesterov", "weightDecay");

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov look-ahead and L2
 * weight decay, in PyTorch's order (`torch.optim.SGD`). docs/math_derivations.md §9.1
 */
export class SGD extends Optimizer<SGDConfig> {
  constructor(params: readonly Parameter[], options: SGDOptions) {
    checkOptions("SGD", options, SGD_OPTIONS);
    if (options?.lr === undefined) throw new RangeError("SGD: lr is required (a finite number ≥ 0)");
    super("SGD", params, options.lr, resolveSGDConfig(options));
  }

  protected resolveConfig(options: Record<string, unknown>): SGDConfig {
    return resolveSGDConfig(options);
  }

  protected stateBuffers(): readonly string[] {
    return this.config.momentum !== 0 ? ["momentumBuffer"] : [];
  }

  protected updateParameter(p: TypedArray, g: TypedArray, state: ParameterState, lr: number): void {
    const { momentum, dampening, nesterov, weightDecay } = this.config;
    const n = p.length;
    if (momentum === 0) {
      // Plain SGD, the common case, without a per-element test of the decay (same arithmetic).
      if (weightDecay === 0) for (let i = 0; i < n; i++) p[i] -= lr * g[i];
      else for (let i = 0; i < n; i++) p[i] -= lr * (g[i] + weightDecay * p[i]);
      return;
    }
    const buf = state.buffers.momentumBuffer;
    // PyTorch's buffer starts as a copy of the first gradient, not as 0 (no dampening on step 1).
    const first = state.step === 1;
    const keep = 1 - dampening;
    for (let i = 0; i < n; i++) {
      const d = weightDecay !== 0 ? g[i] + weightDecay * p[i] : g[i];
      buf[i] = first ? d : buf[i] * momentum + keep * d;
      const b = buf[i];
      p[i] = p[i] - lr * (nesterov ? d + momentum * b : b);
    }
  }
}

function resolveSGDConfig(options: Partial<SGDOptions>): SGDConfig {
  const config: SGDConfig = {
    momentum: checkNonNegative("SGD", "momentum", options.momentum ?? 0),
    dampening: checkClosedUnitInterval("SGD", "dampening", options.dampening ?? 0),
    nesterov: checkBoolean("SGD", "nesterov", options.nesterov ?? false),
    weightDecay: checkNonNegative("SGD", "weightDecay", options.weightDecay ?? 0),
  };
  if (config.nesterov && (config.momentum <= 0 || config.dampening !== 0)) {
    throw new RangeError(
      `SGD: nesterov needs momentum > 0 and dampening = 0, got momentum ${config.momentum} and dampening ${config.dampening}`,
    );
  }
  return config;
}
