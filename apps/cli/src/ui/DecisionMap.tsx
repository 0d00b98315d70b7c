import { Box, Text } from "ink";
import { paint } from "./ansi.js";
import { mergeRuns, renderDecisionMap, type DecisionField } from "./decision-map.js";

export interface DecisionMapProps {
  readonly field: DecisionField | undefined;
  readonly rows: number;
  readonly cols: number;
}

/** The decision regions in colour with the data points over them (2-D data sets only). */
export function DecisionMap({ field, rows, cols }: DecisionMapProps) {
  return (
    <Box flexDirection="column" width={cols}>
      <Text bold wrap="truncate">
        decision boundary
      </Text>
      {field === undefined
        ? Array.from({ length: rows }, (_, r) => <Text key={r}>{" ".repeat(cols)}</Text>)
        : renderDecisionMap(field).map((row, r) => (
            <Text key={r} wrap="truncate">
              {mergeRuns(row).map((cell) => paint(cell.text, cell.color, cell.backgroundColor)).join("")}
            </Text>
          ))}
    </Box>
  );
}
