import { checkOptions, optionKeys } from "@nn/tensor";
import type { BatchEndEvent, EpochEndEvent, MetricValues, TrainCallbacks, TrainEndEvent } from "../types.js";

/** Where progress goes: `process.stderr` by default; anything with `write` does for tests. */
export interface ProgressStream {
  write(text: string): unknown;
  /** A terminal redraws one line in place; anything else gets plain lines. */
  isTTY?: boolean;
  /** Terminal width, to keep the bar on one line (default 80). */
  columns?: number;
}

/**
 * How much to show, as Keras's `verbose`: `0` nothing, `1` one progress bar redrawn in place,
 * `2` plain lines (epoch 1, every ⌈epochs/20⌉-th epoch and the last: at most about 21 lines),
 * `"auto"` (default) `1` on a terminal and `2` otherwise (a pipe, a CI log).
 */
export type Verbosity = "auto" | 0 | 1 | 2;

export interface ProgressBarOptions {
  /** Default `process.stderr`, so the script's own output on stdout stays clean. */
  stream?: ProgressStream;
  verbose?: Verbosity;
  /** Least milliseconds between two redraws of the bar within an epoch (default 100). */
  interval?: number;
  /** Millisecond clock for the redraw interval (default `performance.now`). */
  now?: () => number;
}

const BAR_WIDTH = 20;
const MAX_LINES = 20;

/**
 * Callbacks for `fit` that show its progress in a Node terminal, like Keras's `verbose`:
 * `fit(model, { ..., callbacks: progressBar() })`.
 */
const PROGRESS_BAR_OPTIONS = optionKeys<ProgressBarOptions>()("stream", "verbose", "interval", "now");

export function progressBar(options: ProgressBarOptions = {}): TrainCallbacks {
  checkOptions("progressBar", options, PROGRESS_BAR_OPTIONS);
  const stream = options.stream ?? process.stderr;
  const verbose = options.verbose ?? "auto";
  if (![0, 1, 2, "auto"].includes(verbose)) {
    throw new RangeError(`progressBar: verbose must be "auto", 0, 1 or 2, got ${JSON.stringify(verbose)}`);
  }
  const interval = options.interval ?? 100;
  if (!(interval >= 0)) throw new RangeError(`progressBar: interval must be ≥ 0 milliseconds, got ${String(interval)}`);
  const mode = verbose === "auto" ? (stream.isTTY === true ? 1 : 2) : verbose;
  if (mode === 0) return {};
  const now = options.now ?? ((): number => performance.now());
  if (mode === 2) {
    return {
      onEpochEnd(e: EpochEndEvent): void {
        const every = Math.ceil(e.epochs / MAX_LINES);
        if (e.epoch === 1 || e.epoch === e.epochs || e.epoch % every === 0) stream.write(`${epochLine(e)}\n`);
      },
      onTrainEnd(e: TrainEndEvent): void {
        stream.write(`${endLine(e)}\n`);
      },
    };
  }
  let lastDraw = -Infinity;
  let drawn = false;
  const draw = (line: string): void => {
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    // \r returns to the line's start and \x1b[K clears what a longer previous line left behind.
    stream.write(`\r${line.length > width ? line.slice(0, width - 1) + "…" : line}\x1b[K`);
    drawn = true;
  };
  return {
    onBatchEnd(e: BatchEndEvent): void {
      const t = now();
      if (e.batch !== e.batchesPerEpoch && t - lastDraw < interval) return;
      lastDraw = t;
      draw(batchLine(e));
    },
    onEpochEnd(e: EpochEndEvent): void {
      draw(epochLine(e));
    },
    onTrainEnd(e: TrainEndEvent): void {
      stream.write(`${drawn ? "\n" : ""}${endLine(e)}\n`);
    },
  };
}

function batchLine(e: BatchEndEvent): string {
  const filled = Math.round((BAR_WIDTH * e.batch) / e.batchesPerEpoch);
  return `epoch ${e.epoch} ${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)} ${e.batch}/${e.batchesPerEpoch}  ${metrics(e.metrics, "")}`;
}

function epochLine(e: EpochEndEvent): string {
  const parts = [`epoch ${e.epoch}/${e.epochs}`, metrics(e.train, "")];
  if (e.validation !== undefined) parts.push(metrics(e.validation, "val_"));
  parts.push(`lr ${formatNumber(e.lr)}`, `${formatRate(e.samplesPerSecond)} samples/s`);
  return parts.join("  ");
}

function endLine(e: TrainEndEvent): string {
  const how = e.stopped === "completed" ? "done" : e.stopped === "early-stopping" ? "stopped early" : "aborted";
  const best = e.history.bestEpoch === undefined ? "" : ` (best epoch ${e.history.bestEpoch}${e.history.restoredBestWeights ? ", weights restored" : ""})`;
  return `${how}: ${e.epochs} epoch${e.epochs === 1 ? "" : "s"} in ${(e.elapsedMs / 1000).toFixed(1)} s${best}`;
}

function metrics(m: MetricValues, prefix: string): string {
  const parts = [`${prefix}loss ${m.loss.toFixed(4)}`];
  for (const name of ["accuracy", "precision", "recall", "f1"] as const) {
    const v = m[name];
    if (v !== undefined) parts.push(`${prefix}${name === "accuracy" ? "acc" : name} ${(v * 100).toFixed(1)}%`);
  }
  return parts.join("  ");
}

function formatNumber(x: number): string {
  return Number(x.toPrecision(4)).toString();
}

function formatRate(x: number): string {
  if (!Number.isFinite(x)) return "∞";
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(1)}k`;
  return x.toFixed(0);
}
