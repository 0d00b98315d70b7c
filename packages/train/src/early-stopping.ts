import { checkOptions, optionKeys } from "@nn/tensor";
import type { EarlyStoppingOptions, EpochRecord, MetricName, MonitorName, TrainBuffer, TrainParameter } from "./types.js";

const EARLY_STOPPING_OPTIONS = optionKeys<EarlyStoppingOptions>()("monitor", "patience", "minDelta", "mode", "restoreBestWeights");

const MONITORS: readonly MonitorName[] = [
  "loss", "accuracy", "precision", "recall", "f1", "valLoss", "valAccuracy", "valPrecision", "valRecall", "valF1",
];

/**
 * Watches one metric per epoch and says when it has stopped improving for `patience` epochs (as
 * Keras' EarlyStopping: with patience 0 or 1 the first epoch without improvement stops). With
 * `restoreBestWeights` it copies the parameters (and buffers) of each new best epoch into buffers
 * allocated once, and copies them back on `restore()`.
 */
export class EarlyStopping {
  readonly monitor: MonitorName;
  private readonly patience: number;
  private readonly minDelta: number;
  private readonly maximise: boolean;
  private readonly tensors: ReadonlyArray<TrainParameter | TrainBuffer>;
  private readonly snapshot: Array<Float32Array | Float64Array> | undefined;
  private wait = 0;
  best: { epoch: number; value: number } | undefined;

  constructor(options: EarlyStoppingOptions, hasValidation: boolean, tensors: ReadonlyArray<TrainParameter | TrainBuffer>) {
    checkOptions("fit: earlyStopping", options, EARLY_STOPPING_OPTIONS);
    this.monitor = options.monitor ?? (hasValidation ? "valLoss" : "loss");
    if (!MONITORS.includes(this.monitor)) {
      throw new RangeError(`earlyStopping.monitor must be one of ${MONITORS.join(", ")}; got ${String(this.monitor)}`);
    }
    if (this.monitor.startsWith("val") && !hasValidation) {
      throw new RangeError(`earlyStopping.monitor "${this.monitor}" needs validation data: pass fit({ validation })`);
    }
    this.patience = options.patience ?? 0;
    if (!Number.isInteger(this.patience) || this.patience < 0) {
      throw new RangeError(`earlyStopping.patience must be an integer ≥ 0, got ${this.patience}`);
    }
    this.minDelta = Math.abs(options.minDelta ?? 0);
    if (!Number.isFinite(this.minDelta)) throw new RangeError(`earlyStopping.minDelta must be finite, got ${options.minDelta}`);
    const mode = options.mode ?? "auto";
    if (mode !== "min" && mode !== "max" && mode !== "auto") {
      throw new RangeError(`earlyStopping.mode must be "min", "max" or "auto", got ${String(mode)}`);
    }
    this.maximise = mode === "max" || (mode === "auto" && !/loss$/i.test(this.monitor));
    this.tensors = tensors;
    this.snapshot = options.restoreBestWeights === true ? tensors.map((t) => t.value.data.slice()) : undefined;
  }

  /** The metric the monitor needs computed (`valAccuracy` → `accuracy`). */
  get metric(): MetricName {
    const base = this.monitor.startsWith("val") ? this.monitor.slice(3) : this.monitor;
    return (base.charAt(0).toLowerCase() + base.slice(1)) as MetricName;
  }

  /** Records an epoch; true when training should stop. */
  update(record: EpochRecord): boolean {
    const source = this.monitor.startsWith("val") ? record.validation : record.train;
    const value = source?.[this.metric as "loss"];
    const improved =
      value !== undefined && !Number.isNaN(value) &&
      (this.best === undefined || (this.maximise ? value > this.best.value + this.minDelta : value < this.best.value - this.minDelta));
    if (improved) {
      this.best = { epoch: record.epoch, value };
      this.wait = 0;
      if (this.snapshot !== undefined) this.tensors.forEach((t, i) => this.snapshot?.[i].set(t.value.data));
      return false;
    }
    this.wait++;
    return this.wait >= Math.max(this.patience, 1);
  }

  /** Copies the best epoch's weights back; false when there is nothing to restore. */
  restore(): boolean {
    if (this.snapshot === undefined || this.best === undefined) return false;
    this.tensors.forEach((t, i) => t.value.data.set((this.snapshot as Array<Float32Array | Float64Array>)[i]));
    return true;
  }
}
