import { elementary } from "@nn/tensor";

/**
 * A braille line chart with a y axis (labelled ticks) and an x axis (epochs), as plain data:
 * rows of coloured segments that <LineChart> turns into Ink <Text>. Pure, so tests read it as text.
 */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

export interface ChartSeries {
  readonly label: string;
  readonly color: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartSegment {
  readonly text: string;
  readonly color?: string;
}

export type ChartRow = readonly ChartSegment[];

export interface LineChartOptions {
  /** Total width in terminal columns, labels and axis included. */
  readonly width: number;
  /** Total height in rows, the x axis and its labels included. */
  readonly height: number;
  readonly logScale?: boolean;
  /** Fixed y range (e.g. [0, 1] for accuracy); otherwise fitted to the data. */
  readonly yRange?: readonly [number, number];
}

const BRAILLE_BASE = 0x2800;
// Dot bit for (column, row) inside one 2×4 braille cell.
const DOT_BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

export function renderLineChart(series: readonly ChartSeries[], options: LineChartOptions): ChartRow[] {
  const { width, height } = options;
  const log = options.logScale === true;
  const toY = (v: number): number => (log ? elementary.log10(v) : v);
  const usable = (v: number): boolean => Number.isFinite(v) && (!log || v > 0);

  const all = series.flatMap((s) => s.points.filter((p) => usable(p.y)));
  const plotHeight = Math.max(1, height - 2);
  if (all.length === 0) {
    return emptyChart(width, plotHeight);
  }
  let [yMin, yMax] = options.yRange ? [toY(options.yRange[0]), toY(options.yRange[1])] : [Infinity, -Infinity];
  if (!options.yRange) {
    for (const p of all) {
      const y = toY(p.y);
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (yMax - yMin < 1e-12) {
    const pad = Math.abs(yMax) > 0 ? Math.abs(yMax) * 0.05 : 0.5;
    yMin -= pad;
    yMax += pad;
  }
  let xMin = Infinity;
  let xMax = -Infinity;
  for (const p of all) {
    if (p.x < xMin) xMin = p.x;
    if (p.x > xMax) xMax = p.x;
  }
  if (xMax === xMin) xMax = xMin + 1;

  const labels = tickLabels(yMin, yMax, plotHeight, log);
  const labelWidth = Math.max(...labels.map((l) => l?.length ?? 0));
  const plotWidth = Math.max(1, width - labelWidth - 1);
  const px = plotWidth * 2;
  const py = plotHeight * 4;
  const dots = new Uint8Array(plotWidth * plotHeight);
  const owner = new Int8Array(plotWidth * plotHeight).fill(-1);

  const setDot = (x: number, y: number, s: number): void => {
    if (x < 0 || y < 0 || x >= px || y >= py) return;
    const cell = (y >> 2) * plotWidth + (x >> 1);
    dots[cell] = dots[cell] | DOT_BITS[x & 1][y & 3];
    owner[cell] = s;
  };

  series.forEach((s, si) => {
    let prev: [number, number] | undefined;
    for (const p of s.points) {
      if (!usable(p.y)) {
        prev = undefined;
        continue;
      }
      const x = Math.round(((p.x - xMin) / (xMax - xMin)) * (px - 1));
      const yc = Math.min(1, Math.max(0, (toY(p.y) - yMin) / (yMax - yMin)));
      const y = Math.round((1 - yc) * (py - 1));
      if (prev) drawLine(prev[0], prev[1], x, y, (a, b) => setDot(a, b, si));
      else setDot(x, y, si);
      prev = [x, y];
    }
  });

  const rows: ChartRow[] = [];
  for (let r = 0; r < plotHeight; r++) {
    const label = labels[r];
    const segments: ChartSegment[] = [{ text: (label ?? "").padStart(labelWidth) + (label ? "┤" : "│"), color: "gray" }];
    let run = "";
    let runOwner = -2;
    const flush = (): void => {
      if (run === "") return;
      const color = runOwner >= 0 ? series[runOwner].color : undefined;
      segments.push(color === undefined ? { text: run } : { text: run, color });
      run = "";
    };
    for (let c = 0; c < plotWidth; c++) {
      const cell = r * plotWidth + c;
      const o = dots[cell] === 0 ? -1 : owner[cell];
      if (o !== runOwner) {
        flush();
        runOwner = o;
      }
      run += dots[cell] === 0 ? " " : String.fromCharCode(BRAILLE_BASE + dots[cell]);
    }
    flush();
    rows.push(segments);
  }
  rows.push([{ text: " ".repeat(labelWidth) + "└" + "─".repeat(plotWidth), color: "gray" }]);
  const left = formatEpoch(xMin);
  const right = formatEpoch(xMax);
  const gap = Math.max(1, plotWidth - left.length - right.length);
  rows.push([{ text: " ".repeat(labelWidth + 1) + left + " ".repeat(gap) + right, color: "gray" }]);
  return rows;
}

function emptyChart(width: number, plotHeight: number): ChartRow[] {
  const rows: ChartRow[] = [];
  for (let r = 0; r < plotHeight; r++) rows.push([{ text: "│".padEnd(width), color: "gray" }]);
  rows.push([{ text: "└" + "─".repeat(Math.max(0, width - 1)), color: "gray" }]);
  rows.push([{ text: " waiting for the first epoch…" }]);
  return rows;
}

/** Labels for the rows that get a tick: top, bottom and about every fourth row between. */
function tickLabels(yMin: number, yMax: number, plotHeight: number, log: boolean): (string | undefined)[] {
  const labels: (string | undefined)[] = new Array<string | undefined>(plotHeight).fill(undefined);
  const ticks = Math.max(2, Math.min(plotHeight, Math.floor(plotHeight / 4) + 1));
  for (let t = 0; t < ticks; t++) {
    const row = Math.round((t / (ticks - 1)) * (plotHeight - 1));
    // The row's centre in data units (rows run top to bottom).
    const frac = plotHeight === 1 ? 1 : 1 - row / (plotHeight - 1);
    const v = yMin + frac * (yMax - yMin);
    labels[row] = formatTick(log ? elementary.pow(10, v) : v);
  }
  return labels;
}

export function formatTick(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-2) {
    const [m, e] = v.toExponential(1).split("e");
    return `${m}e${e.replace("+", "")}`;
  }
  return String(Number(v.toPrecision(3)));
}

function formatEpoch(x: number): string {
  return String(Math.round(x));
}

/** Bresenham's line between two pixels. */
function drawLine(x0: number, y0: number, x1: number, y1: number, plot: (x: number, y: number) => void): void {
  const dx = Math.abs(x1 - x0);
  const dy = -Math.abs(y1 - y0);
  const sx = x0 < x1 ? 1 : -1;
  const sy = y0 < y1 ? 1 : -1;
  let err = dx + dy;
  let x = x0;
  let y = y0;
  for (;;) {
    plot(x, y);
    if (x === x1 && y === y1) return;
    const e2 = 2 * err;
    if (e2 >= dy) {
      err += dy;
      x += sx;
    }
    if (e2 <= dx) {
      err += dx;
      y += sy;
    }
  }
}

/** The chart as plain text lines (tests, the README capture). */
export function chartToText(rows: readonly ChartRow[]): string[] {
  return rows.map((row) => row.map((s) => s.text).join(""));
}
