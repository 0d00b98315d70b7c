import type { Dataset } from "@nn/datasets";
import { createTrainer, type EpochEndEvent, type Trainer } from "@nn/train";
import { buildRun, type BuiltRun } from "./build-run.js";
import { builtinDataset } from "./datasets.js";
import { DownsampledHistory } from "./history.js";
import { MapPainter } from "./maps.js";
import { checkSetting, isBuiltin, SETTING_FIELDS, type Setting, type SettingApply } from "./setting.js";

export type DriverStatus = "running" | "paused" | "done" | "failed";

/** One epoch's numbers (NaN where there is no validation split; accuracy NaN for regression, whose loss is the MSE). */
export interface EpochPoint {
  readonly epoch: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly valLoss: number;
  readonly valAccuracy: number;
}

export interface LayerNorm {
  readonly name: string;
  readonly gradNorm: number;
  readonly weightNorm: number;
}

export interface DriverOptions {
  /** Millisecond clock (time budgets, throughput). Default `performance.now`. */
  readonly now?: () => number;
  /** Every finished epoch, in order; `event.epochs` is the driver's target. */
  readonly onEpoch?: (event: EpochEndEvent, point: EpochPoint) => void;
  /** Points per curve kept (see DownsampledHistory). Default 512. */
  readonly historyCapacity?: number;
  /** Data for a setting whose `data` is not a built-in set (a CSV file read by the caller). */
  readonly loadData?: (setting: Setting) => Dataset;
}

/** The curves a driver keeps, in this column order. */
export const HISTORY_COLUMNS = ["loss", "accuracy", "valLoss", "valAccuracy"] as const;

const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * A training run that a screen steers, in any JavaScript environment: trains in time-boxed slices
 * (the caller decides when and how long), stops at the setting's epoch count (DONE) and can go on
 * past it, pauses, steps one epoch, changes the learning rate live, restarts with a new seed
 * keeping live changes, and applies a changed setting, rebuilding only what the change needs.
 * Memory stays flat however long it runs: curves are DownsampledHistory, the trainer keeps no records.
 */
export class TrainingDriver {
  readonly history: DownsampledHistory;
  private current: Setting;
  private data!: Dataset;
  private built!: BuiltRun;
  private trainer!: Trainer;
  private painterCache: MapPainter | undefined;
  private runSeedValue: number;
  private targetEpochs: number;
  private state: DriverStatus = "running";
  private error: Error | undefined;
  private readonly now: () => number;
  private readonly row = new Float64Array(HISTORY_COLUMNS.length);
  private norms: LayerNorm[] = [];
  private speed = 0;
  /** Bumped whenever the model is rebuilt (restart, new setting): a screen tells runs apart by it. */
  runId = 0;
  /** Milliseconds spent in trainFor/step since the driver was created (all runs). */
  trainingMs = 0;

  constructor(setting: Setting, private readonly options: DriverOptions = {}) {
    this.current = checkSetting(setting);
    this.now = options.now ?? (() => performance.now());
    this.history = new DownsampledHistory(HISTORY_COLUMNS, options.historyCapacity ?? 512);
    this.runSeedValue = setting.seed;
    this.targetEpochs = setting.epochs;
    this.loadData();
    this.build();
  }

  get setting(): Setting {
    return this.current;
  }
  get run(): BuiltRun {
    return this.built;
  }
  get dataset(): Dataset {
    return this.data;
  }
  get status(): DriverStatus {
    return this.state;
  }
  get failure(): Error | undefined {
    return this.error;
  }
  get epoch(): number {
    return this.trainer.epoch;
  }
  /** Where training stops by itself (DONE); Infinity once continued past the setting's epochs. */
  get target(): number {
    return this.targetEpochs;
  }
  /** The seed of the current run (split, initial weights, shuffling); `r` moves it on. */
  get runSeed(): number {
    return this.runSeedValue;
  }
  get lr(): number {
    return this.trainer.lr;
  }
  get layerNorms(): readonly LayerNorm[] {
    return this.norms;
  }
  /** Training samples per second, smoothed over recent epochs. */
  get samplesPerSecond(): number {
    return this.speed;
  }
  /** True when the data has two raw features: decision and neuron maps can be drawn. */
  get twoD(): boolean {
    return this.data.x.shape[1] === 2;
  }
  /** Maps of the current model (undefined for data that is not 2-D). */
  get painter(): MapPainter | undefined {
    if (!this.twoD) return undefined;
    return (this.painterCache ??= new MapPainter(this.built, this.current));
  }

  private loadData(): void {
    const s = this.current;
    if (isBuiltin(s.data)) this.data = builtinDataset(s.data, { samples: s.samples, noise: s.noise, seed: s.seed, classes: s.classes });
    else if (this.options.loadData !== undefined) this.data = this.options.loadData(s);
    else throw new RangeError(`unknown data set "${s.data}" and no loadData to read it with`);
  }

