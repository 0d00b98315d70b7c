/**
 * Decision-boundary maps: a model's class-1 probability over a grid of the input plane as a
 * tinted background (blue = class 0, orange = class 1, white at p = 0.5), with the data on top.
 * Several maps sit side by side in one SVG so regularisers can be compared at a glance.
 */
import { classColor } from "./palette.js";
import { escapeXml, px, svgOpen, text } from "./svg.js";

export interface ProbabilityGrid {
  /** Input-plane extent the grid covers. */
  x0: number; x1: number; y0: number; y1: number;
  /** Cells per side. */
  resolution: number;
  /** p(class 1) per cell, row-major from the top row (largest y) down. */
  p: readonly number[];
}

export interface MapPoint {
  x: number;
  y: number;
  label: number;
}

export interface MapPanel {
  title: string;
  grid: ProbabilityGrid;
  points: readonly MapPoint[];
}

export interface DecisionMapOptions {
  title: string;
  panels: readonly MapPanel[];
  columns?: number;
  /** Panel side in pixels. */
  size?: number;
}

/** Tint levels: p is quantised so that equal neighbours merge into one rectangle (small files). */
const LEVELS = 10;

export function decisionMaps(options: DecisionMapOptions): string {
  const size = options.size ?? 240;
  const columns = Math.min(options.columns ?? options.panels.length, options.panels.length);
  const rows = Math.ceil(options.panels.length / columns);
  const gap = 16, top = 40, titleRoom = 22, legendRoom = 30;
  const width = columns * size + (columns + 1) * gap;
  const height = top + rows * (size + titleRoom + gap) + legendRoom;
  const parts: string[] = [svgOpen(width, height, options.title)];
  parts.push(text(width / 2, 24, options.title, 'text-anchor="middle" font-size="14" font-weight="bold"'));
  options.panels.forEach((panel, i) => {
    const col = i % columns, row = Math.floor(i / columns);
    const left = gap + col * (size + gap);
    const panelTop = top + row * (size + titleRoom + gap);
    parts.push(text(left + size / 2, panelTop + 14, panel.title, 'text-anchor="middle"'));
    parts.push(panelSvg(panel, left, panelTop + titleRoom, size));
  });
  const ly = height - 14;
  parts.push(`<g class="legend"><circle cx="${gap + 6}" cy="${ly - 4}" r="4" fill="${classColor(0)}" stroke="#ffffff"/>`);
  parts.push(text(gap + 14, ly, "class 0 (train points)"));
  parts.push(`<circle cx="${gap + 176}" cy="${ly - 4}" r="4" fill="${classColor(1)}" stroke="#ffffff"/>`);
  parts.push(text(gap + 184, ly, "class 1; background: model p(class 1), white at 0.5") + "</g>");
  parts.push("</svg>");
  return parts.join("\n") + "\n";
}

function panelSvg(panel: MapPanel, left: number, top: number, size: number): string {
  const g = panel.grid, res = g.resolution, cell = size / res;
  const parts: string[] = [`<g class="decision-map">`];
  for (let r = 0; r < res; r++) {
    let c = 0;
    while (c < res) {
      const level = quantise(g.p[r * res + c]);
      let end = c + 1;
      while (end < res && quantise(g.p[r * res + end]) === level) end++;
      parts.push(`<rect x="${px(left + c * cell)}" y="${px(top + r * cell)}" width="${px((end - c) * cell + 0.3)}" height="${px(cell + 0.3)}" fill="${tint(level)}"/>`);
      c = end;
    }
  }
  const sx = (x: number): number => left + ((x - g.x0) / (g.x1 - g.x0)) * size;
  const sy = (y: number): number => top + ((g.y1 - y) / (g.y1 - g.y0)) * size;
  for (const p of panel.points) {
    const x = sx(p.x), y = sy(p.y);
    if (x < left || x > left + size || y < top || y > top + size) continue;
    parts.push(`<circle cx="${px(x)}" cy="${px(y)}" r="3" fill="${classColor(p.label)}" stroke="#ffffff" stroke-width="0.8"/>`);
  }
  parts.push(`<rect x="${px(left)}" y="${px(top)}" width="${size}" height="${size}" fill="none" stroke="#444444"/>`);
  parts.push(`<desc>${escapeXml(`x in [${px(g.x0)}, ${px(g.x1)}], y in [${px(g.y0)}, ${px(g.y1)}]`)}</desc>`);
  parts.push("</g>");
  return parts.join("\n");
}

/** p in [0, 1] → level in −LEVELS/2 … LEVELS/2 (negative: class 0 side). */
function quantise(p: number): number {
  const v = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0.5;
  return Math.round((v - 0.5) * LEVELS);
}

/** White blended towards the class colour by |level|. */
function tint(level: number): string {
  const base = level < 0 ? [0x4e, 0x79, 0xa7] : [0xf2, 0x8e, 0x2b];
  const t = (Math.abs(level) / (LEVELS / 2)) * 0.55;
  const channel = (c: number): string => Math.round(255 + (c - 255) * t).toString(16).padStart(2, "0");
  return `#${channel(base[0])}${channel(base[1])}${channel(base[2])}`;
}
