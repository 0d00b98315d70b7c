/**
 * The error a non-finite loss or gradient raises. Training cannot recover from a NaN (every later
 * update is NaN too), so the loop stops at the first one and says where it happened and why it
 * probably did.
 */

/** What turned non-finite: checked in this order after each forward and backward pass. */
export type Divergence = "model output" | "loss" | "gradient norm";

/** What the loop knows when it diverges, used to rank the likely causes. */
export interface DivergenceContext {
  epoch: number;
  batch: number;
  step: number;
  quantity: Divergence;
  value: number;
  lr: number;
  /** Largest |x| in the training inputs. */
  maxAbsInput: number;
  clipping: boolean;
}

/** Inputs whose magnitude exceeds this are almost certainly not standardised (z-scores rarely pass 10). */
const UNSCALED_INPUT = 100;

export class TrainingDivergedError extends Error {
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
  readonly quantity: Divergence;
  readonly value: number;
  /** Likely causes, most likely first, each with what to try. */
  readonly suggestions: readonly string[];

  constructor(context: DivergenceContext) {
    const suggestions = likelyCauses(context);
    const what = `the ${context.quantity} ${context.quantity === "model output" ? "contains" : "is"} ${String(context.value)}`;
    super(
      `Training diverged at epoch ${context.epoch}, batch ${context.batch} (step ${context.step}): ${what}. ` +
        `Likely causes: ${suggestions.map((s, i) => `(${i + 1}) ${s}`).join("; ")}.`,
    );
    this.name = "TrainingDivergedError";
    this.epoch = context.epoch;
    this.batch = context.batch;
    this.step = context.step;
    this.quantity = context.quantity;
    this.value = context.value;
    this.suggestions = suggestions;
  }
}

function likelyCauses(c: DivergenceContext): string[] {
  const causes: string[] = [];
  if (c.maxAbsInput > UNSCALED_INPUT) {
    causes.push(
      `the inputs are not scaled (largest |x| is ${formatMagnitude(c.maxAbsInput)}): standardise them, ` +
        `e.g. with StandardScaler from @nn/datasets`,
    );
  }
  causes.push(`the learning rate is too high (lr = ${String(c.lr)}): try one 10× smaller`);
  if (!c.clipping) causes.push(`exploding gradients: try clipGradNorm (e.g. 1)`);
  return causes;
}

function formatMagnitude(x: number): string {
  return x >= 1e4 ? x.toExponential(1) : String(Math.round(x * 100) / 100);
}
