import { ReduceLROnPlateau, clipGradNorm } from "@nn/optim";
import { type TypedArray, checkOptions, optionKeys } from "@nn/tensor";
import { BatchSource } from "./batch-source.js";
import { type Divergence, TrainingDivergedError } from "./diverged.js";
import { EarlyStopping } from "./early-stopping.js";
import { SATURATION_EPOCHS, SaturationWatch, TrainingSaturatedError } from "./saturation.js";
import { evaluatePass, outputWidth } from "./evaluation-pass.js";
import { LayerGroups } from "./layer-norms.js";
import { MetricAccumulator } from "./metrics.js";
import { checkOptimizerParameters } from "./optimizer-match.js";
import { checkFitOptions, resolveMetrics } from "./options.js";
import { type PreparedData, prepareData } from "./prepared-data.js";
import { checkModel } from "./model-input.js";
import { type TaskSpec, lossName, resolveClasses, resolveTask } from "./task.js";
import { recordTrainedWith } from "./trained-with.js";
import { splitValidation } from "./validation-split.js";
import type {
  AsyncRunOptions, BatchEndEvent, EpochEndEvent, FitOptions, History, LayerNorms, MetricName, StopReason, TrainCallbacks,
  TrainParameter, TrainableModel, Trainer,
} from "./types.js";

/** Validation is run in chunks of at least this many rows (it needs no gradients, so bigger is faster). */
const MIN_EVAL_CHUNK = 1024;

const ASYNC_RUN_OPTIONS = optionKeys<AsyncRunOptions>()("yieldEvery");

const defaultNow = (): number => performance.now();

/** Resolves once the event loop has had a turn (timers, input, rendering). */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Everything `fit` does, one batch at a time, so a UI can pause, single-step, change the learning
 * rate and yield to the event loop. Options are checked and data converted once, here.
 */
export function createTrainer<const M extends MetricName = MetricName>(model: TrainableModel, options: FitOptions<M>): Trainer<M> {
  checkModel(model, "fit");
  // The loop computes every metric in `options.metrics`, so its records hold what Trainer<M> promises.
  return new LoopTrainer(model, options) as unknown as Trainer<M>;
}

class LoopTrainer implements Trainer {
  private readonly model: TrainableModel;
  private readonly options: FitOptions<MetricName>;
  private readonly batchSize: number;
  private readonly params: TrainParameter[];
  private readonly spec: TaskSpec;
  private readonly train: PreparedData;
  private readonly validation: PreparedData | undefined;
  private readonly source: BatchSource;
  private readonly trainMetrics: MetricAccumulator;
  private readonly validationMetrics: MetricAccumulator | undefined;
  private readonly groups: LayerGroups;
  private readonly earlyStopping: EarlyStopping | undefined;
  private readonly callbacks: readonly TrainCallbacks[];
  private readonly now: () => number;
  private readonly plateau: boolean;
  private readonly records: History;
  private readonly saturation: SaturationWatch | undefined;
  /** Some callback sees every batch's event, so per-batch layer norms may be read. */
  private readonly batchCallbacks: boolean;

  private epochsDone = 0;
  private batchIndex = 0;
  private steps = 0;
  private finished = false;
  /** finish() has run: onTrainEnd fired once, best weights restored. */
  private ended = false;
  private startTime: number | undefined;
  private epochStart = 0;
  private epochLr = 0;
  private epochTrainMs = 0;
  private epochSamples = 0;
  private totalTrainMs = 0;
  private totalSamples = 0;
  private lastGradNorm = 0;
  private epochMaxGradNorm = 0;
  private lastLayers: LayerNorms[] = [];
  private lastEpochEvent: EpochEndEvent | undefined;

