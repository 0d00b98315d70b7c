import type { TypedArray } from "../dtype.js";

/** Tile edge: a 32×32 tile of float64 is 8 KiB, so source and destination tiles fit in L1 together. */
const TILE = 32;

/** out[j, i] = a[i, j] for a stored [rows, cols], tile by tile so reads and writes both stay in cache. */
export function transposeJs(a: TypedArray, out: TypedArray, rows: number, cols: number): void {
  for (let i0 = 0; i0 < rows; i0 += TILE) {
    const i1 = Math.min(i0 + TILE, rows);
    for (let j0 = 0; j0 < cols; j0 += TILE) {
      const j1 = Math.min(j0 + TILE, cols);
      for (let i = i0; i < i1; i++) {
        const row = i * cols;
        for (let j = j0; j < j1; j++) out[j * rows + i] = a[row + j];
      }
    }
  }
}