  private build(): void {
    this.built = buildRun(this.current, this.data, this.runSeedValue);
    const run = this.built;
    const n = run.train.x.shape[0];
    this.trainer = createTrainer(run.model, {
      loss: run.loss,
      optimizer: run.optimizer,
      train: run.train,
      ...(run.validation !== undefined ? { validation: run.validation } : {}),
      // The driver decides when to stop (target); the trainer would otherwise end the run for good.
      epochs: FOREVER,
      batchSize: this.current.batchSize === 0 ? n : Math.min(this.current.batchSize, n),
      seed: this.runSeedValue,
      metrics: run.regression ? ["loss"] : ["loss", "accuracy"],
      task: run.regression ? "regression" : run.binary ? "binary" : "multiclass",
      ...(run.binary ? { binaryOutput: "probability" as const } : {}),
      ...(run.scheduler !== undefined ? { scheduler: run.scheduler } : {}),
      ...(this.current.clip > 0 ? { clipGradNorm: this.current.clip } : {}),
      gradNormsEvery: "epoch",
      keepHistory: false,
      now: this.now,
      callbacks: { onEpochEnd: (event) => this.recordEpoch(event) },
    });
    this.runId++;
    this.painterCache = undefined;
    this.history.clear();
    this.norms = [];
    this.speed = 0;
    this.error = undefined;
  }

  private recordEpoch(event: EpochEndEvent): void {
    const row = this.row;
    row[0] = event.train.loss;
    row[1] = event.train.accuracy ?? Number.NaN;
    row[2] = event.validation?.loss ?? Number.NaN;
    row[3] = event.validation?.accuracy ?? Number.NaN;
    this.history.push(event.epoch, row);
    // Smoothed: one full-batch epoch takes about a millisecond, so single readings jump around.
    this.speed = this.speed === 0 ? event.samplesPerSecond : 0.9 * this.speed + 0.1 * event.samplesPerSecond;
    this.norms = event.layers.map((l) => ({ name: l.name, gradNorm: l.gradNorm, weightNorm: l.weightNorm }));
    if (this.options.onEpoch !== undefined) {
      const point: EpochPoint = { epoch: event.epoch, loss: row[0], accuracy: row[1], valLoss: row[2], valAccuracy: row[3] };
      this.options.onEpoch({ ...event, epochs: this.targetEpochs }, point);
    }
    if (event.epoch >= this.targetEpochs && this.state === "running") this.state = "done";
  }

  /**
   * Trains while running, for about `budgetMs` (whole batches; at least one) and at most
   * `maxEpochs` finished epochs. Returns the epochs finished. A diverged run becomes `failed`.
   */
  trainFor(budgetMs: number, maxEpochs = Infinity): number {
    if (this.state !== "running") return 0;
    const started = this.now();
    const until = started + budgetMs;
    const first = this.trainer.epoch;
    const last = Math.min(first + maxEpochs, this.targetEpochs);
    try {
      while (this.state === "running" && this.trainer.epoch < last) {
        this.trainer.runBatch();
        if (this.now() >= until) break;
      }
    } catch (error) {
      this.fail(error);
    }
    this.trainingMs += this.now() - started;
    return this.trainer.epoch - first;
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error : new Error(String(error));
    this.state = "failed";
  }

  pause(): void {
    if (this.state === "running") this.state = "paused";
  }

  /** Resumes a pause; after DONE, goes on training past the setting's epochs until paused. */
  resume(): void {
    if (this.state === "paused") this.state = "running";
    else if (this.state === "done") {
      this.targetEpochs = Infinity;
      this.state = "running";
    }
  }

  /** One epoch (from a pause or DONE, which it leaves as it was). */
  step(): void {
    if (this.state !== "paused" && this.state !== "done") return;
    const was = this.state;
    const started = this.now();
    try {
      this.trainer.runEpoch();
      this.state = was;
    } catch (error) {
      this.fail(error);
    }
    this.trainingMs += this.now() - started;
  }

  /** Changes the learning rate from the next batch; a restart keeps it. */
  setLr(lr: number): void {
    if (!(lr > 0 && Number.isFinite(lr))) throw new RangeError(`learning rate must be a finite number > 0, got ${String(lr)}`);
    this.trainer.lr = lr;
    this.current = { ...this.current, lr };
  }

  /** A fresh run with a new seed (new initial weights, split and shuffling; same data), running; live changes kept. */
  restart(seed = this.runSeedValue + 1): void {
    this.current = { ...this.current, lr: this.trainer.lr };
    this.runSeedValue = seed;
    this.targetEpochs = this.current.epochs;
    this.build();
    this.state = "running";
  }

  /**
   * Applies a changed setting: a new learning rate or epoch count applies live; anything else
   * rebuilds the run (and regenerates the data when a data entry changed) and starts it. Returns
   * what the change needed. A setting that cannot be built throws and leaves the run as it was.
   */
  apply(next: Setting): SettingApply | undefined {
    checkSetting(next);
    const changed = SETTING_FIELDS.filter((f) => JSON.stringify(next[f.key]) !== JSON.stringify(this.current[f.key]));
    if (changed.length === 0) return undefined;
    const need: SettingApply = changed.some((f) => f.apply === "data") ? "data" : changed.some((f) => f.apply === "model") ? "model" : "live";
    if (need === "live") {
      if (next.lr !== this.current.lr) this.trainer.lr = next.lr;
      this.current = next;
      this.targetEpochs = Math.max(next.epochs, this.targetEpochs === Infinity ? Infinity : next.epochs);
      if (this.state === "done" && this.trainer.epoch < this.targetEpochs) this.state = "running";
      if (this.state === "running" && this.trainer.epoch >= this.targetEpochs) this.state = "done";
      return need;
    }
    const before = { setting: this.current, data: this.data, seed: this.runSeedValue };
    try {
      this.current = next;
      if (need === "data") {
        this.runSeedValue = next.seed;
        this.loadData();
      }
      this.targetEpochs = next.epochs;
      this.build();
      this.state = "running";
    } catch (error) {
      this.current = before.setting;
      this.data = before.data;
      this.runSeedValue = before.seed;
      this.build();
      throw error;
    }
    return need;
  }
}
