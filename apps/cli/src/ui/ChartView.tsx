import { Box } from "ink";
import { paint } from "./ansi.js";
import { PaintedLine } from "./PaintedLine.js";
import type { ChartRow } from "./line-chart.js";

export interface ChartViewProps {
  readonly rows: readonly ChartRow[];
}

/** Draws the rows of a rendered chart, one painted line per row (colours inline). */
export function ChartView({ rows }: ChartViewProps) {
  return (
    <Box flexDirection="column">
      {rows.map((row, r) => (
        <PaintedLine key={r} text={row.map((s) => paint(s.text, s.color)).join("")} width={row.reduce((n, s) => n + [...s.text].length, 0)} />
      ))}
    </Box>
  );
}
