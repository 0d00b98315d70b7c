import { Box, Text } from "ink";
import { paint } from "./ansi.js";
import type { ChartRow } from "./line-chart.js";

export interface ChartViewProps {
  readonly rows: readonly ChartRow[];
}

/** Draws the rows of a rendered chart, one <Text> per row (colours inline). */
export function ChartView({ rows }: ChartViewProps) {
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((s) => paint(s.text, s.color)).join("")}
        </Text>
      ))}
    </Box>
  );
}
