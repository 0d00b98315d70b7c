import type { NeuronMaps } from "@nn/studio";
import type { Frame } from "../protocol.js";
import type { DecisionOptions } from "./decision-view.js";
import { divergingInto } from "./palette.js";

/** Bands "discretize output" rounds a regression output to, per half of the scale. */
const BANDS = 4;

/**
 * A regression run's picture: the model's output over the plane on the diverging scale (orange
 * negative, blue positive, white 0, full colour at ±scale), the data drawn over it in the colour
 * of its target, ringed white (training) or black (held out, with "show test data").
 */
export function drawValues(canvas: HTMLCanvasElement, field: NonNullable<Frame["values"]>, options: DecisionOptions): void {
  const { cols, rows, values, placed, scale } = field;
  const ctx = canvas.getContext("2d");
  if (ctx === null) return;
  const image = ctx.createImageData(cols, rows);
  for (let i = 0; i < cols * rows; i++) {
    const v = values[i] / scale;
    // Paler than the points, so they stay visible on it.
    divergingInto(0.8 * (options.discretize ? Math.round(v * BANDS) / BANDS : v), image.data, 4 * i);
  }
  const field2d = new OffscreenCanvas(cols, rows);
  field2d.getContext("2d")?.putImageData(image, 0, 0);
  const w = canvas.width, hgt = canvas.height;
  ctx.imageSmoothingEnabled = !options.discretize;
  ctx.drawImage(field2d, 0, 0, w, hgt);
  const sx = w / cols, sy = hgt / rows;
  const radius = Math.max(2.5, Math.min(4, w / 90));
  const colour = new Uint8ClampedArray(4);
  for (const p of placed) {
    if (p.test && !options.showTest) continue;
    divergingInto(p.value / scale, colour, 0);
    ctx.beginPath();
    ctx.arc((p.col + 0.5) * sx, (p.row + 0.5) * sy, radius, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${colour[0]}, ${colour[1]}, ${colour[2]})`;
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.test ? "#000" : "#fff";
    ctx.stroke();
  }
}

/**
 * One neuron's output over the plane, large, on its own symmetric scale (orange negative, blue
 * positive), with the training points' positions over it: the map under the pointer in the
 * network, as the TensorFlow Playground shows it.
 */
export function drawNeuron(canvas: HTMLCanvasElement, maps: NeuronMaps, layer: number, unit: number, points: readonly { col: number; row: number; test: boolean }[], grid: { cols: number; rows: number }): void {
  const ctx = canvas.getContext("2d");
  if (ctx === null) return;
  const n = maps.cols * maps.rows;
  const values = maps.layers[layer].values.subarray(unit * n, (unit + 1) * n);
  let scale = 0;
  for (const v of values) scale = Math.max(scale, Math.abs(v));
  const image = ctx.createImageData(maps.cols, maps.rows);
  for (let i = 0; i < n; i++) divergingInto(scale === 0 ? 0 : (0.8 * values[i]) / scale, image.data, 4 * i);
  const small = new OffscreenCanvas(maps.cols, maps.rows);
  small.getContext("2d")?.putImageData(image, 0, 0);
  const w = canvas.width, hgt = canvas.height;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, w, hgt);
  ctx.fillStyle = "rgba(40, 40, 40, 0.55)";
  for (const p of points) {
    if (p.test) continue;
    ctx.fillRect(((p.col + 0.5) * w) / grid.cols - 1, ((p.row + 0.5) * hgt) / grid.rows - 1, 2, 2);
  }
}
