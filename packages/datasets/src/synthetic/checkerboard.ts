import { checkOptions, optionKeys } from "@nn/tensor";
import type { Dataset } from "../dataset.js";
import { checkInteger } from "../option-checks.js";
import { GENERATOR_OPTIONS, type GeneratorOptions, type ResolvedOptions, finishDataset, groupSizes, resolveOptions } from "./generator-options.js";

export interface CheckerboardOptions extends GeneratorOptions {
  /** Cells per side of the board (default 4). */
  cells?: number;
}

/**
 * A checkerboard on the square [-1, 1]²: `cells` × `cells` cells of width w = 2 / cells; the
 * cell in column a and row b (both from 0 at -1) has class (a + b) mod 2. Class 0 gets n // 2
 * points, class 1 the rest; each class spreads its points over its cells in turn (sizes as
 * make_blobs splits them), uniformly inside each cell. Shuffled, then noise added; labels
 * belong to the noise-free position.
 */
const CHECKERBOARD_OPTIONS = optionKeys<CheckerboardOptions>()("n", "noise", "seed", "shuffle", "dtype", "cells");

export function makeCheckerboard(options: CheckerboardOptions = {}): Dataset {
  checkOptions("makeCheckerboard", options, CHECKERBOARD_OPTIONS);
  const opts = resolveOptions("makeCheckerboard", options);
  const cells = checkInteger("makeCheckerboard", "cells", options.cells ?? 4, 2);
  return boardDataset(cells, opts);
}

/**
 * The XOR problem: points uniform in the four quadrants of [-1, 1]², class 0 where x and y
 * have the same sign (x·y > 0), class 1 where they differ. It is the 2 × 2 checkerboard:
 * class 0 gets n // 2 points split evenly over quadrants III and I, class 1 the rest over IV
 * and II. Points never lie on an axis, so every label is unambiguous.
 */
export function makeXor(options: GeneratorOptions = {}): Dataset {
  checkOptions("makeXor", options, GENERATOR_OPTIONS);
  return boardDataset(2, resolveOptions("makeXor", options));
}

function boardDataset(cells: number, opts: ResolvedOptions): Dataset {
  const { n, rng } = opts;
  const width = 2 / cells;
  const points = new Float64Array(n * 2);
  const labels = new Uint8Array(n);
  const classSizes = [Math.floor(n / 2), n - Math.floor(n / 2)];
  let row = 0;
  for (let c = 0; c < 2; c++) {
    const ownCells: Array<[number, number]> = [];
    for (let b = 0; b < cells; b++) for (let a = 0; a < cells; a++) if ((a + b) % 2 === c) ownCells.push([a, b]);
    groupSizes(classSizes[c], ownCells.length).forEach((size, k) => {
      const [a, b] = ownCells[k];
      for (let i = 0; i < size; i++, row++) {
        // (u + 0.5) / 2^32 lies strictly inside (0, 1), so no point sits on a cell edge.
        points[2 * row] = -1 + (a + (rng.nextUint32() + 0.5) / 4294967296) * width;
        points[2 * row + 1] = -1 + (b + (rng.nextUint32() + 0.5) / 4294967296) * width;
        labels[row] = c;
      }
    });
  }
  return finishDataset(points, labels, 2, 2, opts);
}
