import { Box, Text } from "ink";
import { ChartView } from "./ChartView.js";
import { renderLineChart, type ChartSeries } from "./line-chart.js";
import { TRAIN_COLOR, VALIDATION_COLOR } from "./palette.js";
import type { EpochPoint } from "../state/trainer-state.js";
import { formatMetric } from "../report/format-number.js";

export interface LossChartProps {
  readonly points: readonly EpochPoint[];
  readonly width: number;
  /** Rows of the chart itself, axes included (the title adds one). */
  readonly height: number;
  readonly logScale: boolean;
  /** What the loss is called: `loss`, or `MSE` for a regression run. */
  readonly title?: string;
}

/** Training and validation loss per epoch (a regression run's mean squared error), linear or log scale. */
export function LossChart({ points, width, height, logScale, title = "loss" }: LossChartProps) {
  const series: ChartSeries[] = [
    { label: "train", color: TRAIN_COLOR, points: points.map((p) => ({ x: p.epoch, y: p.loss })) },
    {
      label: "validation",
      color: VALIDATION_COLOR,
      points: points.filter((p) => p.valLoss !== undefined).map((p) => ({ x: p.epoch, y: p.valLoss! })),
    },
  ];
  const last = points[points.length - 1];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>{title}</Text>
        <Text dimColor>{logScale ? " (log scale)" : " (linear)"}</Text>
        {"  "}
        <Text color={TRAIN_COLOR}>━ train {last ? formatMetric(last.loss) : ""}</Text>
        {"  "}
        <Text color={VALIDATION_COLOR}>━ validation {last?.valLoss !== undefined ? formatMetric(last.valLoss) : ""}</Text>
      </Text>
      <ChartView rows={renderLineChart(series, { width, height, logScale })} />
    </Box>
  );
}
