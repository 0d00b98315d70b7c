import { Box, Text } from "ink";
import { paint } from "./ansi.js";

export interface ConfusionMatrixProps {
  readonly confusion: { readonly classes: readonly string[]; readonly counts: Uint32Array } | undefined;
  readonly width: number;
  readonly rows: number;
}

/**
 * Rows are the actual class, columns the predicted one, on the held-out split: the diagonal is
 * what the model gets right. A cell is brighter the larger its share of its row.
 */
export function ConfusionMatrix({ confusion, width, rows }: ConfusionMatrixProps) {
  if (confusion === undefined) return null;
  const { classes, counts } = confusion;
  const k = classes.length;
  const cell = Math.max(3, Math.min(6, Math.floor((width - 8) / k)));
  const label = (s: string, w: number): string => (s.length > w ? s.slice(0, w) : s.padStart(w));
  const shown = Math.min(k, Math.max(0, rows - 2));
  let correct = 0;
  let total = 0;
  for (let a = 0; a < k; a++) for (let p = 0; p < k; p++) {
    total += counts[a * k + p];
    if (a === p) correct += counts[a * k + p];
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate">
        confusion <Text dimColor>{`(held out: ${correct}/${total} right; rows actual, columns predicted)`}</Text>
      </Text>
      <Text dimColor wrap="truncate">{" ".repeat(7) + classes.map((c) => label(c, cell - 1) + " ").join("")}</Text>
      {Array.from({ length: shown }, (_, a) => {
        let rowTotal = 0;
        for (let p = 0; p < k; p++) rowTotal += counts[a * k + p];
        const cells = classes.map((_, p) => {
          const n = counts[a * k + p];
          const share = rowTotal > 0 ? n / rowTotal : 0;
          const text = label(n === 0 ? "·" : String(n), cell - 1) + " ";
          if (n === 0) return text;
          return paint(text, a === p ? (share > 0.5 ? "green" : "yellow") : share > 0.2 ? "red" : "gray");
        });
        return (
          <Text key={a} wrap="truncate">
            {label(classes[a], 6) + " " + cells.join("")}
          </Text>
        );
      })}
    </Box>
  );
}
