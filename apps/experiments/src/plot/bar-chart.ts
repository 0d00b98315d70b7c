/**
 * Grouped bar charts with error bars (absolute bounds, e.g. a 95 % confidence interval): one
 * group per category, one bar per series. Bars start at 0 unless a range is given. A series value
 * may be missing (NaN), which leaves a gap rather than a zero-height bar.
 */
import { seriesColor } from "./palette.js";
import { linearScale } from "./scale.js";
import { escapeXml, px, svgOpen, text } from "./svg.js";

export interface BarSeries {
  label: string;
  values: readonly number[];
  errors?: { readonly lo: readonly number[]; readonly hi: readonly number[] };
}

export interface BarChartOptions {
  title: string;
  yLabel: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  yRange?: readonly [number, number];
  width?: number;
  height?: number;
}

export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 760, height = options.height ?? 400;
  const left = 72, right = width - 170, top = 36, bottom = height - 52;
  const all = options.series.flatMap((s) => [...s.values, ...(s.errors?.hi ?? [])]);
  const [lo, hi] = options.yRange ?? [0, Math.max(...all.filter(Number.isFinite))];
  const ys = linearScale(lo, hi, bottom, top);
  const parts: string[] = [svgOpen(width, height, options.title)];
  parts.push(text((left + right) / 2, 22, options.title, 'text-anchor="middle" font-size="14" font-weight="bold"'));
  parts.push('<g class="axes" stroke="#444444">');
  for (const t of ys.ticks) {
    const y = ys.map(t.value);
    parts.push(`<line class="grid" x1="${left}" y1="${px(y)}" x2="${right}" y2="${px(y)}" stroke="#e6e6e6"/>`);
    parts.push(text(left - 8, y + 4, t.label, 'class="tick-label" text-anchor="end" stroke="none" fill="#333333"'));
  }
  parts.push(`<line class="axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`);
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${bottom}"/>`);
  parts.push("</g>");
  parts.push(text(16, (top + bottom) / 2, options.yLabel, `text-anchor="middle" transform="rotate(-90 16 ${px((top + bottom) / 2)})"`));
  const groupWidth = (right - left) / options.categories.length;
  const barWidth = (groupWidth * 0.8) / options.series.length;
  const floorY = ys.map(ys.domain[0]);
  // Error bars reaching past the axis range (wide intervals from few seeds) are cut at the plot edge.
  parts.push(`<defs><clipPath id="bar-area"><rect x="${left}" y="${top}" width="${right - left}" height="${bottom - top}"/></clipPath></defs>`);
  const labels: string[] = [];
  parts.push('<g clip-path="url(#bar-area)">');
  options.categories.forEach((category, c) => {
    const gx = left + c * groupWidth + groupWidth * 0.1;
    labels.push(text(gx + groupWidth * 0.4, bottom + 18, category, 'text-anchor="middle"'));
    options.series.forEach((s, k) => {
      const v = s.values[c];
      if (!Number.isFinite(v)) return;
      const x = gx + k * barWidth, y = ys.map(Math.max(v, ys.domain[0]));
      parts.push(`<rect class="bar" x="${px(x)}" y="${px(y)}" width="${px(barWidth - 2)}" height="${px(floorY - y)}" fill="${seriesColor(k)}"/>`);
      const lo = s.errors?.lo[c], hi = s.errors?.hi[c];
      if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi)) {
        const cx = x + (barWidth - 2) / 2, y0 = ys.map(lo), y1 = ys.map(hi);
        parts.push(`<path class="error-bar" d="M${px(cx - 3)} ${px(y0)} L${px(cx + 3)} ${px(y0)} M${px(cx)} ${px(y0)} L${px(cx)} ${px(y1)} M${px(cx - 3)} ${px(y1)} L${px(cx + 3)} ${px(y1)}" stroke="#222222" fill="none"/>`);
      }
    });
  });
  parts.push("</g>", ...labels);
  parts.push('<g class="legend">');
  options.series.forEach((s, k) => {
    const y = top + 8 + k * 18;
    parts.push(`<rect x="${right + 14}" y="${y - 6}" width="14" height="12" fill="${seriesColor(k)}"/>`);
    parts.push(`<text x="${right + 34}" y="${y + 4}">${escapeXml(s.label)}</text>`);
  });
  parts.push("</g></svg>");
  return parts.join("\n") + "\n";
}
