import type { Dataset } from "@nn/datasets";
import { Tensor } from "@nn/tensor";
import type { DecisionField } from "../ui/decision-map.js";

/** The region of the input plane the map shows. */
export interface Bounds {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The data's bounding box with a 5% margin, so no point sits on the map's edge. */
export function dataBounds(x: Tensor): Bounds {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const d = x.data;
  for (let i = 0; i < d.length; i += 2) {
    x0 = Math.min(x0, d[i]); x1 = Math.max(x1, d[i]);
    y0 = Math.min(y0, d[i + 1]); y1 = Math.max(y1, d[i + 1]);
  }
  const px = (x1 - x0 || 1) * 0.05;
  const py = (y1 - y0 || 1) * 0.05;
  return { x0: x0 - px, x1: x1 + px, y0: y0 - py, y1: y1 + py };
}

/** The centre of every pixel of a cols × rows grid (top row first), as raw inputs [cols·rows, 2]. */
export function gridInputs(b: Bounds, cols: number, rows: number): Tensor {
  const grid = new Float32Array(cols * rows * 2);
  for (let r = 0; r < rows; r++) {
    const y = b.y1 - ((r + 0.5) / rows) * (b.y1 - b.y0);
    for (let c = 0; c < cols; c++) {
      const i = (r * cols + c) * 2;
      grid[i] = b.x0 + ((c + 0.5) / cols) * (b.x1 - b.x0);
      grid[i + 1] = y;
    }
  }
  return new Tensor(grid, [cols * rows, 2]);
}

/** The pixel each data point falls in, with its class. */
export function placePoints(ds: Dataset, b: Bounds, cols: number, rows: number): DecisionField["points"] {
  const x = ds.x.data;
  const y = ds.y.data;
  const points: { col: number; row: number; cls: number }[] = [];
  for (let i = 0; i < y.length; i++) {
    const col = Math.floor(((x[2 * i] - b.x0) / (b.x1 - b.x0)) * cols);
    const row = Math.floor(((b.y1 - x[2 * i + 1]) / (b.y1 - b.y0)) * rows);
    points.push({ col, row, cls: y[i] });
  }
  return points;
}

/**
 * Class and confidence per pixel from the model's outputs: a sigmoid probability p (class 1 when
 * p ≥ 0.5, confidence |2p − 1|) or k logits (argmax; confidence rescales the top softmax
 * probability from its floor 1/k to 1).
 */
export function fieldFromOutputs(out: Tensor, cols: number, rows: number, points: DecisionField["points"]): DecisionField {
  const n = cols * rows;
  const classes = new Uint8Array(n);
  const confidence = new Float32Array(n);
  const k = out.size / n;
  const d = out.data;
  for (let i = 0; i < n; i++) {
    if (k === 1) {
      classes[i] = d[i] >= 0.5 ? 1 : 0;
      confidence[i] = Math.abs(2 * d[i] - 1);
      continue;
    }
    let best = 0;
    let max = -Infinity;
    for (let j = 0; j < k; j++) {
      if (d[i * k + j] > max) {
        max = d[i * k + j];
        best = j;
      }
    }
    let z = 0;
    for (let j = 0; j < k; j++) z += Math.exp(d[i * k + j] - max);
    classes[i] = best;
    confidence[i] = (1 / z - 1 / k) / (1 - 1 / k);
  }
  return { cols, rows, classes, confidence, points };
}
