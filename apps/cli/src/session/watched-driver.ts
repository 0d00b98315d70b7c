import type { TrainingDriver } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import { ChanceLevelWatch } from "../report/chance-level.js";
import { createDriver } from "./cli-driver.js";

/** The live screen's driver, with the same end-of-run judgement plain and --json runs make. */
export interface WatchedDriver {
  readonly driver: TrainingDriver;
  /** Why a run that ended (DONE) stalled at chance level, short enough for the screen; undefined otherwise. */
  readonly stalled: () => string | undefined;
}

/**
 * A driver whose epochs feed a ChanceLevelWatch (a new one for every run: a restart or a new
 * setting changes the split and the labels), so the screen can say what `--plain` says when a
 * run stalls at chance level.
 */
export function createWatchedDriver(options: TrainOptions): WatchedDriver {
  let watch: { runId: number; watch: ChanceLevelWatch } | undefined;
  const driver: TrainingDriver = createDriver(options, {
    onEpoch: (_event, p) => {
      if (watch?.runId !== driver.runId) watch = { runId: driver.runId, watch: new ChanceLevelWatch(driver.run.train.y.data) };
      watch.watch.record({ epoch: p.epoch, loss: p.loss, accuracy: p.accuracy });
    },
  });
  return {
    driver,
    stalled: () => (driver.status === "done" && watch?.runId === driver.runId ? watch.watch.shortVerdict() : undefined),
  };
}
