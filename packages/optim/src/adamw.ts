import { type TypedArray, checkOptions } from "@nn/tensor";
import { ADAM_OPTIONS, type AdamConfig, type AdamOptions, adamBuffers, adamUpdate, resolveAdamConfig } from "./adam.js";
import { Optimizer, type ParameterState } from "./optimizer.js";
import type { Parameter } from "./parameter.js";

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter), as `torch.optim.AdamW`: the weights
 * shrink by the factor 1 − lr·λ before the Adam step, and λ never enters the moment averages.
 * Default weightDecay 0.01. docs/math_derivations.md §9.3
 */
export class AdamW extends Optimizer<AdamConfig> {
  constructor(params: readonly Parameter[], options: AdamOptions = {}) {
    checkOptions("AdamW", options, ADAM_OPTIONS);
    super("AdamW", params, options.lr ?? 1e-3, resolveAdamConfig("AdamW", options, 0.01));
  }

  protected resolveConfig(options: Record<string, unknown>): AdamConfig {
    return resolveAdamConfig("AdamW", options, 0.01);
  }

  protected stateBuffers(): readonly string[] {
    return adamBuffers(this.config);
  }

  protected updateParameter(p: TypedArray, g: TypedArray, state: ParameterState, lr: number): void {
    const decay = 1 - lr * this.config.weightDecay;
    if (decay !== 1) for (let i = 0; i < p.length; i++) p[i] = p[i] * decay;
    adamUpdate(p, g, state, lr, this.config, 0);
  }
}
