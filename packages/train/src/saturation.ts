/**
 * A run that has stopped learning for good: the outputs saturated (a sigmoid or tanh pinned at
 * its limits, usually after a learning rate far too high threw the weights out), so the gradient
 * is zero or nearly, the loss sits far above what guessing the class shares would score, and the
 * accuracy is no better than always answering the largest class. Nothing changes after that, so
 * the loop stops and says so instead of finishing "successfully" with a useless model.
 */
import type { History } from "./types.js";
import { type LikelyCause, describeCause, formatCauses, likelyCauses } from "./likely-causes.js";
import { elementary } from "@nn/tensor";

/** Epochs in a row that must look saturated before the run is stopped (one is never enough: a first epoch can look bad). */
export const SATURATION_EPOCHS = 5;
/** A loss that improves by less than this fraction over the window is not improving. */
const STALL = 0.01;

/** What the loop knows when it gives up, for the message and the causes. */
export interface SaturationContext {
  epoch: number;
  batch: number;
  step: number;
  loss: number;
  accuracy: number;
  chance: number;
  priorLoss: number;
  gradNorm: number;
  epochs: number;
  lr: number;
  maxAbsInput: number;
  clipping: boolean;
  history: History;
}

export class TrainingSaturatedError extends Error {
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
  /** The training loss of the last epoch. */
  readonly loss: number;
  readonly accuracy: number;
  /** Accuracy of always answering the largest class: the share of that class. */
  readonly chance: number;
  /** Cross-entropy of predicting the class shares (their entropy, in nats): what a model that learned nothing scores. */
  readonly priorLoss: number;
  /** Largest gradient norm of the last epoch's batches. */
  readonly gradNorm: number;
  /** The records up to the epoch the run stopped at. */
  readonly history: History;
  readonly suggestions: readonly string[];
  /** The causes as data, for a program to word in its own terms (a CLI in flags). */
  readonly causes: readonly LikelyCause[];

  constructor(c: SaturationContext) {
    // Far past the point where a step of a sane size could help: aim for a rate 100× lower, at most 0.1.
    const causes = likelyCauses(c.lr, c.maxAbsInput, c.clipping, Math.min(c.lr / 100, 0.1));
    super(
      `Training stopped at epoch ${c.epoch}, batch ${c.batch} (step ${c.step}): the model is saturated and not learning. ` +
        `For ${c.epochs} epochs the loss stayed near ${formatNumber(c.loss)} (predicting the class shares scores ${formatNumber(c.priorLoss)}), ` +
        `the accuracy at ${formatPercent(c.accuracy)} (always answering the largest class: ${formatPercent(c.chance)}) ` +
        `and the gradient norm at ${formatNumber(c.gradNorm)}. Likely causes: ${formatCauses(causes)}.`,
    );
    this.name = "TrainingSaturatedError";
    this.epoch = c.epoch;
    this.batch = c.batch;
    this.step = c.step;
    this.loss = c.loss;
    this.accuracy = c.accuracy;
    this.chance = c.chance;
    this.priorLoss = c.priorLoss;
    this.gradNorm = c.gradNorm;
    this.history = c.history;
    this.causes = causes;
    this.suggestions = causes.map(describeCause);
  }
}

/** Watches each epoch's training loss and accuracy for saturation. Classification only. */
export class SaturationWatch {
  /** Share of the largest class. */
  readonly chance: number;
  /** Entropy of the class shares, in nats. */
  readonly priorLoss: number;
  private streak = 0;
  private streakLoss = Infinity;

  constructor(labels: Int32Array, private readonly window: number = SATURATION_EPOCHS) {
    const counts = new Map<number, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    let chance = 0;
    let entropy = 0;
    for (const count of counts.values()) {
      const share = count / labels.length;
      chance = Math.max(chance, share);
      entropy -= share * elementary.log(share);
    }
    this.chance = chance;
    this.priorLoss = entropy;
  }

  /** Records one epoch; true once `window` epochs in a row were saturated without the loss improving. */
  update(loss: number, accuracy: number | undefined): boolean {
    // A single class has nothing to learn (entropy 0), and without accuracy there is no chance level to compare with.
    const saturated = accuracy !== undefined && this.priorLoss > 0 && accuracy <= this.chance + 1e-9 && loss >= 2 * this.priorLoss;
    if (!saturated) {
      this.streak = 0;
      this.streakLoss = Infinity;
      return false;
    }
    if (loss < this.streakLoss * (1 - STALL)) {
      this.streak = 1;
      this.streakLoss = loss;
    } else {
      this.streak++;
    }
    return this.streak >= this.window;
  }
}

function formatNumber(x: number): string {
  if (x === 0) return "0";
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function formatPercent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
