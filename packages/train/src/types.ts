/**
 * The public types of @nn/train. The model, parameters and loss are @nn/layers' own types (the
 * parts of them the loop uses), so a `Sequential` fits as it is, and so do small test doubles that
 * implement those parts. What a loss is for (binary probability, binary logit, k logits) is read
 * from its `prediction`, not from its class, so a wrapped loss (`PenalisedLoss`) or a second copy
 * of @nn/layers in a bundle is recognised alike.
 *
 * Numbering: `epoch` and `batch` in every event, record and error are 1-based (epoch 1 is the
 * first epoch, as a progress bar shows it); `step` counts optimizer updates since training began.
 */
import type { Dataset } from "@nn/datasets";
import type { Layer, Loss, NamedBuffer, Parameter } from "@nn/layers";
import type { Optimizer } from "@nn/optim";

// ---------------------------------------------------------------------------------------------
// What the loop trains

/** @nn/layers' `Parameter`: a trainable tensor and its gradient. */
export type TrainParameter = Parameter;

/** @nn/layers' `NamedBuffer`: non-trainable state that early stopping also restores (BatchNorm running statistics). */
export type TrainBuffer = NamedBuffer;

/**
 * A model as the loop uses it: the `forward`, `backward` and `parameters` of @nn/layers' `Layer`
 * (a `Sequential` usually), and optionally its `buffers` (restored along with the weights by
 * `restoreBestWeights`), its `backwardToParameters` (backward without dL/dx: `fit` calls it when
 * present, since the training data needs no gradient), its `metadata` (plain JSON saved with a
 * Sequential: `fit` records the task under `trainedWith` so predictions know whether a single
 * output is a probability or a logit) and its `layers` (predictions read the last: a Sigmoid
 * output is a probability).
 */
export type TrainableModel = Pick<Layer, "forward" | "backward" | "parameters"> & Partial<Pick<Layer, "buffers" | "backwardToParameters">> & {
  metadata?: { [key: string]: unknown } | undefined;
  readonly layers?: readonly Partial<Pick<Layer, "typeName">>[];
};

/** @nn/layers' `Loss`: mean reduction, `backward()` is dL/dpred of the last forward. */
export type TrainLoss = Loss;

/** The parts of @nn/optim's `Optimizer` the loop uses. */
export type TrainOptimizer = Pick<Optimizer, "step" | "zeroGrad" | "lr">;

/**
 * A learning-rate scheduler as @nn/optim defines it. `ReduceLROnPlateau` is recognised and
 * stepped with the monitored loss (validation loss, or training loss without validation).
 */
export interface TrainScheduler {
  step(metric?: number): void;
}

/** Labelled data: @nn/datasets' `Dataset` (its `numClasses` optional). `y` is [n] class indices, or [n, k] regression targets. */
export type TrainData = Pick<Dataset, "x" | "y"> & Partial<Pick<Dataset, "numClasses">>;

/**
 * What the model predicts, which decides how `y` becomes the loss target and how outputs become
 * classes. Inferred from the loss when omitted:
 * - `binary`: one output unit, `y` 0/1 of shape [n] reshaped to [n, 1]; class 1 when p ≥ 0.5
 *   (probabilities, BinaryCrossEntropyLoss) or logit ≥ 0 (BCEWithLogitsLoss).
 * - `multiclass`: k output units, `y` class indices; class = argmax.
 * - `regression`: `y` passed to the loss unchanged; only the loss is reported.
 */
export type TaskKind = "binary" | "multiclass" | "regression";

/** For binary tasks: whether the single output is a probability or a logit. */
export type BinaryOutput = "probability" | "logit";

// ---------------------------------------------------------------------------------------------
// Metrics

/** Metrics fit and evaluate can compute. `loss` is always reported; list the others. */
export type MetricName = "loss" | "accuracy" | "precision" | "recall" | "f1" | "confusionMatrix";

/**
 * Metric values over a whole pass (accumulated over batches, not averaged per batch). The loss is
 * the mean of the batch losses weighted by batch size. Precision, recall and F1 are for the
 * positive class (1) of a binary task and 0 when undefined (no predicted / actual positives), as
 * scikit-learn's `zero_division=0`.
 */
export type MetricValues<M extends MetricName = MetricName> = AllMetricValues & MetricsAsked<M>;

/** Every metric's value; `loss` is always there, the others when they were asked for. */
export interface AllMetricValues {
  loss: number;
  accuracy?: number;
  precision?: number;
  recall?: number;
  f1?: number;
  /** confusionMatrix[actual][predicted]: counts, k × k (2 × 2 for binary). */
  confusionMatrix?: number[][];
}

/**
 * The metrics listed in `metrics`, as fields that are always present: `evaluate(model, data,
 * { loss, metrics: ["accuracy"] }).accuracy` is a `number`, with no `?? 0` or `!` needed.
 */
export type MetricsAsked<M extends MetricName> = { [K in Listed<M>]-?: NonNullable<AllMetricValues[K]> };

