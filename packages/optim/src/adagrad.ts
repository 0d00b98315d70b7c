import { type TypedArray, checkOptions, optionKeys } from "@nn/tensor";
import { checkNonNegative } from "./option-checks.js";
import { Optimizer, type ParameterState } from "./optimizer.js";
import type { Parameter } from "./parameter.js";

export interface AdagradOptions {
  /** Learning rate, default 1e-2. */
  lr?: number;
  /** The rate decays as lr / (1 + (t − 1)·lrDecay), default 0. */
  lrDecay?: number;
  /** L2 penalty added to the gradient, default 0. */
  weightDecay?: number;
  /** Starting value of the sum of squared gradients, default 0. */
  initialAccumulatorValue?: number;
  /** Added to √sum in the denominator, default 1e-10. */
  eps?: number;
}

const ADAGRAD_OPTIONS = optionKeys<AdagradOptions>()("lr", "lrDecay", "weightDecay", "initialAccumulatorValue", "eps");

export interface AdagradConfig {
  [key: string]: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
}

/** Adagrad as `torch.optim.Adagrad` (dense gradients). docs/math_derivations.md §9.5 */
export class Adagrad extends Optimizer<AdagradConfig> {
  constructor(params: readonly Parameter[], options: AdagradOptions = {}) {
    checkOptions("Adagrad", options, ADAGRAD_OPTIONS);
    super("Adagrad", params, options.lr ?? 1e-2, resolveAdagradConfig(options));
  }

  protected resolveConfig(options: Record<string, unknown>): AdagradConfig {
    return resolveAdagradConfig(options);
  }

  protected stateBuffers(): readonly string[] {
    return ["sum"];
  }

  protected override initialStateValue(): number {
    return this.config.initialAccumulatorValue;
  }

  protected updateParameter(p: TypedArray, g: TypedArray, state: ParameterState, lr: number): void {
    const { lrDecay, weightDecay, eps } = this.config;
    const clr = lr / (1 + (state.step - 1) * lrDecay);
    const sum = state.buffers.sum;
    for (let i = 0; i < p.length; i++) {
      const d = weightDecay !== 0 ? g[i] + weightDecay * p[i] : g[i];
      sum[i] = sum[i] + d * d;
      p[i] = p[i] + (-clr * d) / (Math.sqrt(sum[i]) + eps);
    }
  }
}

function resolveAdagradConfig(options: AdagradOptions): AdagradConfig {
  return {
    lrDecay: checkNonNegative("Adagrad", "lrDecay", options.lrDecay ?? 0),
    weightDecay: checkNonNegative("Adagrad", "weightDecay", options.weightDecay ?? 0),
    initialAccumulatorValue: checkNonNegative("Adagrad", "initialAccumulatorValue", options.initialAccumulatorValue ?? 0),
    eps: checkNonNegative("Adagrad", "eps", options.eps ?? 1e-10),
  };
}
