/**
 * Line charts with axes, ticks, grid, a legend, shaded bands and error bars: the loss curves of
 * every study. Bands and error bars are absolute bounds (quantiles over seeds, or a confidence
 * interval), never a ± half-width, so on a log axis they are drawn as they are: the axis reaches
 * down to the lowest bound and nothing is clamped to a floor. Pure function of its input → SVG
 * text, so the same numbers give the same bytes.
 */
import { seriesColor } from "./palette.js";
import { type Scale, linearScale, logScale } from "./scale.js";
import { escapeXml, polylinePath, px, svgOpen, text } from "./svg.js";

export interface LineSeries {
  label: string;
  x: readonly number[];
  y: readonly number[];
  /** Shaded band from `lo` to `hi` at each x (quantiles over seeds); omitted: no band. */
  band?: { readonly lo: readonly number[]; readonly hi: readonly number[] };
  /** Vertical error bar from `lo` to `hi` at each x (a 95 % confidence interval); omitted: none. */
  errors?: { readonly lo: readonly number[]; readonly hi: readonly number[] };
  /** Draw a dot at each point (for sparse sweeps). */
  markers?: boolean;
  /** Dashed line (for a second quantity of the same series). */
  dashed?: boolean;
  /** Colour index into the palette; default: the series' position. */
  color?: number;
}

export interface LineChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  xLog?: boolean;
  yLog?: boolean;
  /** Fixed y range (data outside is clipped); default: the data's range including bands and error bars. */
  yRange?: readonly [number, number];
  /**
   * The values the quantity can take (accuracy: [0, 1]): the default range never extends past
   * them, so a wide interval from few seeds is cut at the plot edge instead of stretching the axis.
   */
  yBounds?: readonly [number, number];
  width?: number;
  height?: number;
}

const MARGIN = { left: 72, right: 190, top: 36, bottom: 52 };

/** Room the legend takes right of the plot: swatch, gap, and the longest label at 7 px a character (12 px Helvetica averages under 6). */
function legendRoom(series: readonly LineSeries[]): number {
  const longest = Math.max(0, ...series.map((s) => s.label.length));
  return 14 + 28 + 7 * longest + 8;
}

