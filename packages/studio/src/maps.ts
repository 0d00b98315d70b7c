import type { Dataset } from "@nn/datasets";
import type { Sequential } from "@nn/layers";
import { Tensor, argmax, softmax } from "@nn/tensor";
import { networkInputs, type BuiltRun } from "./build-run.js";
import type { Setting } from "./setting.js";

/** The region of the input plane a map shows. */
export interface Bounds {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * The model's prediction over a grid of pixels covering the data, and the data points placed on
 * that grid: what a decision-boundary picture draws.
 */
export interface DecisionField {
  readonly cols: number;
  readonly rows: number;
  /** Predicted class per pixel, row-major, top row first. */
  readonly classes: Uint8Array;
  /** How sure the model is per pixel, in [0, 1] (0 on the boundary). */
  readonly confidence: Float32Array;
  readonly points: readonly { readonly col: number; readonly row: number; readonly cls: number }[];
}

/**
 * A regression model's output over a grid of pixels covering the data, and the data points placed
 * on it with their targets: the Playground's regression picture.
 */
export interface ValueField {
  readonly cols: number;
  readonly rows: number;
  /** The model's output per pixel, row-major, top row first. */
  readonly values: Float32Array;
  readonly points: readonly { readonly col: number; readonly row: number; readonly value: number }[];
  /**
   * Half-width of a colour scale centred on 0 that holds every target: the largest |target| rounded
   * up to a round number (`targetScale`). A front end draws value / scale clamped to [−1, 1] on a diverging scale, so
   * the data and the model's output share one legend.
   */
  readonly scale: number;
}

/** Every neuron's output over a small grid, layer by layer (the Playground's picture), and the weights between. */
export interface NeuronMaps {
  readonly cols: number;
  readonly rows: number;
  /** Inputs first, then each hidden layer after its activation, then the output. */
  readonly layers: readonly { readonly units: number; readonly values: Float32Array }[];
  /** weights[l]: the Dense matrix from layers[l] to layers[l + 1], row-major [in, out]. */
  readonly weights: readonly Float32Array[];
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

/** The pixel each data point falls in, with its class (its `y` entry). */
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

/** Round half-widths a colour scale takes, per power of ten. */
const ROUND_SCALES = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * The half-width of a diverging colour scale centred on 0 that holds every target: the largest
 * |target| rounded up to a round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten),
 * so a legend reads −1.2 … 1.2 rather than −1.189 … 1.189; 1 when every target is 0.
 */
export function targetScale(y: Dataset["y"]): number {
  let max = 0;
  for (const v of y.data) max = Math.max(max, Math.abs(v));
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  // The power of ten at or below max, by exact steps (no engine-dependent log10).
  let power = 1;
  while (power * 10 <= max) power *= 10;
  while (power > max) power /= 10;
  // A float32 target of 1.2 is 1.2000000477: within float32's rounding it still fits under 1.2
  // (a colour clamps at the scale's end anyway). Rounded to 12 digits so 1.2·0.01 prints as 0.012.
  const round = ROUND_SCALES.find((r) => r * power >= max * (1 - 1e-6)) ?? 10;
  return Number((round * power).toPrecision(12));
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
  if (k === 1) {
    for (let i = 0; i < n; i++) {
      classes[i] = d[i] >= 0.5 ? 1 : 0;
      confidence[i] = Math.abs(2 * d[i] - 1);
    }
    return { cols, rows, classes, confidence, points };
  }
  const logits = out.reshape([n, k]);
  const best = argmax(logits, 1).data;
  const p = softmax(logits.astype("float64")).data; // float64: the top probability unrounded
  for (let i = 0; i < n; i++) {
    classes[i] = best[i];
    confidence[i] = (p[i * k + best[i]] - 1 / k) / (1 - 1 / k);
  }
  return { cols, rows, classes, confidence, points };
}

/**
 * Draws a training run's model over the input plane without touching the model being trained: a
 * copy takes its weights each time, so the training model's buffers never change size between
 * a picture and the next batch. Grids are built once per size.
 */
export class MapPainter {
  private readonly bounds: Bounds;
  private copy: Sequential | undefined;
  private readonly grids = new Map<string, { input: Tensor; points: DecisionField["points"] }>();
  private readonly scale: number;