/**
 * The metrics a type argument promises: none for the whole `MetricName` union (the default, and
 * what a `MetricName[]` variable gives), since such a list may hold any of them or none.
 */
export type Listed<M extends MetricName> = [MetricName] extends [M] ? never : M;

/** What `evaluate` returns: the metrics and the number of samples they cover. */
export type EvaluateResult<M extends MetricName = MetricName> = MetricValues<M> & { samples: number };

export interface EvaluateOptions<M extends MetricName = MetricName> {
  loss: TrainLoss;
  /** Default `['loss', 'accuracy']` for classification, `['loss']` for regression. */
  metrics?: readonly M[];
  /** Evaluate in chunks of this many samples (default: all at once). */
  batchSize?: number;
  task?: TaskKind;
  binaryOutput?: BinaryOutput;
}

// ---------------------------------------------------------------------------------------------
// Gradient flow

/** L2 norms of one layer's parameters, grouped by name prefix (`layers.0.weight` → `layers.0`). */
export interface LayerNorms {
  name: string;
  /** sqrt(Σ grad²) over the layer's parameters, before clipping. */
  gradNorm: number;
  /** sqrt(Σ value²) over the layer's parameters, after the update. */
  weightNorm: number;
}

// ---------------------------------------------------------------------------------------------
// Callbacks

export interface BatchEndEvent<M extends MetricName = MetricName> {
  epoch: number;
  /** 1-based batch within the epoch. */
  batch: number;
  batchesPerEpoch: number;
  /** Optimizer updates since training began (1 after the first batch). */
  step: number;
  /** Samples in this batch. */
  size: number;
  /** This batch's loss (mean over the batch). */
  loss: number;
  /** Training metrics over the epoch so far, this batch included (what a progress bar shows). */
  metrics: MetricValues<M>;
  /** The learning rate this batch's update used. */
  lr: number;
  /** Total gradient L2 norm before clipping. */
  gradNorm: number;
  /** True when `clipGradNorm` scaled this batch's gradients down. */
  clipped: boolean;
  /** Per-layer norms of this batch; absent only with `gradNormsEvery: 'epoch'`. */
  layers?: LayerNorms[];
  /** Samples per second of this batch (forward, backward, update) by the `now` clock. */
  samplesPerSecond: number;
}

/** One epoch's deterministic summary: what `History.epochs` holds. */
export interface EpochRecord<M extends MetricName = MetricName> {
  epoch: number;
  /** The learning rate the epoch's updates used (its first batch's, when stepped per batch). */
  lr: number;
  /** Training metrics over the epoch (in train mode, as the batches were seen). */
  train: MetricValues<M>;
  /** Validation metrics after the epoch (eval mode), when `validation` or `validationSplit` is given. */
  validation?: MetricValues<M>;
  /** Total gradient norm of the epoch's last batch, before clipping. */
  gradNorm: number;
  /** Per-layer gradient and weight norms of the epoch's last batch. */
  layers: LayerNorms[];
}

export interface EpochEndEvent<M extends MetricName = MetricName> extends EpochRecord<M> {
  epochs: number;
  batches: number;
  samples: number;
  /** Samples per second over the epoch's batches (validation excluded). */
  samplesPerSecond: number;
  /** Milliseconds spent in this epoch, validation included. */
  durationMs: number;
  /** Early stopping's best epoch and monitored value so far, when early stopping is on. */
  best?: { epoch: number; value: number };
}

export type StopReason = "completed" | "early-stopping" | "aborted";

/**
 * What fit returns. Holds only deterministic values (no timings), so the same seed gives a
 * bit-identical History.
 */
export interface History<M extends MetricName = MetricName> {
  epochs: EpochRecord<M>[];
  stopped: StopReason;
  /** The epoch early stopping judged best, when early stopping is on. */
  bestEpoch?: number;
  /** True when the model's weights were restored to `bestEpoch`'s. */
  restoredBestWeights: boolean;
}

export interface TrainEndEvent<M extends MetricName = MetricName> {
  history: History<M>;
  stopped: StopReason;
  /** Epochs completed. */
  epochs: number;
  /** Milliseconds from the first batch to the end, by the `now` clock. */
  elapsedMs: number;
  /** Training samples per second over the whole run (forward, backward, update; validation excluded). */
  samplesPerSecond: number;
}

export interface TrainCallbacks<M extends MetricName = MetricName> {
  onBatchEnd?(event: BatchEndEvent<M>): void;
  onEpochEnd?(event: EpochEndEvent<M>): void;
  onTrainEnd?(event: TrainEndEvent<M>): void;
}

// ---------------------------------------------------------------------------------------------
// Early stopping

/** A value early stopping can watch: a training metric, or its validation twin (`val…`). */
export type MonitorName =
  | "loss" | "accuracy" | "precision" | "recall" | "f1"
  | "valLoss" | "valAccuracy" | "valPrecision" | "valRecall" | "valF1";

