import { Box, Text } from "ink";
import type { ChartRow } from "./line-chart.js";

export interface ChartViewProps {
  readonly rows: readonly ChartRow[];
}

/** Draws the rows of a rendered chart. */
export function ChartView({ rows }: ChartViewProps) {
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((s, i) => (
            <Text key={i} {...(s.color !== undefined ? { color: s.color } : {})}>
              {s.text}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
