/** One point of the charts: an epoch's train and validation numbers. */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
}

export interface LayerNorm {
  readonly name: string;
  readonly gradNorm: number;
  readonly weightNorm: number;
}

/** What the session reports after each chunk of training (the UI samples it at a bounded rate). */
export interface TrainingSnapshot {
  readonly epoch: number;
  readonly totalEpochs: number;
  readonly lr: number;
  readonly samplesPerSecond: number;
  readonly layerNorms: readonly LayerNorm[];
  /** Points added since the previous snapshot, in epoch order. */
  readonly newPoints: readonly EpochPoint[];
  readonly seed: number;
  readonly finished: boolean;
  readonly error?: string;
}

export type RunStatus = "running" | "paused" | "done" | "failed" | "quitting";

export interface TrainerState {
  readonly status: RunStatus;
  readonly epoch: number;
  readonly totalEpochs: number;
  readonly lr: number;
  readonly seed: number;
  readonly samplesPerSecond: number;
  readonly layerNorms: readonly LayerNorm[];
  /** Chart history, thinned to at most HISTORY_LIMIT points (every `historyStride`-th epoch kept). */
  readonly history: readonly EpochPoint[];
  readonly historyStride: number;
  /** The newest point, always drawn even when thinning skipped it. */
  readonly latest?: EpochPoint;
  readonly logScale: boolean;
  readonly showHelp: boolean;
  /** A one-line notice at the bottom (saved to …, lr changed, error). */
  readonly notice?: string;
  readonly error?: string;
  /** Wall-clock ms when the current run started and time spent paused, for the ETA. */
  readonly startedAt: number;
  readonly pausedMs: number;
  readonly pausedAt?: number;
}

export const HISTORY_LIMIT = 2048;

export function initialTrainerState(init: { totalEpochs: number; lr: number; seed: number; now: number }): TrainerState {
  return {
    status: "running",
    epoch: 0,
    totalEpochs: init.totalEpochs,
    lr: init.lr,
    seed: init.seed,
    samplesPerSecond: 0,
    layerNorms: [],
    history: [],
    historyStride: 1,
    logScale: false,
    showHelp: false,
    startedAt: init.now,
    pausedMs: 0,
  };
}