export interface EarlyStoppingOptions {
  /** Default `valLoss` with validation data, else `loss`. */
  monitor?: MonitorName;
  /** Epochs without improvement before stopping (default 0: stop at the first non-improving epoch). */
  patience?: number;
  /** An improvement must exceed this (default 0). */
  minDelta?: number;
  /** `auto` (default): `min` for losses, `max` for accuracy, precision, recall and F1. */
  mode?: "min" | "max" | "auto";
  /** Copy the best epoch's weights (and buffers) back into the model when training ends. */
  restoreBestWeights?: boolean;
}

// ---------------------------------------------------------------------------------------------
// fit

/** `M`: the metrics listed in `metrics`, which every record and event then holds (typed as present). */
export interface FitOptions<M extends MetricName = MetricName> {
  loss: TrainLoss;
  optimizer: TrainOptimizer;
  train: TrainData;
  validation?: TrainData;
  epochs: number;
  /**
   * Samples per batch (default 32, as Keras); `"full"` or a value ≥ the number of training samples
   * is full-batch training.
   */
  batchSize?: number | "full";
  /** Seeds the shuffling of batches and `validationSplit` (default 0: the same run every time). */
  seed?: number;
  /**
   * Holds out this fraction of `train` (in (0, 1)) as validation data before training, after a
   * seeded shuffle and, for classification with class indices, stratified by class (as
   * `trainTestSplit(train, { testSize, stratify: true, seed })` from @nn/datasets). Not with `validation`.
   */
  validationSplit?: number;
  /** Shuffle the training set each epoch (default true; ignored for full batches). */
  shuffle?: boolean;
  /** Drop a last batch smaller than `batchSize` (default false). */
  dropLast?: boolean;
  /** Default `['loss', 'accuracy']` for classification, `['loss']` for regression. */
  metrics?: readonly M[];
  scheduler?: TrainScheduler;
  /** When the scheduler steps: after each epoch (default) or after each batch. */
  schedulerStep?: "epoch" | "batch";
  /** Clip the total gradient L2 norm to this before each update. */
  clipGradNorm?: number;
  earlyStopping?: EarlyStoppingOptions;
  callbacks?: TrainCallbacks<M> | readonly TrainCallbacks<M>[];
  /** Checked between batches; when aborted, fit returns with `stopped: 'aborted'`. */
  signal?: AbortSignal;
  /** Inferred from the loss when omitted (see TaskKind). */
  task?: TaskKind;
  binaryOutput?: BinaryOutput;
  /**
   * Per-layer norms on every batch (`batch`, default) or only the epoch's last batch (`epoch`,
   * which saves two passes over the parameters per batch).
   */
  gradNormsEvery?: "batch" | "epoch";
  /**
   * Keep every epoch's record in `History.epochs` (default true). A UI that trains without end and
   * keeps its own bounded curves sets it false, so memory stays flat however long the run.
   */
  keepHistory?: boolean;
  /** Millisecond clock for throughput (default `performance.now`); inject one for deterministic tests. */
  now?: () => number;
  /**
   * Stop a classification run whose outputs saturated (default true): after 5 epochs in a row
   * with the training loss at least twice what predicting the class shares scores, not improving,
   * and the accuracy no better than always answering the largest class, `fit` throws a
   * `TrainingSaturatedError` naming the epoch, the batch and the likely causes.
   */
  detectSaturation?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Incremental training (for a live UI: pause, single step, change lr, yield to the event loop)

/** Options of `Trainer.runAsync` and `fitAsync`. */
export interface AsyncRunOptions {
  /** Yield to the event loop after this many batches (default 1). */
  yieldEvery?: number;
}

/**
 * Training one batch at a time. `fit` is `createTrainer(model, options).run()`. A UI drives it
 * with `runBatch()` / `runEpoch()` (or `runAsync()`), pauses by not calling it, changes `lr`
 * between batches, and calls `finish()` to end early and fire `onTrainEnd`.
 */
export interface Trainer<M extends MetricName = MetricName> {
  /** Epochs completed. */
  readonly epoch: number;
  /** Batches completed in the epoch in progress (0 between epochs). */
  readonly batch: number;
  /** Optimizer updates so far. */
  readonly step: number;
  readonly batchesPerEpoch: number;
  /** The records so far; `stopped` is final only once `done`. */
  readonly history: History<M>;
  /** True once training completed, stopped early, was aborted or was finished. */
  readonly done: boolean;
  /** The optimizer's learning rate; setting it applies from the next batch. */
  lr: number;
  /** Runs one batch (ending the epoch when it is the last): its event, or undefined when done. */
  runBatch(): BatchEndEvent<M> | undefined;
  /** Runs the rest of the current epoch: its event, or undefined when done (or aborted mid-epoch). */
  runEpoch(): EpochEndEvent<M> | undefined;
  /** Runs to the end and returns the History (fires onTrainEnd). */
  run(): History<M>;
  /** As `run`, yielding to the event loop between batches. */
  runAsync(options?: AsyncRunOptions): Promise<History<M>>;
  /** Ends training now (fires onTrainEnd once, restores best weights if asked) and returns History. */
  finish(reason?: StopReason): History<M>;
}
