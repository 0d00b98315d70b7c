import { Box, Text } from "ink";
import { paint } from "./ansi.js";
import { mergeRuns, renderDecisionMap, type DecisionField } from "./decision-map.js";
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
        : cells.map((row, r) => (
            <Text key={r} wrap="truncate">
              {mergeRuns(row).map((cell) => paint(cell.text, cell.color, cell.backgroundColor)).join("")}
            </Text>
          ))}
      {regression ? (
        <Text wrap="truncate">
          {values === undefined ? " ".repeat(cols) : mergeRuns(valueLegend(values.scale, cols)).map((c) => paint(c.text, c.color)).join("")}
        </Text>
      ) : null}
    </Box>
  );
}
