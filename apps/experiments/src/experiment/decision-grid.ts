/** A trained 2-D classifier's p(class 1) over a square grid, for decision-boundary maps. */
import type { Dataset } from "@nn/datasets";
import type { Sequential } from "@nn/layers";
import { Tensor } from "@nn/tensor";
import { predict } from "@nn/train";
import type { MapPoint, ProbabilityGrid } from "../plot/decision-map.js";

/** The grid spans the data's bounding square plus a margin; rows run from the top (largest y) down. */
export function probabilityGrid(model: Sequential, data: Dataset, resolution: number): ProbabilityGrid {
  const x = data.x.data;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < x.length; i++) { lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
  const margin = 0.1 * (hi - lo);
  const x0 = lo - margin, x1 = hi + margin, y0 = x0, y1 = x1;
  const cells = new Float32Array(resolution * resolution * 2);
  const step = (x1 - x0) / resolution;
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const k = r * resolution + c;
      cells[2 * k] = x0 + (c + 0.5) * step;
      cells[2 * k + 1] = y1 - (r + 0.5) * step;
    }
  }
  const out = predict(model, new Tensor(cells, [resolution * resolution, 2]));
  return { x0, x1, y0, y1, resolution, p: Array.from(out.data) };
}

export function mapPoints(data: Dataset): MapPoint[] {
  const x = data.x.data, y = data.y.data;
  return Array.from({ length: data.x.shape[0] }, (_, i) => ({ x: x[2 * i], y: x[2 * i + 1], label: Math.round(y[i]) }));
}
