import { describe, expect, it } from "vitest";
import { chartToText, formatTick, renderLineChart } from "../src/ui/line-chart.js";

const BRAILLE = 0x2800;
const bits = (ch: string): number => (ch === " " ? 0 : ch.charCodeAt(0) - BRAILLE);

describe("braille line chart", () => {
  it("draws a falling line from the top-left to the bottom-right pixel, inside labelled axes", () => {
    const points = Array.from({ length: 11 }, (_, i) => ({ x: i + 1, y: 1 - i / 10 }));
    const text = chartToText(renderLineChart([{ label: "loss", color: "cyan", points }], { width: 30, height: 7 }));
    expect(text).toHaveLength(7);
    // Plot rows: 5 (7 minus the axis and its labels). Ticks: top = 1, bottom = 0.
    expect(text[0]).toMatch(/^1┤/);
    expect(text[4]).toMatch(/^0┤/);
    const plot = text.slice(0, 5).map((row) => [...row.slice(2)]);
    // Top-left braille dot (bit 0x01) in the first cell, bottom-right dot (0x80) in the last.
    expect(bits(plot[0][0]) & 0x01).toBe(0x01);
    expect(bits(plot[4][plot[4].length - 1]) & 0x80).toBe(0x80);
    expect(text[5]).toBe(" └" + "─".repeat(28));
    expect(text[6]).toMatch(/^ {2}1 +11$/);
  });

  it("the log scale puts a decade's midpoint in the middle row", () => {
    const points = [{ x: 0, y: 1 }, { x: 1, y: 0.1 }, { x: 2, y: 0.01 }];
    // 5 plot rows = 20 pixel rows. log10: 0, -1, -2 → 0.1 sits at pixel row round(0.5·19) = 10, cell row 2.
    const log = chartToText(renderLineChart([{ label: "l", color: "red", points }], { width: 24, height: 7, logScale: true }));
    expect(log[0]).toMatch(/^ {3}1┤/);
    expect(log[4]).toMatch(/^0\.01┤/);
    // Label width 4 + axis → plot width 19 cells = 38 pixel columns; x = 1 of [0, 2] → pixel round(0.5·37) = 19, cell 9.
    expect(log.slice(0, 5).findIndex((r) => bits([...r.slice(5)][9]) !== 0)).toBe(2);
    // Linear: 0.1 is at (0.1 − 0.01)/0.99 of the height → pixel row round(0.909·19) = 17, cell row 4.
    const lin = chartToText(renderLineChart([{ label: "l", color: "red", points }], { width: 24, height: 7 }));
    expect(lin[0].indexOf("┤")).toBe(4);
    expect(lin.slice(0, 5).findIndex((r) => bits([...r.slice(5)][9]) !== 0)).toBe(4);
  });

  it("leaves out non-finite values and waits politely with no data", () => {
    const text = chartToText(renderLineChart([{ label: "l", color: "red", points: [] }], { width: 20, height: 5 }));
    expect(text.join("\n")).toContain("waiting for the first epoch");
    const nan = chartToText(renderLineChart([{ label: "l", color: "red", points: [{ x: 1, y: Number.NaN }] }], { width: 20, height: 5 }));
    expect(nan.join("\n")).toContain("waiting");
  });

  it("formats ticks compactly", () => {
    expect(formatTick(0.6931)).toBe("0.693");
    expect(formatTick(0.00123)).toBe("1.2e-3");
    expect(formatTick(12345)).toBe("1.2e4");
    expect(formatTick(0)).toBe("0");
  });
});
