import type { TrainingSnapshot } from "../state/trainer-state.js";
import type { DecisionField } from "../ui/decision-map.js";
import type { RunDescription } from "../ui/Header.js";

/**
 * What the screen needs from a training run. The real one (TrainingSession) trains a model with
 * @nn/train; tests may pass a scripted one. Training runs on its own schedule; the screen samples
 * `snapshot()` at its refresh rate, so drawing never slows training down.
 */
export interface SessionController {
  readonly description: RunDescription;
  /** True when the data has two features, so a decision map can be drawn. */
  readonly twoD: boolean;
  /** Milliseconds this thread has spent training so far (0 when training runs in a worker): the
   * screen counts the rest of the thread's busy time as its own cost and slows its refresh if it
   * takes more than its share. */
  readonly trainingMs: number;
  /** The state now, with the points added since the previous call. */
  snapshot(): TrainingSnapshot;
  /** Changes when decisionField() has something new although the epoch did not move (a map
   * computed elsewhere arriving late, as from the training worker); absent when it never does. */
  readonly fieldRevision?: number;
  /** The model's classes over a cols × rows pixel grid covering the data; undefined if not 2-D. */
  decisionField(cols: number, rows: number): DecisionField | undefined;
  pause(): void;
  resume(): void;
  /** One epoch, while paused. */
  step(): void;
  setLr(lr: number): void;
  restart(seed: number): void;
  /** Saves the model; resolves to the path written. */
  save(): Promise<string>;
  /** Stops training for good; saves first when the run was given a save path. Resolves to that path, if any. */
  stop(): Promise<string | undefined>;
}
