import type { Frame } from "../protocol.js";
import { classColour, css } from "./palette.js";

export interface DecisionOptions {
  readonly showTest: boolean;
  readonly discretize: boolean;
}

/**
 * The decision boundary: each grid pixel in its predicted class's colour, paler where the model is
 * unsure (or flat with "discretize output"), with the data drawn over it: training points ringed
 * in white, held-out points ringed in black (shown with "show test data").
 */
export function drawDecision(canvas: HTMLCanvasElement, decision: NonNullable<Frame["decision"]>, options: DecisionOptions): void {
  const { cols, rows, classes, confidence, placed } = decision;
  const ctx = canvas.getContext("2d");
  if (ctx === null) return;
  const image = ctx.createImageData(cols, rows);
  const px = image.data;
  for (let i = 0; i < cols * rows; i++) {
    const c = classColour(classes[i]);
    // Never full strength, so the points stay visible on it.
    const a = options.discretize ? 0.55 : 0.75 * confidence[i];
    px[4 * i] = 255 + (c[0] - 255) * a;
    px[4 * i + 1] = 255 + (c[1] - 255) * a;
    px[4 * i + 2] = 255 + (c[2] - 255) * a;
    px[4 * i + 3] = 255;
  }
  const w = canvas.width, hgt = canvas.height;
  // Pixels of the field scaled up to the canvas through an offscreen canvas (putImageData does not scale).
  const field = new OffscreenCanvas(cols, rows);
  field.getContext("2d")?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = !options.discretize;
  ctx.drawImage(field, 0, 0, w, hgt);
  const sx = w / cols, sy = hgt / rows;
  const radius = Math.max(2.5, Math.min(4, w / 90));
  for (const p of placed) {
    if (p.test && !options.showTest) continue;
    ctx.beginPath();
    ctx.arc((p.col + 0.5) * sx, (p.row + 0.5) * sy, radius, 0, 2 * Math.PI);
    ctx.fillStyle = css(classColour(p.cls));
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = p.test ? "#000" : "#fff";
    ctx.stroke();
  }
}
