import type { EpochEndEvent } from "@nn/train";
import type { EpochPoint } from "../state/trainer-state.js";
import { formatRate } from "../ui/ProgressBar.js";
import { formatLr } from "../state/reducer.js";
import { formatMetric } from "./format-number.js";

/** How often plain mode prints: every epoch for short runs, about 20 lines for long ones. */
export function plainEvery(epochs: number): number {
  return epochs <= 50 ? 1 : Math.ceil(epochs / 20);
}

const pct = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? "-" : `${(v * 100).toFixed(1)}%`);
const num = (v: number | undefined): string => (v === undefined ? "-" : formatMetric(v));

/**
 * What the lines report: a classifier's loss and accuracy, or a regression's mean squared error
 * (named `loss` when an L1/L2 penalty is part of it) and no accuracy.
 */
export interface ReportedMetrics {
  readonly loss: "loss" | "mse";
  readonly accuracy: boolean;
}

export const CLASSIFICATION_METRICS: ReportedMetrics = { loss: "loss", accuracy: true };

export function reportedMetrics(setting: { readonly problem: string; readonly l1: number; readonly l2: number }): ReportedMetrics {
  if (setting.problem !== "regression") return CLASSIFICATION_METRICS;
  return { loss: setting.l1 > 0 || setting.l2 > 0 ? "loss" : "mse", accuracy: false };
}

/**
 * `epoch 100/2000  loss 0.3012  acc 87.5%  val_loss 0.3120  val_acc 86.0%  lr 0.1  12.3k samples/s`;
 * regression: `epoch 100/2000  mse 0.0120  val_mse 0.0131  lr 0.1  12.3k samples/s`.
 */
export function formatEpochLine(event: EpochEndEvent, point: EpochPoint, metrics = CLASSIFICATION_METRICS): string {
  const width = String(event.epochs).length;
  const loss = metrics.loss;
  return [
    `epoch ${String(point.epoch).padStart(width)}/${event.epochs}`,
    `${loss} ${num(point.loss)}`,
    ...(metrics.accuracy ? [`acc ${pct(point.accuracy)}`] : []),
    ...(point.valLoss !== undefined ? [`val_${loss} ${num(point.valLoss)}`, ...(metrics.accuracy ? [`val_acc ${pct(point.valAccuracy)}`] : [])] : []),
    `lr ${formatLr(event.lr)}`,
    `${formatRate(event.samplesPerSecond)} samples/s`,
  ].join("  ");
}

/** One JSON object per epoch (--json): non-finite numbers become null so every line parses. */
export function formatJsonLine(event: EpochEndEvent, point: EpochPoint): string {
  const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);
  return JSON.stringify({
    epoch: point.epoch,
    epochs: event.epochs,
    loss: finite(point.loss),
    accuracy: finite(point.accuracy),
    valLoss: finite(point.valLoss),
    valAccuracy: finite(point.valAccuracy),
    lr: event.lr,
    samplesPerSecond: finite(event.samplesPerSecond),
    gradNorm: finite(event.gradNorm),
  });
}

export interface RunSummary {
  readonly status: "completed" | "interrupted" | "failed";
  readonly epochs: number;
  readonly totalEpochs: number;
  readonly seconds: number;
  readonly last: EpochPoint | undefined;
  readonly savedTo?: string;
  readonly error?: string;
  readonly metrics?: ReportedMetrics;
}

/** The closing lines of a plain run. */
export function formatSummary(s: RunSummary): string {
  const head =
    s.status === "completed" ? `done: ${s.epochs} epochs in ${s.seconds.toFixed(1)} s`
    : s.status === "interrupted" ? `interrupted after ${s.epochs}/${s.totalEpochs} epochs (${s.seconds.toFixed(1)} s)`
    : `training failed after ${s.epochs} epochs: ${s.error ?? "unknown error"}`;
  const lines = [head];
  const metrics = s.metrics ?? CLASSIFICATION_METRICS;
  const line = (loss: number | undefined, accuracy: number | undefined): string =>
    `${metrics.loss} ${num(loss)}${metrics.accuracy ? `  accuracy ${pct(accuracy)}` : ""}`;
  if (s.last !== undefined) {
    lines.push(`  train       ${line(s.last.loss, s.last.accuracy)}`);
    if (s.last.valLoss !== undefined) lines.push(`  validation  ${line(s.last.valLoss, s.last.valAccuracy)}`);
  }
  if (s.savedTo !== undefined) lines.push(`  model saved to ${s.savedTo}`);
  return lines.join("\n") + "\n";
}
