import type { DecisionField } from "@nn/studio";
import { pointColor, regionColor } from "./palette.js";

/** The model's prediction over a pixel grid (two pixels per terminal row), built in the training worker. */
export type { DecisionField } from "@nn/studio";

export interface MapCell {
  readonly text: string;
  readonly color: string;
  readonly backgroundColor: string;
}

/** Terminal rows of the map: each cell is a `▀` whose foreground is the top pixel, background the bottom. */
export function renderDecisionMap(field: DecisionField): MapCell[][] {
  const pointAt = new Int16Array(field.cols * field.rows).fill(-1);
  for (const p of field.points) {
    if (p.col >= 0 && p.col < field.cols && p.row >= 0 && p.row < field.rows) pointAt[p.row * field.cols + p.col] = p.cls;
  }
  return halfBlockRows(
    field.cols, field.rows,
    (i) => regionColor(field.classes[i], field.confidence[i]),
    (i) => (pointAt[i] >= 0 ? pointColor(pointAt[i]) : undefined),
  );
}

/**
 * A pixel grid as terminal rows, two pixels a cell: `▀` in the top pixel's colour on the bottom
 * one's. A pixel holding a data point (`point` gives its colour) takes its half of the cell drawn
 * over the other pixel's colour, so a point is never lost to the picture under it.
 */
export function halfBlockRows(
  cols: number, rows: number, color: (i: number) => string, point: (i: number) => string | undefined,
): MapCell[][] {
  const out: MapCell[][] = [];
  for (let r = 0; r < rows; r += 2) {
    const row: MapCell[] = [];
    for (let c = 0; c < cols; c++) {
      const top = r * cols + c;
      const bottom = r + 1 < rows ? top + cols : top;
      const topPoint = point(top);
      const bottomPoint = bottom !== top ? point(bottom) : undefined;
      if (topPoint !== undefined) row.push({ text: "▀", color: topPoint, backgroundColor: color(bottom) });
      else if (bottomPoint !== undefined) row.push({ text: "▄", color: bottomPoint, backgroundColor: color(top) });
      else row.push({ text: "▀", color: color(top), backgroundColor: color(bottom) });
    }
    out.push(row);
  }
  return out;
}

/** Runs of equal colours merged, so a row becomes a few <Text> elements instead of one per cell. */
export function mergeRuns(row: readonly MapCell[]): MapCell[] {
  const merged: MapCell[] = [];
  for (const cell of row) {
    const last = merged[merged.length - 1];
    if (last && last.color === cell.color && last.backgroundColor === cell.backgroundColor) {
      merged[merged.length - 1] = { ...last, text: last.text + cell.text };
    } else {
      merged.push(cell);
    }
  }
  return merged;
}
