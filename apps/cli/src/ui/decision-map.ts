import { pointColor, regionColor } from "./palette.js";

/**
 * The model's prediction over a grid of pixels covering the data (two pixels per terminal row), and
 * the data points placed on that grid. Built by the session each refresh; drawn by <DecisionMap>.
 */
export interface DecisionField {
  readonly cols: number;
  /** Pixel rows: twice the terminal rows of the map. */
  readonly rows: number;
  /** Predicted class per pixel, row-major, top row first. */
  readonly classes: Uint8Array;
  /** How sure the model is per pixel, in [0, 1] (0 on the boundary). */
  readonly confidence: Float32Array;
  readonly points: readonly { readonly col: number; readonly row: number; readonly cls: number }[];
}

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
