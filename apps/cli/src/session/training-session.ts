import type { EpochEndEvent } from "@nn/train";
import type { TrainingDriver } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import type { EpochPoint } from "../state/trainer-state.js";
import { ChanceLevelWatch } from "../report/chance-level.js";
import { failureInCliTerms } from "../report/failure-advice.js";
import { createDriver, DEFAULT_SAVE_PATH, saveDriver } from "./cli-driver.js";

export { DEFAULT_SAVE_PATH };

export interface SessionDeps {
  /** Millisecond clock (throughput and the slice budget). */
  readonly now?: () => number;
  /** Every finished epoch, in order (plain and JSON reporters). */
  readonly onEpoch?: (event: EpochEndEvent, point: EpochPoint) => void;
  /** Where a save goes when no --save path was given. */
  readonly defaultSavePath?: string;
}

/** Milliseconds of training between two looks at the event loop (Ctrl-C, output draining). */
const SLICE_MS = 15;

/**
 * `--plain` and `--json` runs: the studio driver trained on this thread in short slices, so a
 * Ctrl-C is seen at once. Keeps nothing per epoch: each epoch goes to `onEpoch` and is gone.
 */
export class TrainingSession {
  readonly driver: TrainingDriver;
  private stopped = false;
  private scheduled = false;
  private finished: Promise<void> | undefined;
  private resolveFinished: (() => void) | undefined;
  private chanceLevel: ChanceLevelWatch | undefined;

  constructor(private readonly options: TrainOptions, private readonly deps: SessionDeps = {}) {
    this.driver = createDriver(options, {
      ...(deps.now !== undefined ? { now: deps.now } : {}),
      onEpoch: (event, p) => {
        const point = { epoch: p.epoch, loss: p.loss, accuracy: p.accuracy, ...(Number.isNaN(p.valLoss) ? {} : { valLoss: p.valLoss, valAccuracy: p.valAccuracy }) };
        (this.chanceLevel ??= new ChanceLevelWatch(this.driver.run.train.y.data)).record(point);
        deps.onEpoch?.(event, point);
      },
    });
  }

  get epoch(): number {
    return this.driver.epoch;
  }

  /** Why the run failed, in the CLI's terms (which flags to change); a run that ended at chance level failed too. */
  get failure(): Error | undefined {
    const failure = this.driver.failure;
    if (failure !== undefined) return failureInCliTerms(failure);
    return this.driver.status === "done" ? this.chanceLevel?.verdict() : undefined;
  }

  /** Starts (or continues) training on the event loop. */
  start(): void {
    if (this.driver.status === "paused") this.driver.resume();
    this.schedule();
  }

  pause(): void {
    this.driver.pause();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.stopped || this.driver.status !== "running") {
        if (this.driver.status !== "paused") this.resolveFinished?.();
        return;
      }
      this.driver.trainFor(SLICE_MS);
      this.schedule();
    });
  }

  /** Resolves when the run completes, fails or is stopped. */
  whenFinished(): Promise<void> {
    this.finished ??= new Promise((resolve) => {
      this.resolveFinished = resolve;
      if (this.stopped || this.driver.status === "done" || this.driver.status === "failed") resolve();
    });
    return this.finished;
  }

  async save(path = this.options.save ?? this.deps.defaultSavePath ?? DEFAULT_SAVE_PATH): Promise<string> {
    return saveDriver(this.driver, this.options, path);
  }

  /** Stops for good; saves when a save path was given and the run did not fail. */
  async stop(): Promise<string | undefined> {
    this.stopped = true;
    this.resolveFinished?.();
    if (this.options.save === undefined || this.failure !== undefined) return undefined;
    return this.save();
  }
}
