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

/** `epoch 100/2000  loss 0.3012  acc 87.5%  val_loss 0.3120  val_acc 86.0%  lr 0.1  12.3k samples/s` */
export function formatEpochLine(event: EpochEndEvent, point: EpochPoint): string {
  const width = String(event.epochs).length;
  return [
    `epoch ${String(point.epoch).padStart(width)}/${event.epochs}`,
    `loss ${num(point.loss)}`,
    `acc ${pct(point.accuracy)}`,
    ...(point.valLoss !== undefined ? [`val_loss ${num(point.valLoss)}`, `val_acc ${pct(point.valAccuracy)}`] : []),
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
}

/** The closing lines of a plain run. */
export function formatSummary(s: RunSummary): string {
  const head =
    s.status === "completed" ? `done: ${s.epochs} epochs in ${s.seconds.toFixed(1)} s`
    : s.status === "interrupted" ? `interrupted after ${s.epochs}/${s.totalEpochs} epochs (${s.seconds.toFixed(1)} s)`
    : `training failed after ${s.epochs} epochs: ${s.error ?? "unknown error"}`;
  const lines = [head];
  if (s.last !== undefined) {
    lines.push(`  train       loss ${num(s.last.loss)}  accuracy ${pct(s.last.accuracy)}`);
    if (s.last.valLoss !== undefined) lines.push(`  validation  loss ${num(s.last.valLoss)}  accuracy ${pct(s.last.valAccuracy)}`);
  }
  if (s.savedTo !== undefined) lines.push(`  model saved to ${s.savedTo}`);
  return lines.join("\n") + "\n";
}
