import { Box, Text } from "ink";
import { ChartView } from "./ChartView.js";
import { renderLineChart, type ChartSeries } from "./line-chart.js";
import { TRAIN_COLOR, VALIDATION_COLOR } from "./palette.js";
import type { EpochPoint } from "../state/trainer-state.js";

export interface AccuracyChartProps {
  readonly points: readonly EpochPoint[];
  readonly width: number;
  readonly height: number;
}

const percent = (v: number | undefined): string => (v === undefined ? "" : `${(v * 100).toFixed(1)}%`);

/** Training and validation accuracy per epoch on a fixed 0–1 axis. */
export function AccuracyChart({ points, width, height }: AccuracyChartProps) {
  const series: ChartSeries[] = [
    { label: "train", color: TRAIN_COLOR, points: points.map((p) => ({ x: p.epoch, y: p.accuracy })) },
    {
      label: "validation",
      color: VALIDATION_COLOR,
      points: points.filter((p) => p.valAccuracy !== undefined).map((p) => ({ x: p.epoch, y: p.valAccuracy! })),
    },
  ];
  const last = points[points.length - 1];
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate">
        <Text bold>accuracy</Text>
        {"  "}
        <Text color={TRAIN_COLOR}>━ train {percent(last?.accuracy)}</Text>
        {"  "}
        <Text color={VALIDATION_COLOR}>━ validation {percent(last?.valAccuracy)}</Text>
      </Text>
      <ChartView rows={renderLineChart(series, { width, height, yRange: [0, 1] })} />
    </Box>
  );
}
