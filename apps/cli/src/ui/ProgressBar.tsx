import { Text } from "ink";
import type { RunStatus } from "../state/trainer-state.js";

export interface ProgressBarProps {
  readonly epoch: number;
  /** Where training stops by itself; Infinity once it goes on past the epoch count. */
  readonly totalEpochs: number;
  /** The epoch count of the setting (shown when training has gone past it). */
  readonly settingEpochs?: number;
  readonly samplesPerSecond: number;
  /** Milliseconds left, undefined before the first epoch. */
  readonly etaMs: number | undefined;
  readonly status: RunStatus;
  readonly width: number;
}

export const STATUS_COLORS: Record<RunStatus, string> = {
  running: "green", paused: "yellow", done: "cyan", failed: "red", quitting: "gray",
};

/** `▕████░░░░▏ epoch 812/2000  40.6%  52.1k samples/s  ETA 0:14  RUNNING` */
export function ProgressBar({ epoch, totalEpochs, settingEpochs, samplesPerSecond, etaMs, status, width }: ProgressBarProps) {
  const endless = !Number.isFinite(totalEpochs);
  const fraction = endless ? 1 : totalEpochs > 0 ? Math.min(1, epoch / totalEpochs) : 0;
  const info = endless
    ? ` epoch ${epoch} (past ${settingEpochs ?? "the epoch count"})  ${formatRate(samplesPerSecond)} samples/s  `
    : ` epoch ${epoch}/${totalEpochs}  ${(fraction * 100).toFixed(1)}%  ${formatRate(samplesPerSecond)} samples/s` +
      `  ETA ${etaMs === undefined ? "--:--" : formatDuration(etaMs)}  `;
  const label = status.toUpperCase();
  const barWidth = Math.max(5, width - info.length - label.length - 2);
  const filled = Math.round(fraction * barWidth);
  return (
    <Text wrap="truncate">
      ▕<Text color="green">{"█".repeat(filled)}</Text>
      <Text dimColor>{"░".repeat(barWidth - filled)}</Text>▏{info}
      <Text color={STATUS_COLORS[status]} bold>
        {label}
      </Text>
    </Text>
  );
}

export function formatRate(v: number): string {
  if (!Number.isFinite(v) || v <= 0) return "0";
  if (v >= 1e6) return `${(v / 1e6).toFixed(1)}M`;
  if (v >= 1e3) return `${(v / 1e3).toFixed(1)}k`;
  return v.toFixed(0);
}

/** m:ss, or h:mm:ss from an hour up. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}
