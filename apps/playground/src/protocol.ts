import type { ConfusionCounts, DecisionField, DriverStatus, HistorySnapshot, LayerNorm, NeuronMaps, Setting, ValueField } from "@nn/studio";

// The one protocol between the page (main thread) and the training worker. The worker owns the
// run; the page sends commands and acknowledges each frame once drawn, so at most one frame is in
// flight and a slow page never queues frames. Every frame is the whole state the page draws.

/** Epochs per drawn frame the speed control offers; "max" trains as fast as it can between frames. */
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, "max"] as const;
export type Speed = (typeof SPEEDS)[number];

export interface GridSize {
  readonly cols: number;
  readonly rows: number;
}

export type ToWorker =
  /** The first message: the setting to build, paused at epoch 0. */
  | { readonly type: "init"; readonly setting: Setting; readonly view: View; readonly speed: Speed }
  | { readonly type: "play" }
  | { readonly type: "pause" }
  /** One epoch, from a pause. */
  | { readonly type: "step" }
  /** The same run again from epoch 0 (same seed: the same bits), paused. */
  | { readonly type: "reset" }
  /** A changed setting: applied live (learning rate, epochs) or by rebuilding, as it needs; `pause`: then pause (a new link). */
  | { readonly type: "apply"; readonly setting: Setting; readonly pause?: boolean }
  | { readonly type: "speed"; readonly speed: Speed }
  | { readonly type: "view"; readonly view: View }
  /** Frame `seq` is on screen: the worker may send the next. */
  | { readonly type: "drawn"; readonly seq: number }
  | { readonly type: "export"; readonly id: number; readonly format: "json" | "onnx" }
  /** A saved nn model file's text: its setting is applied and its weights put in place, paused. */
  | { readonly type: "load"; readonly id: number; readonly name: string; readonly text: string };

/** What the page shows, so the worker computes only those pictures. */
export interface View {
  readonly decision: GridSize;
  readonly neurons: GridSize;
}

/** A data point on the map's grid, and whether it was held out. */
export interface PlacedPoint {
  readonly col: number;
  readonly row: number;
  readonly cls: number;
  readonly test: boolean;
}

/** A regression set's point on the map's grid with its target, and whether it was held out. */
export interface PlacedValue {
  readonly col: number;
  readonly row: number;
  readonly value: number;
  readonly test: boolean;
}

export interface Frame {
  readonly seq: number;
  /** Changes with every new run (reset, new setting). */
  readonly runId: number;
  readonly status: DriverStatus;
  readonly epoch: number;
  readonly lr: number;
  readonly samplesPerSecond: number;
  readonly speed: Speed;
  /** loss, accuracy, valLoss, valAccuracy (bounded curves). */
  readonly history: HistorySnapshot;
  readonly layerNorms: readonly LayerNorm[];
  readonly setting: Setting;
  /** Network inputs' names, e.g. x₁ x₂ x₁x₂, and the classes. */
  readonly inputNames: readonly string[];
  readonly classNames: readonly string[];
  readonly parameterCount: number;
  /** FNV-1a 64 of every weight: equal fingerprints, equal bits. */
  readonly fingerprint: string;
  /** The data has two raw features: a decision map (else a confusion matrix). */
  readonly twoD: boolean;
  /** The pictures, when computed for this frame; absent, the page keeps the last ones (see FrameClock). */
  readonly decision?: Omit<DecisionField, "points"> & { readonly placed: readonly PlacedPoint[] };
  /** A regression run's output over the plane, in place of the decision map. */
  readonly values?: Omit<ValueField, "points"> & { readonly placed: readonly PlacedValue[] };
  /** One real-valued output trained with MSE (no classes, no accuracy). */
  readonly regression: boolean;
  readonly network?: NeuronMaps;
  readonly confusion?: ConfusionCounts;
  readonly error?: string;
  /** A one-line message for the status line (a refused setting, a loaded model). */
  readonly notice?: string;
}

export type FromWorker =
  /** The setting could not be built (the page says why and starts from its preset). */
  | { readonly type: "init-failed"; readonly message: string }
  | { readonly type: "frame"; readonly frame: Frame }
  | { readonly type: "file"; readonly id: number; readonly name: string; readonly mime: string; readonly bytes: Uint8Array }
  | { readonly type: "reply"; readonly id: number; readonly error?: string; readonly message?: string };
