import type { Timed } from "./timing.js";

/** A training implementation: `run()` is one SGD step on the next batch of the spec. */
export interface Trainer extends Timed {
  /** Mean loss on the spec's evaluation rows with the current weights (no update). */
  loss(): number;
  /**
   * Puts the weights back to the spec's initial ones and the next batch back to the first. The
   * bench warms the timed copy itself and then resets it: a throwaway copy would leave the timed
   * copy's own closures to be compiled by the engine during the timed samples (V8 optimises each
   * closure from its own feedback), while every implementation must start timing from the same
   * weights to end at the same loss.
   */
  reset?(): void;
}

/** A trainer the main table can warm up in place (the three JavaScript trainers of every row). */
export type ResettableTrainer = Trainer & { reset(): void };
