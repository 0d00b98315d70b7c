import { describe, expect, it } from "vitest";
import { barChart } from "../src/plot/bar-chart.js";
import { decisionMaps } from "../src/plot/decision-map.js";
import { lineChart } from "../src/plot/line-chart.js";
import { linearScale, logScale, niceStep } from "../src/plot/scale.js";

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe("scales", () => {
  it("choose 1-2-5 steps and widen the range to whole ticks", () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(0.7, 5)).toBe(0.2);
    const s = linearScale(0.3, 9.1, 0, 100);
    expect(s.ticks.map((t) => t.label)).toEqual(["0", "2", "4", "6", "8", "10"]);
    expect(s.map(0)).toBe(0);
    expect(s.map(10)).toBe(100);
  });

  it("put log ticks at powers of ten (with 2 and 5 when the range is short)", () => {
    expect(logScale(0.01, 1, 0, 100).ticks.map((t) => t.label)).toEqual(["0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"]);
    expect(logScale(1e-6, 1e2, 0, 100).ticks.map((t) => t.label)).toEqual(["1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10", "100"]);
    // Two decades or less: the axis starts and ends at the 1-2-5 values just outside the data.
    const short = logScale(2, 32, 0, 100);
    expect(short.ticks.map((t) => t.label)).toEqual(["2", "5", "10", "20", "50"]);
    expect(short.domain).toEqual([2, 50]);
    expect(short.map(2)).toBe(0);
    expect(short.map(50)).toBeCloseTo(100, 9);
  });
});

describe("lineChart", () => {
  const options = {
    title: "loss", xLabel: "epoch", yLabel: "loss",
    series: [
      { label: "lr 0.1", x: [1, 2, 3], y: [1, 0.5, 0.25], band: { lo: [0.9, 0.4, 0.2], hi: [1.1, 0.6, 0.3] } },
      { label: "lr <1>", x: [1, 2, 3], y: [1, 0.8, 0.6] },
    ],
  };

  it("draws axes with ticks and labels, a legend entry per series and a band only where given", () => {
    const svg = lineChart(options);
    expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(count(svg, /class="axis"/g)).toBe(2);
    // x from 1 to 3: step 0.5 → 1, 1.5, 2, 2.5, 3; y from 0.2 (0.25 − 0.05) to 1.1 (1 + 0.1):
    // step 0.2 → 0.2, 0.4, …, 1.2 (six ticks)
    expect(count(svg, /class="tick-label"/g)).toBe(5 + 6);
    expect(svg).toContain(">1.5</text>");
    expect(svg).toContain(">epoch</text>");
    expect(count(svg, /class="band"/g)).toBe(1);
    expect(count(svg, /class="line"/g)).toBe(2);
    expect(svg).toContain(">lr 0.1</text>");
    expect(svg).toContain(">lr &lt;1&gt;</text>");
  });

  it("a long legend label widens the picture, keeping the plot area, so the label ends inside it", () => {
    const long = "residual (pre-LN, linear end)";
    const short = lineChart(options);
    const wide = lineChart({ ...options, series: [options.series[0], { ...options.series[1], label: long }] });
    const widthOf = (svg: string): number => Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    const clipOf = (svg: string): string | undefined => /<clipPath[^>]*><rect [^>]*\/>/.exec(svg)?.[0];
    expect(widthOf(short)).toBe(760);
    expect(clipOf(wide)).toBe(clipOf(short));
    const labelX = Number(new RegExp(`<text x="([\\d.]+)"[^>]*>${long.replace(/[()]/g, "\\$&")}</text>`).exec(wide)?.[1]);
    // 7 px a character bounds 12 px Helvetica's widest lower-case text (an average of ~5.8 px).
    expect(labelX + 7 * long.length).toBeLessThanOrEqual(widthOf(wide) + 4);
    expect(widthOf(wide)).toBeGreaterThan(760);
  });

  it("is deterministic text with two-decimal coordinates", () => {
    const a = lineChart(options), b = lineChart(options);
    expect(a).toBe(b);
    const coordinates = a.match(/\d+\.\d+/g) ?? [];
    expect(coordinates.every((c) => /^\d+\.\d{1,2}$/.test(c))).toBe(true);
  });

  it("draws values on a log axis and breaks the line at non-finite points", () => {
    const svg = lineChart({ ...options, yLog: true, series: [{ label: "a", x: [1, 2, 3, 4], y: [1, NaN, 0.01, 0.001] }] });
    const d = /class="line" d="([^"]+)"/.exec(svg)?.[1] ?? "";
    expect(count(d, /M/g)).toBe(2);
    expect(svg).toContain(">0.001</text>");
  });

  it("draws a band on a log axis as it is: the axis reaches its lowest bound, nothing is clamped", () => {
    // The band's low edge 1e-4 sits below every line value (≥ 0.01): the axis must go down to 1e-4,
    // where the old ± std band on a log axis was clamped to the lowest line value.
    const svg = lineChart({ title: "t", xLabel: "x", yLabel: "y", yLog: true, series: [{ label: "a", x: [1, 2], y: [1, 0.01], band: { lo: [0.5, 1e-4], hi: [2, 0.1] } }] });
    expect(svg).toContain(">1e-4</text>");
    expect(svg).not.toContain(">1e-5</text>");
    const band = /class="band" d="([^"]+)"/.exec(svg)?.[1] ?? "";
    // bottom of the plot area is at 420 − 52 = 368: the band's lowest corner is drawn exactly there.
    expect(band).toContain(" 368.00");
  });

  it("keeps the axis inside the quantity's bounds (accuracy in [0, 1]) however wide an interval is", () => {
    const svg = lineChart({ title: "t", xLabel: "x", yLabel: "y", yBounds: [0, 1], series: [{ label: "a", x: [10, 20], y: [0.6, 0.9], errors: { lo: [-0.5, 0.8], hi: [1.7, 1] } }] });
    expect(svg).toContain(">1.0</text>");
    expect(svg).not.toContain(">1.2</text>");
    expect(svg).not.toContain(">-0.2</text>");
  });

  it("draws an error bar per point between its bounds, skipping a value a log axis cannot show", () => {
    const svg = lineChart({ title: "t", xLabel: "x", yLabel: "y", series: [{ label: "a", x: [1, 2, 3], y: [0.9, 0.8, 0.7], errors: { lo: [0.85, 0.7, NaN], hi: [0.95, 0.9, 0.8] }, markers: true }] });
    expect(count(svg, /class="error-bar"/g)).toBe(2);
  });
});

