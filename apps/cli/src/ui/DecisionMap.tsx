import { Box, Text } from "ink";
import { paint } from "./ansi.js";
import { mergeRuns, renderDecisionMap, type DecisionField, type MapCell } from "./decision-map.js";
import { PaintedLine } from "./PaintedLine.js";
import { renderValueMap, valueLegend, type ValueField } from "./value-map.js";

export interface DecisionMapProps {
  readonly field: DecisionField | undefined;
  /** A regression run's output map: drawn instead of `field`, with a colour legend under it. */
  readonly values?: ValueField | undefined;
  /** True for a regression run (its map rows include the legend row). */
  readonly regression?: boolean;
  /** Terminal rows of the map (a regression run's legend takes the last of them). */
  readonly rows: number;
  readonly cols: number;
}

/**
 * The decision regions in colour with the data points over them (2-D data sets only); for a
 * regression run, the model's output on a diverging scale with the targets over it and a legend.
 */
export function DecisionMap({ field, values, regression = false, rows, cols }: DecisionMapProps) {
  const mapRows = regression ? rows - 1 : rows;
  const cells = regression ? (values === undefined ? undefined : renderValueMap(values)) : field === undefined ? undefined : renderDecisionMap(field);
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold wrap="truncate">
        {regression ? "output (regression), points: targets" : "decision boundary"}
      </Text>
      {cells === undefined
        ? Array.from({ length: mapRows }, (_, r) => <Text key={r}>{" ".repeat(cols)}</Text>)
        : cells.map((row, r) => <PaintedLine key={r} text={paintRow(row, true)} width={widthOf(row)} />)}
      {regression ? (
        values === undefined ? <Text>{" ".repeat(cols)}</Text> : <PaintedLine text={paintRow(valueLegend(values.scale, cols), false)} width={widthOf(valueLegend(values.scale, cols))} />
      ) : null}
    </Box>
  );
}

function paintRow(row: readonly MapCell[], background: boolean): string {
  return mergeRuns(row).map((cell) => paint(cell.text, cell.color, background ? cell.backgroundColor : undefined)).join("");
}

function widthOf(row: readonly MapCell[]): number {
  return row.reduce((n, cell) => n + [...cell.text].length, 0);
}
