import type { Timed } from "./timing.js";

/** A training implementation: `run()` is one SGD step on the next batch of the spec. */
export interface Trainer extends Timed {
  /** Mean loss on the spec's evaluation rows with the current weights (no update). */
  loss(): number;
  /** Frees what the trainer holds outside the JavaScript heap (tfjs variables), for a throwaway copy. */
  dispose?(): void;
}
