import { Box, Text } from "ink";
import { elementary } from "@nn/tensor";
import type { LayerNorm } from "../state/trainer-state.js";

export interface GradientBarsProps {
  readonly layers: readonly LayerNorm[];
  readonly width: number;
  /** Rows available including the title. */
  readonly rows: number;
}

/**
 * One bar per layer: the gradient's L2 norm, on a log scale spanning four decades below the largest,
 * so a vanishing gradient shows as a short bar rather than no bar.
 */
export function GradientBars({ layers, width, rows }: GradientBarsProps) {
  const shown = layers.slice(0, Math.max(0, rows - 1));
  const nameWidth = Math.min(12, Math.max(5, ...shown.map((l) => l.name.length)));
  const valueWidth = 8;
  const barWidth = Math.max(4, width - nameWidth - valueWidth - 2);
  const max = Math.max(...shown.map((l) => l.gradNorm), 0);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        gradient norm per layer <Text dimColor>(log)</Text>
      </Text>
      {shown.length === 0 ? <Text dimColor>waiting…</Text> : null}
      {shown.map((layer) => {
        const filled = barLength(layer.gradNorm, max, barWidth);
        return (
          <Text key={layer.name} wrap="truncate">
            {layer.name.slice(-nameWidth).padEnd(nameWidth)}{" "}
            <Text color={filled === 0 ? "red" : "green"}>{"█".repeat(filled)}</Text>
            <Text dimColor>{"·".repeat(barWidth - filled)}</Text> {formatNorm(layer.gradNorm).padStart(valueWidth - 1)}
          </Text>
        );
      })}
    </Box>
  );
}

/** Bar cells for `norm`: full at `max`, empty at max·1e-4 or below. */
export function barLength(norm: number, max: number, width: number): number {
  if (!(norm > 0) || !(max > 0)) return 0;
  const decades = 4;
  const t = 1 + elementary.log10(norm / max) / decades;
  return Math.max(0, Math.min(width, Math.round(t * width)));
}

export function formatNorm(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  return v >= 1e3 || v < 1e-2 ? v.toExponential(1) : v.toPrecision(3);
}
