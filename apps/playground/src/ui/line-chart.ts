import { elementary } from "@nn/tensor";
import { css, type Rgb } from "./palette.js";

export interface Series {
  readonly label: string;
  readonly colour: Rgb;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly dashed?: boolean;
}

export interface ChartOptions {
  /** A log₁₀ y axis (gradient norms span orders of magnitude). */
  readonly log?: boolean;
  /** Fixed y range (accuracy: 0 to 1); else the data's. */
  readonly yRange?: readonly [number, number];
}

const PAD = { left: 44, right: 8, top: 8, bottom: 18 };

/** Curves against the epoch, with a y axis of three ticks, an epoch range and a legend row. */
export function drawChart(canvas: HTMLCanvasElement, series: readonly Series[], options: ChartOptions = {}): void {
  const ctx = canvas.getContext("2d");
  if (ctx === null) return;
  const w = canvas.width, hgt = canvas.height;
  ctx.clearRect(0, 0, w, hgt);
  const ty = (v: number): number => (options.log === true ? elementary.log(v) / Math.LN10 : v);
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const s of series) {
    for (let i = 0; i < s.x.length; i++) {
      const y = ty(s.y[i]);
      if (!Number.isFinite(y)) continue;
      x0 = Math.min(x0, s.x[i]); x1 = Math.max(x1, s.x[i]);
      y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  if (options.yRange !== undefined) [y0, y1] = options.yRange;
  ctx.font = "10px system-ui, sans-serif";
  ctx.fillStyle = "#666";
  if (!(x1 >= x0 && y1 >= y0)) {
    ctx.fillText("no data yet: press Play", PAD.left, hgt / 2);
    return;
  }
  if (y1 === y0) { y0 -= 0.5; y1 += 0.5; }
  if (x1 === x0) x1 = x0 + 1;
  const px = (x: number): number => PAD.left + ((x - x0) / (x1 - x0)) * (w - PAD.left - PAD.right);
  const py = (y: number): number => PAD.top + (1 - (y - y0) / (y1 - y0)) * (hgt - PAD.top - PAD.bottom);
  ctx.strokeStyle = "#ddd";
  ctx.lineWidth = 1;
  for (const t of [y0, (y0 + y1) / 2, y1]) {
    ctx.beginPath(); ctx.moveTo(PAD.left, py(t)); ctx.lineTo(w - PAD.right, py(t)); ctx.stroke();
    const label = formatTick(options.log === true ? elementary.pow(10, t) : t);
    ctx.fillText(label, 2, py(t) + 3);
  }
  ctx.fillText(`epoch ${Math.round(x0)}`, PAD.left, hgt - 4);
  const end = `${Math.round(x1)}`;
  ctx.fillText(end, w - PAD.right - ctx.measureText(end).width, hgt - 4);
  let legendX = PAD.left + 70;
  for (const s of series) {
    ctx.strokeStyle = css(s.colour);
    ctx.lineWidth = 1.5;
    ctx.setLineDash(s.dashed === true ? [4, 3] : []);
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < s.x.length; i++) {
      const y = ty(s.y[i]);
      if (!Number.isFinite(y)) { pen = false; continue; }
      if (pen) ctx.lineTo(px(s.x[i]), py(y)); else ctx.moveTo(px(s.x[i]), py(y));
      pen = true;
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = css(s.colour);
    ctx.fillRect(legendX, hgt - 9, 10, 3);
    ctx.fillStyle = "#444";
    ctx.fillText(s.label, legendX + 13, hgt - 4);
    legendX += 18 + ctx.measureText(s.label).width;
  }
}

function formatTick(v: number): string {
  const a = Math.abs(v);
  return a === 0 ? "0" : a >= 100 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toPrecision(2);
}