describe("decisionMaps", () => {
  it("tints the grid by p, draws the points inside it and one titled panel per map", () => {
    const grid = { x0: 0, x1: 1, y0: 0, y1: 1, resolution: 2, p: [0, 1, 1, 1] };
    const svg = decisionMaps({ title: "maps", panels: [
      { title: "none", grid, points: [{ x: 0.25, y: 0.75, label: 0 }, { x: 5, y: 5, label: 1 }] },
      { title: "L2", grid, points: [] },
    ] });
    expect(count(svg, /class="decision-map"/g)).toBe(2);
    // Row 0: p 0 then 1 → two runs; row 1: both 1 → one merged run: 3 tinted rects per panel,
    // plus the white background (the frames have fill="none").
    expect(count(svg, /<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#/g)).toBe(1 + 2 * 3);
    // The out-of-range point is skipped; the legend has two circles.
    expect(count(svg, /<circle/g)).toBe(1 + 2);
    expect(svg).toContain(">none</text>");
    expect(svg).toContain(">L2</text>");
  });
});

describe("barChart", () => {
  it("draws a bar per finite value and an error bar where both bounds are finite", () => {
    const svg = barChart({ title: "acc", yLabel: "accuracy", categories: ["a", "b"], yRange: [0, 1], series: [
      { label: "nn", values: [0.9, 0.8], errors: { lo: [0.89, NaN], hi: [0.91, NaN] } },
      { label: "sklearn", values: [0.95, NaN] },
    ] });
    expect(count(svg, /class="bar"/g)).toBe(3);
    expect(count(svg, /class="error-bar"/g)).toBe(1);
    expect(svg).toContain(">sklearn</text>");
  });
});