  constructor(model: TrainableModel, options: FitOptions<MetricName>) {
    const { batchSize, seed } = checkFitOptions(options);
    this.model = model;
    this.options = options;
    this.batchSize = batchSize;
    this.params = model.parameters();
    checkOptimizerParameters(options.optimizer, this.params, "fit");
    const dtype = this.params.length > 0 ? this.params[0].value.dtype : options.train.x.dtype;
    this.spec = resolveTask(options.loss, options.task, options.binaryOutput);
    // The whole set is checked first, so bad data is reported as train's, with its own row numbers.
    if (options.validationSplit !== undefined) prepareData(options.train, this.spec, dtype, "train");
    const split = options.validationSplit === undefined ? undefined : splitValidation(options.train, options.validationSplit, this.spec, seed);
    const validation = split?.validation ?? options.validation;
    this.train = prepareData(split?.train ?? options.train, this.spec, dtype, "train");
    this.validation = validation === undefined ? undefined : prepareData(validation, this.spec, dtype, "validation");
    if (this.validation !== undefined && this.validation.features !== this.train.features) {
      throw new RangeError(`validation.x has ${this.validation.features} features but train.x has ${this.train.features}`);
    }
    const label = lossName(options.loss);
    const width = outputWidth(model, this.train.x);
    const labelClasses = Math.max(this.train.labelClasses, this.validation?.labelClasses ?? 0);
    const classes = resolveClasses(this.spec, width, labelClasses, options.train.numClasses, label);
    this.earlyStopping = options.earlyStopping === undefined
      ? undefined
      : new EarlyStopping(options.earlyStopping, this.validation !== undefined, [...this.params, ...(model.buffers?.() ?? [])]);
    const metrics = resolveMetrics(options.metrics, this.spec, classes, label, this.earlyStopping?.metric);
    this.trainMetrics = new MetricAccumulator(metrics, this.spec, classes);
    recordTrainedWith(model, this.spec, label);
    this.validationMetrics = this.validation === undefined ? undefined : new MetricAccumulator(metrics, this.spec, classes);
    this.source = new BatchSource(this.train, batchSize, {
      shuffle: options.shuffle ?? true, dropLast: options.dropLast ?? false, seed,
    });
    this.groups = new LayerGroups(this.params);
    this.callbacks = options.callbacks === undefined ? [] : Array.isArray(options.callbacks) ? options.callbacks : [options.callbacks];
    this.batchCallbacks = this.callbacks.some((c) => c.onBatchEnd !== undefined);
    this.now = options.now ?? defaultNow;
    this.plateau = options.scheduler instanceof ReduceLROnPlateau;
    this.records = { epochs: [], stopped: "completed", restoredBestWeights: false };
    const labels = this.train.labels;
    this.saturation = options.detectSaturation === false || labels === undefined ? undefined : new SaturationWatch(labels);
  }

  get epoch(): number {
    return this.epochsDone;
  }
  get batch(): number {
    return this.batchIndex;
  }
  get step(): number {
    return this.steps;
  }
  get batchesPerEpoch(): number {
    return this.source.batchesPerEpoch;
  }
  get history(): History {
    return this.records;
  }
  get done(): boolean {
    return this.finished;
  }
  get lr(): number {
    return this.options.optimizer.lr;
  }
  set lr(value: number) {
    this.options.optimizer.lr = value;
  }

  runBatch(): BatchEndEvent | undefined {
    return this.nextBatch(true);
  }

  /** One batch; `returned`: the caller receives the event (runBatch), so it may read its layer norms. */
  private nextBatch(returned: boolean): BatchEndEvent | undefined {
    if (this.finished) return undefined;
    if (this.options.signal?.aborted === true) {
      this.finish("aborted");
      return undefined;
    }
    if (this.batchIndex === 0) this.beginEpoch();
    let event: BatchEndEvent;
    try {
      event = this.trainBatch(returned);
    } catch (error) {
      this.finished = true; // a diverged or broken run cannot continue; the caller sees why
      throw error;
    }
    this.batchIndex++;
    for (const c of this.callbacks) c.onBatchEnd?.(event);
    if (this.batchIndex === this.source.batchesPerEpoch) this.endEpoch();
    return event;
  }

  runEpoch(): EpochEndEvent | undefined {
    const target = this.epochsDone + 1;
    while (!this.finished && this.epochsDone < target) this.nextBatch(false);
    return this.epochsDone === target ? this.lastEpochEvent : undefined;
  }

  run(): History {
    while (!this.finished) this.nextBatch(false);
    return this.records;
  }

