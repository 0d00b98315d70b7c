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
  const color = (i: number): string => regionColor(field.classes[i], field.confidence[i]);
  const out: MapCell[][] = [];
  for (let r = 0; r < field.rows; r += 2) {
    const row: MapCell[] = [];
    for (let c = 0; c < field.cols; c++) {
      const top = r * field.cols + c;
      const bottom = r + 1 < field.rows ? top + field.cols : top;
      const topPoint = pointAt[top];
      const bottomPoint = pointAt[bottom];
      if (topPoint >= 0 || (bottom !== top && bottomPoint >= 0)) {
        // A data point takes the whole cell: drawn over the region colour of the pixel it is in.
        const cls = topPoint >= 0 ? topPoint : bottomPoint;
        row.push({ text: topPoint >= 0 ? "▀" : "▄", color: pointColor(cls), backgroundColor: color(topPoint >= 0 ? bottom : top) });
        continue;
      }
      row.push({ text: "▀", color: color(top), backgroundColor: color(bottom) });
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
