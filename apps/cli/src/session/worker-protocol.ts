import type { DecisionField, DriverStatus, HistorySnapshot, LayerNorm, NeuronMaps, Setting, ValueField } from "@nn/studio";
import type { TrainOptions } from "../args/train-options.js";
import type { RunDescription } from "../ui/Header.js";

// The one protocol between the screen (main thread) and the training worker. The worker owns the
// run and the frame clock; the screen sends commands and acknowledges each frame once drawn. Every
// frame is the whole state the screen draws (curves included, bounded), so nothing is merged or
// filtered on the screen side, and the screen never waits for the worker.

/** Epochs per frame the speed keys step through; the last is "as fast as training goes". */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, "max"] as const;
export type Speed = (typeof SPEEDS)[number];

/** What the worker is started with (`workerData`). */
export interface WorkerInit {
  readonly options: TrainOptions;
  /** Milliseconds between frames while training runs. */
  readonly frameMs: number;
}

/** A size in map pixels (two per terminal row) or undefined when that picture is not on screen. */
export interface ViewSize {
  readonly cols: number;
  readonly rows: number;
}

export type Command =
  /** Pause ↔ run; after DONE, go on training past the setting's epochs. */
  | { readonly type: "toggle" }
  | { readonly type: "step" }
  /** Multiply the learning rate (×2 or ×½ from the keys); the worker keeps it within its limits. */
  | { readonly type: "scale-lr"; readonly factor: number }
  /** A fresh run with the next seed, keeping live changes. */
  | { readonly type: "restart" }
  /** One step along SPEEDS (stops the opening ramp). */
  | { readonly type: "speed"; readonly delta: 1 | -1 }
  /** A changed setting: applied live or by rebuilding, as the change needs. */
  | { readonly type: "apply"; readonly setting: Setting }
  /** What the screen shows, so the worker computes only those pictures. */
  | { readonly type: "view"; readonly map?: ViewSize; readonly neurons?: ViewSize }
  /** Frame `seq` is on screen: the worker may send the next. */
  | { readonly type: "drawn"; readonly seq: number };

export type ToWorker = Command | { readonly type: "save" | "stop"; readonly id: number };

/** Everything the screen draws, as of one moment of the run. */
export interface Frame {
  readonly seq: number;
  /** Changes with every new run (restart, new setting). */
  readonly runId: number;
  readonly status: DriverStatus;
  readonly epoch: number;
  /** Where training stops by itself: the setting's epochs, or Infinity once continued past them. */
  readonly target: number;
  readonly lr: number;
  readonly seed: number;
  readonly samplesPerSecond: number;
  /** Epochs the next frame shows: a step of SPEEDS, or the ramp's count while it lasts. */
  readonly speed: number | "max";
  /** True during the opening ramp (a tenth of the epoch count a frame) until a speed key is pressed. */
  readonly ramping: boolean;
  /** loss, accuracy, valLoss, valAccuracy curves (bounded). */
  readonly history: HistorySnapshot;
  readonly layerNorms: readonly LayerNorm[];
  readonly field?: DecisionField;
  /** A regression run's output map (instead of `field`). */
  readonly values?: ValueField;
  readonly network?: NeuronMaps;
  /** Validation (else training) confusion matrix, counts[actual * k + predicted], for data without a map. */
  readonly confusion?: { readonly classes: readonly string[]; readonly counts: Uint32Array };
  readonly description: RunDescription;
  readonly setting: Setting;
  /** Milliseconds the current run has been training (pauses excluded), for the ETA. */
  readonly activeMs: number;
  /** Wall time since the worker started and the part of it spent in training steps. */
  readonly wallMs: number;
  readonly trainingMs: number;
  readonly error?: string;
  /** A one-line message from the worker (a refused setting, a save). */
  readonly notice?: string;
}

export type FromWorker =
  | { readonly type: "ready"; readonly twoD: boolean; readonly frame: Frame }
  /** The options could not build a run; `usage` says whether it is the caller's mistake (exit 2). */
  | { readonly type: "init-failed"; readonly usage: boolean; readonly message: string }
  | { readonly type: "frame"; readonly frame: Frame }
  | { readonly type: "reply"; readonly id: number; readonly path?: string; readonly error?: string };
