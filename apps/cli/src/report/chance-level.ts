import type { EpochPoint } from "../state/trainer-state.js";
import { formatMetric } from "./format-number.js";

/** Epochs at the end of a run that the stall test looks back over. */
const WINDOW = 5;
/** A loss that fell by less than this fraction over the window has stalled. */
const STALL = 0.01;

/**
 * Catches a run that ends having learned nothing: its training accuracy is no better than always
 * answering the largest class, and its loss stopped falling. (Runs whose outputs saturated are
 * stopped earlier by @nn/train's TrainingSaturatedError; this is the quiet kind, e.g. dead ReLUs
 * or a rate too low, whose loss settles at the class shares' entropy.) Runs shorter than the
 * window are not judged: one epoch proves nothing.
 */
export class ChanceLevelWatch {
  /** Share of the largest class in the training labels. */
  readonly chance: number;
  private readonly recent: EpochPoint[] = [];

  constructor(labels: ArrayLike<number>) {
    const counts = new Map<number, number>();
    for (let i = 0; i < labels.length; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
    this.chance = labels.length === 0 ? 1 : Math.max(...counts.values()) / labels.length;
  }

  record(point: EpochPoint): void {
    this.recent.push(point);
    if (this.recent.length > WINDOW) this.recent.shift();
  }

  /** True when the run ended stalled at chance level (see verdict). */
  private isStalled(): boolean {
    if (this.recent.length < WINDOW || this.chance >= 1) return false;
    const first = this.recent[0], last = this.recent[this.recent.length - 1];
    const atChance = last.accuracy <= this.chance + 1e-9;
    const stalled = !(last.loss < first.loss * (1 - STALL));
    return atChance && stalled;
  }

  /** The verdict in two screen lines' worth (the live screen's notice), else undefined. */
  shortVerdict(): string | undefined {
    if (!this.isStalled()) return undefined;
    const last = this.recent[this.recent.length - 1];
    return `stalled at chance level: accuracy ${percent(last.accuracy)} (always the largest class), loss flat at ${formatMetric(last.loss)}. Try another --lr, more --epochs, another --activation or --init.`;
  }

  /** The failure to report when the run ended stalled at chance level, else undefined. */
  verdict(): Error | undefined {
    if (!this.isStalled()) return undefined;
    const last = this.recent[this.recent.length - 1];
    return new Error(
      `the run stalled at chance level: after ${last.epoch} epochs the training accuracy is ${percent(last.accuracy)}, ` +
        `what always answering the largest class scores (${percent(this.chance)}), and the loss (${formatMetric(last.loss)}) ` +
        `stopped falling. Try another --lr, more --epochs, or another --activation or --init.`,
    );
  }
}

const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;