export function lineChart(options: LineChartOptions): string {
  // A long label widens the picture rather than shrinking the plot or running off the edge.
  const right = Math.max(MARGIN.right, legendRoom(options.series));
  const width = (options.width ?? 760) + right - MARGIN.right, height = options.height ?? 420;
  const plotLeft = MARGIN.left, plotRight = width - right;
  const plotTop = MARGIN.top, plotBottom = height - MARGIN.bottom;
  const xs = scaleFor(options.series.flatMap((s) => s.x), options.xLog === true, plotLeft, plotRight);
  const yValues = options.yRange !== undefined
    ? [...options.yRange]
    : options.series.flatMap((s) => [...s.y, ...(s.band?.lo ?? []), ...(s.band?.hi ?? []), ...(s.errors?.lo ?? []), ...(s.errors?.hi ?? [])])
      .map((v) => (options.yBounds === undefined ? v : Math.min(options.yBounds[1], Math.max(options.yBounds[0], v))));
  const ys = scaleFor(yValues, options.yLog === true, plotBottom, plotTop);
  const clipId = "plot-area";
  const parts: string[] = [svgOpen(width, height, options.title)];
  parts.push(`<defs><clipPath id="${clipId}"><rect x="${plotLeft}" y="${plotTop}" width="${plotRight - plotLeft}" height="${plotBottom - plotTop}"/></clipPath></defs>`);
  parts.push(text(width / 2 - right / 2 + MARGIN.left / 2, 22, options.title, 'text-anchor="middle" font-size="14" font-weight="bold"'));
  parts.push(axes(xs, ys, plotLeft, plotRight, plotTop, plotBottom));
  parts.push(text((plotLeft + plotRight) / 2, height - 12, options.xLabel, 'text-anchor="middle"'));
  parts.push(text(16, (plotTop + plotBottom) / 2, options.yLabel, `text-anchor="middle" transform="rotate(-90 16 ${px((plotTop + plotBottom) / 2)})"`));
  // A value a log axis cannot show (≤ 0) is a gap, not a point pinned to the bottom edge.
  const mapY = (v: number): number => (options.yLog === true && !(v > 0) ? NaN : ys.map(v));
  parts.push(`<g clip-path="url(#${clipId})">`);
  options.series.forEach((s, i) => {
    const color = seriesColor(s.color ?? i);
    if (s.band !== undefined) {
      const { lo, hi } = s.band;
      const upper = s.x.map((x, j) => [xs.map(x), mapY(hi[j])] as const);
      const lower = s.x.map((x, j) => [xs.map(x), mapY(lo[j])] as const).reverse();
      const ring = [...upper, ...lower].filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
      if (ring.length > 2) parts.push(`<path class="band" d="${polylinePath(ring)} Z" fill="${color}" fill-opacity="0.18" stroke="none"/>`);
    }
    if (s.errors !== undefined) {
      for (let j = 0; j < s.x.length; j++) {
        const x = xs.map(s.x[j]), y0 = mapY(s.errors.lo[j]), y1 = mapY(s.errors.hi[j]);
        if (!Number.isFinite(x) || !Number.isFinite(y0) || !Number.isFinite(y1)) continue;
        parts.push(`<path class="error-bar" d="M${px(x - 4)} ${px(y0)} L${px(x + 4)} ${px(y0)} M${px(x)} ${px(y0)} L${px(x)} ${px(y1)} M${px(x - 4)} ${px(y1)} L${px(x + 4)} ${px(y1)}" stroke="${color}" stroke-width="1.2" fill="none"/>`);
      }
    }
    const points = s.x.map((x, j) => [xs.map(x), mapY(s.y[j])] as const);
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : "";
    parts.push(`<path class="line" d="${polylinePath(points)}" fill="none" stroke="${color}" stroke-width="1.8"${dash}/>`);
    if (s.markers === true) {
      for (const [x, y] of points) {
        if (Number.isFinite(x) && Number.isFinite(y)) parts.push(`<circle cx="${px(x)}" cy="${px(y)}" r="3" fill="${color}"/>`);
      }
    }
  });
  parts.push("</g>");
  parts.push(legend(options.series, plotRight + 14, plotTop));
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

function scaleFor(values: readonly number[], log: boolean, pixelLo: number, pixelHi: number): Scale {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (log) return logScale(lo, hi, pixelLo, pixelHi);
  return linearScale(lo, hi, pixelLo, pixelHi);
}

function axes(xs: Scale, ys: Scale, left: number, right: number, top: number, bottom: number): string {
  const parts: string[] = ['<g class="axes" stroke="#444444" stroke-width="1">'];
  for (const t of xs.ticks) {
    const x = xs.map(t.value);
    parts.push(`<line class="grid" x1="${px(x)}" y1="${top}" x2="${px(x)}" y2="${bottom}" stroke="#e6e6e6"/>`);
    parts.push(`<line class="tick" x1="${px(x)}" y1="${bottom}" x2="${px(x)}" y2="${bottom + 5}"/>`);
    parts.push(text(x, bottom + 18, t.label, 'class="tick-label" text-anchor="middle" stroke="none" fill="#333333"'));
  }
  for (const t of ys.ticks) {
    const y = ys.map(t.value);
    parts.push(`<line class="grid" x1="${left}" y1="${px(y)}" x2="${right}" y2="${px(y)}" stroke="#e6e6e6"/>`);
    parts.push(`<line class="tick" x1="${left - 5}" y1="${px(y)}" x2="${left}" y2="${px(y)}"/>`);
    parts.push(text(left - 8, y + 4, t.label, 'class="tick-label" text-anchor="end" stroke="none" fill="#333333"'));
  }
  parts.push(`<line class="axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`);
  parts.push("</g>");
  return parts.join("\n");
}

function legend(series: readonly LineSeries[], x: number, y: number): string {
  const parts: string[] = ['<g class="legend">'];
  series.forEach((s, i) => {
    const color = seriesColor(s.color ?? i);
    const rowY = y + 8 + i * 18;
    const dash = s.dashed === true ? ' stroke-dasharray="6 4"' : "";
    if (s.band !== undefined) parts.push(`<rect x="${px(x)}" y="${px(rowY - 6)}" width="22" height="12" fill="${color}" fill-opacity="0.18"/>`);
    parts.push(`<line x1="${px(x)}" y1="${px(rowY)}" x2="${px(x + 22)}" y2="${px(rowY)}" stroke="${color}" stroke-width="2"${dash}/>`);
    parts.push(`<text x="${px(x + 28)}" y="${px(rowY + 4)}">${escapeXml(s.label)}</text>`);
  });
  parts.push("</g>");
  return parts.join("\n");
}
