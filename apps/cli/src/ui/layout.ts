/** Where each panel goes for a terminal of a given size. Pure, so resizing is testable. */
export interface ScreenLayout {
  /** Too small for charts: header, progress and notice only. */
  readonly compact: boolean;
  readonly leftWidth: number;
  readonly rightWidth: number;
  readonly lossHeight: number;
  readonly accuracyHeight: number;
  /** Terminal rows and columns of the decision map (0 when the data is not 2-D or there is no room). */
  readonly mapRows: number;
  readonly mapCols: number;
  readonly barsRows: number;
}

export const HEADER_ROWS = 2;
export const FOOTER_ROWS = 2;
export const MIN_COLUMNS = 50;
export const MIN_ROWS = 16;

export function computeLayout(columns: number, rows: number, opts: { twoD: boolean; layers: number }): ScreenLayout {
  // One row spare: Ink clears the whole screen when its output is as tall as the terminal.
  const body = rows - HEADER_ROWS - FOOTER_ROWS - 1;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return { compact: true, leftWidth: columns, rightWidth: 0, lossHeight: 0, accuracyHeight: 0, mapRows: 0, mapCols: 0, barsRows: 0 };
  }
  const barsRows = Math.min(opts.layers, 8) + 1;
  let mapRows = 0;
  let mapCols = 0;
  let rightWidth = Math.min(36, Math.floor(columns * 0.4));
  if (opts.twoD && columns >= 70) {
    // Half-block pixels are about square: a map of r terminal rows is 2r columns wide.
    const maxMapRows = body - barsRows - 1;
    const maxMapCols = Math.floor(columns * 0.45);
    mapRows = Math.max(0, Math.min(maxMapRows, Math.floor(maxMapCols / 2)));
    mapCols = mapRows * 2;
    if (mapRows < 4) {
      mapRows = 0;
      mapCols = 0;
    } else {
      rightWidth = Math.max(rightWidth, mapCols);
    }
  }
  const leftWidth = columns - rightWidth - 1;
  const lossHeight = Math.max(4, Math.floor(body * 0.58)) - 1;
  const accuracyHeight = body - lossHeight - 2;
  return { compact: false, leftWidth, rightWidth, lossHeight, accuracyHeight, mapRows, mapCols, barsRows };
}
