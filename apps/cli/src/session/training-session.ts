import { saveModel } from "@nn/layers/node";
import { Tensor } from "@nn/tensor";
import { createTrainer, type EpochEndEvent, type Trainer } from "@nn/train";
import type { TrainOptions } from "../args/train-options.js";
import type { EpochPoint, LayerNorm, TrainingSnapshot } from "../state/trainer-state.js";
import type { DecisionField } from "../ui/decision-map.js";
import type { RunDescription } from "../ui/Header.js";
import { failureInCliTerms } from "../report/failure-advice.js";
import { buildRun, type BuiltRun } from "./build-run.js";
import { dataBounds, fieldFromOutputs, gridInputs, placePoints, type Bounds } from "./decision-field.js";
import { describeRun } from "./describe-run.js";
import { loadData, type LoadedData } from "./load-data.js";
import { modelMetadata } from "./model-metadata.js";
import type { SessionController } from "./session-controller.js";

/** Where `s` saves when neither --save nor SessionDeps.defaultSavePath says otherwise. */
export const DEFAULT_SAVE_PATH = "nn-model.json";

export interface SessionDeps {
  /** Millisecond clock (throughput and the chunk budget). */
  readonly now?: () => number;
  /** Lets the event loop run between chunks (default setImmediate). */
  readonly yieldToLoop?: (resume: () => void) => void;
  /** Milliseconds of training per chunk before yielding (default 15). */
  readonly chunkMs?: number;
  /** Every finished epoch, in order (plain and JSON reporters). */
  readonly onEpoch?: (event: EpochEndEvent, point: EpochPoint) => void;
  /** Training ended: completed, failed or stopped. */
  readonly onFinish?: (outcome: { error?: Error }) => void;
  /** Where `s` saves when no --save path was given. */
  readonly defaultSavePath?: string;
}

/**
 * A training run the screen can steer: trains in short chunks on the event loop (so keys and
 * redraws stay responsive), pauses, steps, changes the learning rate, restarts with a new seed,
 * and saves. Training speed does not depend on the screen: the screen samples `snapshot()`.
 */
export class TrainingSession implements SessionController {
  readonly twoD: boolean;
  private readonly data: LoadedData;
  private readonly now: () => number;
  private readonly yieldToLoop: (resume: () => void) => void;
  private readonly chunkMs: number;
  private run!: BuiltRun;
  private trainer!: Trainer;
  private seed: number;
  private generation = 0;
  private paused = false;
  private stopped = false;
  private scheduled = false;
  private finished = false;
  private error: Error | undefined;
  private pending: EpochPoint[] = [];
  private samplesPerSecond = 0;
  private layerNorms: LayerNorm[] = [];
  private autoSaved: Promise<string | undefined> | undefined;
  private bounds: Bounds | undefined;
  /** A copy of the model for drawing the map: its buffers stay sized for the grid, so the
   * training model never reallocates its own between a map frame and the next batch. */
  private mapModel: BuiltRun["model"] | undefined;
  private mapGrid: { key: string; input: Tensor } | undefined;
  /** Milliseconds spent training so far (the screen uses it to keep its own share small). */
  trainingMs = 0;
  description!: RunDescription;

  constructor(
    private readonly options: TrainOptions,
    private readonly deps: SessionDeps = {},
  ) {
    this.now = deps.now ?? (() => performance.now());
    this.yieldToLoop = deps.yieldToLoop ?? ((resume) => setImmediate(resume));
    this.chunkMs = deps.chunkMs ?? 15;
    this.seed = options.seed;
    this.data = loadData(options.data, options.seed);
    this.twoD = this.data.dataset.x.shape[1] === 2;
    this.build();
  }

  /** The model being trained (the current run's). */
  get model(): BuiltRun["model"] {
    return this.run.model;
  }

  get built(): BuiltRun {
    return this.run;
  }

  get epoch(): number {
    return this.trainer.epoch;
  }

  get failure(): Error | undefined {
    return this.error;
  }

  private build(): void {
    this.run = buildRun(this.options, this.seed, this.data);
    const generation = ++this.generation;
    this.finished = false;
    this.error = undefined;
    this.samplesPerSecond = 0;
    this.layerNorms = [];
    this.pending = [];
    this.autoSaved = undefined;
    this.mapModel = undefined;
    this.mapGrid = undefined;
    const run = this.run;
    const n = run.train.x.shape[0];
    this.trainer = createTrainer(run.model, {
      loss: run.loss,
      optimizer: run.optimizer,
      train: run.train,
      ...(run.validation !== undefined ? { validation: run.validation } : {}),
      epochs: this.options.epochs,
      batchSize: this.options.batchSize === 0 ? n : Math.min(this.options.batchSize, n),
      seed: this.seed,
      metrics: ["loss", "accuracy"],
      task: run.binary ? "binary" : "multiclass",
      ...(run.binary ? { binaryOutput: "probability" as const } : {}),
      ...(run.scheduler !== undefined ? { scheduler: run.scheduler } : {}),
      ...(this.options.clip > 0 ? { clipGradNorm: this.options.clip } : {}),
      now: this.now,
      callbacks: {
        onEpochEnd: (event) => {
          if (generation === this.generation) this.recordEpoch(event);
        },
      },
    });
    this.description = describeRun(this.options, this.run);
  }

  private startedAt: number | undefined;
  private finishedAt: number | undefined;

  /** Starts (or continues) training on the event loop. */
  start(): void {
    this.startedAt ??= this.now();
    this.schedule();
  }

