import type { NeuronMaps } from "@nn/studio";
import { css, divergingInto, NEGATIVE, POSITIVE } from "./palette.js";

/** Where a column's tiles sit: column l's centre is at (l + ½)·width/columns, so DOM headers line up. */
export function columnCentre(width: number, columns: number, l: number): number {
  return ((l + 0.5) * width) / columns;
}

/** Where each neuron's tile sits on a w × h canvas: its side and its centre. */
function networkLayout(maps: Pick<NeuronMaps, "layers">, w: number, hgt: number): { tile: number; spot: (l: number, u: number) => { x: number; y: number } } {
  const columns = maps.layers.length;
  const most = Math.max(...maps.layers.map((l) => l.units));
  const gap = most > 16 ? 1 : 4;
  const tile = Math.max(3, Math.min(44, (hgt - 16 - gap * (most - 1)) / most, w / columns - 28));
  const spot = (l: number, u: number): { x: number; y: number } => {
    const units = maps.layers[l].units;
    const top = (hgt - (units * tile + (units - 1) * gap)) / 2;
    return { x: columnCentre(w, columns, l), y: top + u * (tile + gap) + tile / 2 };
  };
  return { tile, spot };
}

/** The neuron whose tile holds canvas point (x, y), if any. */
export function neuronAt(maps: Pick<NeuronMaps, "layers">, w: number, hgt: number, x: number, y: number): { layer: number; unit: number } | undefined {
  const { tile, spot } = networkLayout(maps, w, hgt);
  for (let l = 0; l < maps.layers.length; l++) {
    for (let u = 0; u < maps.layers[l].units; u++) {
      const c = spot(l, u);
      if (Math.abs(x - c.x) <= tile / 2 && Math.abs(y - c.y) <= tile / 2) return { layer: l, unit: u };
    }
  }
  return undefined;
}

/**
 * The network as the Playground draws it: a small map of every neuron's output over the input
 * plane, column by column (inputs, hidden layers, output), and every weight as a line between
 * two neurons, thicker the larger it is, blue when positive and orange when negative.
 */
export function drawNetwork(canvas: HTMLCanvasElement, maps: NeuronMaps, inputNames: readonly string[], binaryOutput: boolean): void {
  const ctx = canvas.getContext("2d");
  if (ctx === null) return;
  const w = canvas.width, hgt = canvas.height;
  ctx.clearRect(0, 0, w, hgt);
  const columns = maps.layers.length;
  const { tile, spot } = networkLayout(maps, w, hgt);
  // Weights first, under the tiles.
  maps.weights.forEach((weights, l) => {
    const from = maps.layers[l].units, to = maps.layers[l + 1].units;
    let largest = 0;
    for (const v of weights) largest = Math.max(largest, Math.abs(v));
    if (largest === 0) return;
    // Many lines: thinner and fainter, so the picture stays readable at 64 inputs.
    const thickest = Math.max(0.6, Math.min(4, 48 / Math.max(from, to)));
    const opacity = Math.max(0.25, Math.min(0.85, 24 / Math.max(from, to)));
    for (let i = 0; i < from; i++) {
      for (let j = 0; j < to; j++) {
        const v = weights[i * to + j];
        const a = spot(l, i), b = spot(l + 1, j);
        ctx.strokeStyle = css(v >= 0 ? POSITIVE : NEGATIVE, 0.15 + opacity * (Math.abs(v) / largest));
        ctx.lineWidth = Math.max(0.3, thickest * (Math.abs(v) / largest));
        ctx.beginPath();
        ctx.moveTo(a.x + tile / 2, a.y);
        const mid = (a.x + b.x) / 2;
        ctx.bezierCurveTo(mid, a.y, mid, b.y, b.x - tile / 2, b.y);
        ctx.stroke();
      }
    }
  });
  const n = maps.cols * maps.rows;
  if (n === 0) {
    drawPlainNeurons(ctx, maps, tile, spot);
    return;
  }
  const buffer = new OffscreenCanvas(maps.cols, maps.rows);
  const bctx = buffer.getContext("2d");
  if (bctx === null) return;
  const image = bctx.createImageData(maps.cols, maps.rows);
  ctx.imageSmoothingEnabled = true;
  ctx.font = "10px system-ui, sans-serif";
  maps.layers.forEach((layer, l) => {
    const last = l === columns - 1;
    for (let u = 0; u < layer.units; u++) {
      const values = layer.values.subarray(u * n, (u + 1) * n);
      // Each neuron on its own symmetric scale (a sigmoid output as 2p − 1), so every map shows its shape.
      let scale = 0;
      if (last && binaryOutput) scale = 1;
      else for (const v of values) scale = Math.max(scale, Math.abs(v));
      for (let i = 0; i < n; i++) {
        const v = last && binaryOutput ? 2 * values[i] - 1 : scale === 0 ? 0 : values[i] / scale;
        divergingInto(v, image.data, 4 * i);
      }
      bctx.putImageData(image, 0, 0);
      const { x, y } = spot(l, u);
      ctx.drawImage(buffer, x - tile / 2, y - tile / 2, tile, tile);
      ctx.strokeStyle = "#888";
      ctx.lineWidth = 0.5;
      ctx.strokeRect(x - tile / 2, y - tile / 2, tile, tile);
      if (l === 0 && inputNames[u] !== undefined && tile >= 10) {
        ctx.fillStyle = "#333";
        const label = inputNames[u];
        ctx.fillText(label, Math.max(1, x - tile / 2 - ctx.measureText(label).width - 3), y + 4);
      }
    }
  });
}

/** Neurons as grey squares (no maps: the data is not 2-D). */
function drawPlainNeurons(ctx: CanvasRenderingContext2D, maps: NeuronMaps, tile: number, spot: (l: number, u: number) => { x: number; y: number }): void {
  ctx.fillStyle = "#eef0f3";
  ctx.strokeStyle = "#888";
  ctx.lineWidth = 0.5;
  maps.layers.forEach((layer, l) => {
    for (let u = 0; u < layer.units; u++) {
      const { x, y } = spot(l, u);
      ctx.fillRect(x - tile / 2, y - tile / 2, tile, tile);
      ctx.strokeRect(x - tile / 2, y - tile / 2, tile, tile);
    }
  });
}