  constructor(private readonly run: BuiltRun, private readonly setting: Setting) {
    if (run.raw.x.shape[1] !== 2) throw new RangeError(`MapPainter: maps need 2-D data, got ${run.raw.x.shape[1]} features`);
    this.bounds = dataBounds(run.raw.x);
    this.scale = run.regression ? targetScale(run.raw.y) : 1;
  }

  private grid(cols: number, rows: number): { input: Tensor; points: DecisionField["points"] } {
    const key = `${cols}x${rows}`;
    let grid = this.grids.get(key);
    if (grid === undefined) {
      const raw = gridInputs(this.bounds, cols, rows);
      const inputs = networkInputs(this.setting, raw);
      grid = { input: this.run.scaler === undefined ? inputs : this.run.scaler.transform(inputs), points: placePoints(this.run.raw, this.bounds, cols, rows) };
      if (this.grids.size > 4) this.grids.clear();
      this.grids.set(key, grid);
    }
    return grid;
  }

  private model(): Sequential {
    const model = (this.copy ??= this.run.model.cast(this.run.model.dtype ?? "float32"));
    const from = this.run.model.parameters();
    model.parameters().forEach((p, i) => p.value.data.set(from[i].value.data));
    return model;
  }

  /** The decision boundary on a cols × rows pixel grid (a classification run; see `values` for regression). */
  decision(cols: number, rows: number): DecisionField {
    if (this.run.regression) throw new RangeError("MapPainter.decision: a regression run has no classes; draw values(cols, rows)");
    const grid = this.grid(cols, rows);
    return fieldFromOutputs(this.model().forward(grid.input, "eval"), cols, rows, grid.points);
  }

  /** A regression run's output on a cols × rows pixel grid, with the targets placed on it. */
  values(cols: number, rows: number): ValueField {
    if (!this.run.regression) throw new RangeError("MapPainter.values: a classification run draws decision(cols, rows)");
    const grid = this.grid(cols, rows);
    const out = this.model().forward(grid.input, "eval");
    // placePoints carries each point's y entry, here its target.
    const points = grid.points.map(({ col, row, cls }) => ({ col, row, value: cls }));
    return { cols, rows, values: Float32Array.from(out.data), points, scale: this.scale };
  }

  /** Every neuron's output on a cols × rows grid (inputs, hidden layers after their activation, output). */
  neurons(cols: number, rows: number): NeuronMaps {
    const grid = this.grid(cols, rows);
    const model = this.model();
    const n = cols * rows;
    const layers: { units: number; values: Float32Array }[] = [];
    const weights: Float32Array[] = [];
    const take = (h: Tensor): void => {
      const units = h.shape[1];
      const values = new Float32Array(units * n);
      // neuron-major: each neuron's map is one contiguous run of cols·rows values
      for (let i = 0; i < n; i++) for (let u = 0; u < units; u++) values[u * n + i] = h.data[i * units + u];
      layers.push({ units, values });
    };
    take(grid.input);
    let h = grid.input;
    const all = model.layers;
    for (let i = 0; i < all.length; i++) {
      const layer = all[i];
      h = layer.forward(h, "eval");
      const isDense = layer.parameters().some((p) => p.name === "weight");
      if (isDense) weights.push(Float32Array.from(layer.parameters().find((p) => p.name === "weight")!.value.data));
      // A neuron's picture is its output after the activation (and after dropout, identity in eval):
      // take h when the next layer is the next Dense or the end.
      const next = all[i + 1];
      const endOfBlock = next === undefined || next.parameters().some((p) => p.name === "weight");
      if (endOfBlock) take(h);
    }
    return { cols, rows, layers, weights };
  }
}