  /** Wall time from start() to the end of training (or now) and the part of it spent training. */
  timing(): { wallMs: number; trainingMs: number } {
    const end = this.finishedAt ?? this.now();
    return { wallMs: this.startedAt === undefined ? 0 : end - this.startedAt, trainingMs: this.trainingMs };
  }

  private schedule(): void {
    if (this.scheduled || this.paused || this.stopped || this.finished) return;
    this.scheduled = true;
    const generation = this.generation;
    this.yieldToLoop(() => {
      this.scheduled = false;
      if (generation !== this.generation) {
        this.schedule();
        return;
      }
      this.chunk();
      this.schedule();
    });
  }

  /** Trains batches until the chunk's time budget is used up, then yields. */
  private chunk(): void {
    const started = this.now();
    const until = started + this.chunkMs;
    while (!this.paused && !this.stopped && !this.finished) {
      if (!this.guard(() => this.trainer.runBatch())) break;
      if (this.now() >= until) break;
    }
    this.trainingMs += this.now() - started;
  }

  /** Runs one piece of training; a divergence or any error ends the run and is reported. */
  private guard(work: () => unknown): boolean {
    try {
      work();
      if (this.trainer.done) this.complete();
      return true;
    } catch (error) {
      this.error = failureInCliTerms(error);
      this.complete();
      return false;
    }
  }

  private complete(): void {
    if (this.finished) return;
    this.finished = true;
    this.finishedAt = this.now();
    if (this.options.save !== undefined && this.error === undefined) this.autoSaved = this.save();
    this.deps.onFinish?.(this.error === undefined ? {} : { error: this.error });
  }

  private recordEpoch(event: EpochEndEvent): void {
    const point: EpochPoint = {
      epoch: event.epoch,
      loss: event.train.loss,
      accuracy: event.train.accuracy ?? Number.NaN,
      ...(event.validation ? { valLoss: event.validation.loss, valAccuracy: event.validation.accuracy ?? Number.NaN } : {}),
    };
    this.pending.push(point);
    // Smoothed: one full-batch epoch takes about a millisecond, so single readings jump around.
    this.samplesPerSecond = this.samplesPerSecond === 0 ? event.samplesPerSecond : 0.9 * this.samplesPerSecond + 0.1 * event.samplesPerSecond;
    this.layerNorms = event.layers.map((l) => ({ name: l.name, gradNorm: l.gradNorm, weightNorm: l.weightNorm }));
    this.deps.onEpoch?.(event, point);
  }

  snapshot(): TrainingSnapshot {
    const newPoints = this.pending;
    this.pending = [];
    return {
      epoch: this.trainer.epoch,
      totalEpochs: this.options.epochs,
      lr: this.trainer.lr,
      samplesPerSecond: this.samplesPerSecond,
      layerNorms: this.layerNorms,
      newPoints,
      seed: this.seed,
      finished: this.finished,
      ...(this.error !== undefined ? { error: this.error.message.split("\n")[0] } : {}),
    };
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  step(): void {
    if (!this.paused || this.finished || this.stopped) return;
    this.guard(() => this.trainer.runEpoch());
  }

  setLr(lr: number): void {
    this.trainer.lr = lr;
  }

  /** A fresh run (new initial weights, split and shuffling; same data), running even if paused. */
  restart(seed: number): void {
    this.seed = seed;
    this.startedAt = this.now();
    this.finishedAt = undefined;
    this.trainingMs = 0;
    this.paused = false;
    this.build();
    this.schedule();
  }

  /** Saves the current model atomically with its metadata; resolves to the path. */
  async save(path = this.options.save ?? this.deps.defaultSavePath ?? DEFAULT_SAVE_PATH): Promise<string> {
    await saveModel(this.run.model, path, modelMetadata(this.run, this.options, this.seed, this.trainer.epoch));
    return path;
  }

  /** Stops for good; saves when a save path was given (waiting for an automatic save in flight). */
  async stop(): Promise<string | undefined> {
    this.stopped = true;
    if (this.autoSaved !== undefined) return this.autoSaved;
    if (this.options.save === undefined || this.error !== undefined) return undefined;
    return this.save();
  }

  /** Resolves when the run completes or fails (polls the flag; the loop itself is event driven). */
  whenFinished(): Promise<void> {
    return new Promise((resolve) => {
      const check = (): void => {
        if (this.finished || this.stopped) resolve();
        else setTimeout(check, 5);
      };
      check();
    });
  }

  /** The save started automatically at the end of training (with --save), if any. */
  get finalSave(): Promise<string | undefined> | undefined {
    return this.autoSaved;
  }

  decisionField(cols: number, rows: number): DecisionField | undefined {
    if (!this.twoD || cols <= 0 || rows <= 0) return undefined;
    const bounds = (this.bounds ??= dataBounds(this.data.dataset.x));
    const key = `${cols}x${rows}`;
    if (this.mapGrid?.key !== key) {
      const input = gridInputs(bounds, cols, rows);
      this.mapGrid = { key, input: this.run.scaler === undefined ? input : this.run.scaler.transform(input) };
    }
    const model = (this.mapModel ??= this.run.model.cast(this.run.model.dtype ?? "float32"));
    const from = this.run.model.parameters();
    model.parameters().forEach((p, i) => p.value.data.set(from[i].value.data));
    return fieldFromOutputs(model.forward(this.mapGrid.input, "eval"), cols, rows, placePoints(this.data.dataset, bounds, cols, rows));
  }
}