  async runAsync(options: AsyncRunOptions = {}): Promise<History> {
    checkOptions("runAsync", options, ASYNC_RUN_OPTIONS);
    const every = options.yieldEvery ?? 1;
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`runAsync: yieldEvery must be an integer ≥ 1, got ${String(every)}`);
    let count = 0;
    while (!this.finished) {
      this.nextBatch(false);
      if (++count % every === 0) await yieldToEventLoop();
    }
    return this.records;
  }

  finish(reason?: StopReason): History {
    if (this.ended) return this.records;
    this.finished = true;
    this.ended = true;
    const stopped = reason ?? (this.epochsDone >= this.options.epochs ? "completed" : "aborted");
    this.records.stopped = stopped;
    const es = this.earlyStopping;
    if (es?.best !== undefined) {
      this.records.bestEpoch = es.best.epoch;
      // Mid-epoch (aborted) weights differ from the last epoch's, so they are restored too.
      const current = es.best.epoch === this.epochsDone && this.batchIndex === 0;
      if (!current && es.restore()) this.records.restoredBestWeights = true;
    }
    const elapsedMs = this.startTime === undefined ? 0 : this.now() - this.startTime;
    const samplesPerSecond = this.totalSamples === 0 ? 0 : perSecond(this.totalSamples, this.totalTrainMs);
    for (const c of this.callbacks) c.onTrainEnd?.({ history: this.records, stopped, epochs: this.epochsDone, elapsedMs, samplesPerSecond });
    return this.records;
  }

  private beginEpoch(): void {
    this.epochStart = this.now();
    if (this.startTime === undefined) this.startTime = this.epochStart;
    this.epochLr = this.options.optimizer.lr;
    this.epochTrainMs = 0;
    this.epochSamples = 0;
    this.epochMaxGradNorm = 0;
    this.trainMetrics.reset();
    this.source.startEpoch();
  }

  /**
   * Forward, loss, backward, clip, update: one optimizer step on batch `batchIndex`. Per-layer
   * norms cost a pass over the weights and two arrays, so they are computed for the epoch's last
   * batch (its record keeps them) and otherwise only when someone can read them: a callback with
   * `onBatchEnd`, or the caller of `runBatch()` (unless `gradNormsEvery: 'epoch'`).
   */
  private trainBatch(returned: boolean): BatchEndEvent {
    const { model, options, params } = this;
    const t0 = this.now();
    const batch = this.source.batch(this.batchIndex);
    const optimizer = options.optimizer;
    const lr = optimizer.lr;
    optimizer.zeroGrad();
    const out = model.forward(batch.x, "train");
    // Checked before the loss sees it: a loss may refuse a NaN (BinaryCrossEntropyLoss's range check)
    // with an error that says nothing of where training went wrong.
    const bad = firstNonFinite(out.data);
    if (bad !== undefined) throw this.diverged("model output", bad, lr);
    const loss = options.loss.forward(out, batch.target);
    if (!Number.isFinite(loss)) throw this.diverged("loss", loss, lr);
    this.trainMetrics.addLoss(loss, batch.size);
    this.trainMetrics.addPredictions(out, batch.labels);
    // The data needs no gradient: the first layer's dL/dx is not computed.
    if (model.backwardToParameters !== undefined) model.backwardToParameters(options.loss.backward());
    else model.backward(options.loss.backward());

    const lastOfEpoch = this.batchIndex === this.source.batchesPerEpoch - 1;
    const layersPerBatch = options.gradNormsEvery !== "epoch";
    const wantLayers = lastOfEpoch || (layersPerBatch && (returned || this.batchCallbacks));
    const maxNorm = options.clipGradNorm;
    // One pass over the gradients gives the total norm and, when wanted, each layer's.
    const unclippedNorm = maxNorm === undefined || wantLayers ? this.groups.measureGrads() : 0;
    const layerGradNorms = wantLayers ? this.groups.gradNorms() : undefined;
    const gradNorm = maxNorm === undefined ? unclippedNorm : clipGradNorm(params, maxNorm, { errorIfNonfinite: false });
    if (!Number.isFinite(gradNorm)) throw this.diverged("gradient norm", gradNorm, lr);
    optimizer.step();
    this.steps++;
    if (options.scheduler !== undefined && options.schedulerStep === "batch") {
      if (this.plateau) options.scheduler.step(loss);
      else options.scheduler.step();
    }
    const layers = layerGradNorms === undefined ? undefined : this.groups.describe(layerGradNorms, this.groups.weightNorms());
    const t1 = this.now();
    this.epochTrainMs += t1 - t0;
    this.epochSamples += batch.size;
    this.totalTrainMs += t1 - t0;
    this.totalSamples += batch.size;
    this.lastGradNorm = gradNorm;
    if (gradNorm > this.epochMaxGradNorm) this.epochMaxGradNorm = gradNorm;
    if (lastOfEpoch && layers !== undefined) this.lastLayers = layers;

    const event: BatchEndEvent = {
      epoch: this.epochsDone + 1,
      batch: this.batchIndex + 1,
      batchesPerEpoch: this.source.batchesPerEpoch,
      step: this.steps,
      size: batch.size,
      loss,
      metrics: this.trainMetrics.result(),
      lr,
      gradNorm,
      clipped: maxNorm !== undefined && gradNorm > maxNorm,
      samplesPerSecond: perSecond(batch.size, t1 - t0),
    };
    if (layersPerBatch && layers !== undefined) event.layers = layers;
    return event;
  }

  /** Metrics, validation, early stopping and the per-epoch scheduler step, then onEpochEnd. */
  private endEpoch(): void {
    const options = this.options;
    const train = this.trainMetrics.result();
    const validation = this.validation === undefined || this.validationMetrics === undefined
      ? undefined
      : evaluatePass(this.model, this.validation, options.loss, this.validationMetrics, Math.max(this.batchSize, MIN_EVAL_CHUNK), (value) =>
        this.diverged("validation output", value, this.epochLr, this.source.batchesPerEpoch));
    this.epochsDone++;
    this.batchIndex = 0;
    const record = { epoch: this.epochsDone, lr: this.epochLr, train, gradNorm: this.lastGradNorm, layers: this.lastLayers, ...(validation ? { validation } : {}) };
    if (options.keepHistory !== false) this.records.epochs.push(record);
    const stop = this.earlyStopping?.update(record) ?? false;
    if (options.scheduler !== undefined && options.schedulerStep !== "batch") {
      if (this.plateau) options.scheduler.step(validation?.loss ?? train.loss);
      else options.scheduler.step();
    }
    const event: EpochEndEvent = {
      ...record,
      epochs: options.epochs,
      batches: this.source.batchesPerEpoch,
      samples: this.epochSamples,
      samplesPerSecond: perSecond(this.epochSamples, this.epochTrainMs),
      durationMs: this.now() - this.epochStart,
    };
    const best = this.earlyStopping?.best;
    if (best !== undefined) event.best = { ...best };
    this.lastEpochEvent = event;
    for (const c of this.callbacks) c.onEpochEnd?.(event);
    if (this.saturation?.update(train.loss, train.accuracy) === true) throw this.saturated(train.loss, train.accuracy ?? 0);
    if (stop) this.finish("early-stopping");
    else if (this.epochsDone >= options.epochs) this.finish("completed");
  }

  private saturated(loss: number, accuracy: number): TrainingSaturatedError {
    this.finished = true; // nothing changes any more; the caller sees why
    const watch = this.saturation as SaturationWatch;
    return new TrainingSaturatedError({
      epoch: this.epochsDone,
      batch: this.source.batchesPerEpoch,
      step: this.steps,
      loss,
      accuracy,
      chance: watch.chance,
      priorLoss: watch.priorLoss,
      gradNorm: this.epochMaxGradNorm,
      epochs: SATURATION_EPOCHS,
      lr: this.epochLr,
      maxAbsInput: this.train.maxAbsInput,
      clipping: this.options.clipGradNorm !== undefined,
      history: this.records,
    });
  }

  /** `batch`: the 1-based batch it happened in (default the one in progress). */
  private diverged(quantity: Divergence, value: number, lr: number, batch = this.batchIndex + 1): TrainingDivergedError {
    this.finished = true;
    return new TrainingDivergedError({
      epoch: this.epochsDone + 1,
      batch,
      step: this.steps + 1,
      quantity,
      value,
      lr,
      maxAbsInput: this.train.maxAbsInput,
      clipping: this.options.clipGradNorm !== undefined,
    });
  }
}

function perSecond(samples: number, ms: number): number {
  return ms > 0 ? (samples * 1000) / ms : Infinity;
}

function firstNonFinite(d: TypedArray): number | undefined {
  for (let i = 0; i < d.length; i++) if (!Number.isFinite(d[i])) return d[i];
  return undefined;
}
