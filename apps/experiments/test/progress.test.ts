import { describe, expect, it } from "vitest";
import { ProgressBar } from "../src/progress.js";

function capture(isTTY: boolean): { stream: { write(t: string): void; isTTY: boolean; columns: number }; text: () => string } {
  let out = "";
  return { stream: { write: (t: string) => { out += t; }, isTTY, columns: 80 }, text: () => out };
}

describe("ProgressBar", () => {
  it("prints one plain line per tenth of the work when not on a terminal", () => {
    const { stream, text } = capture(false);
    const bar = new ProgressBar(20, stream, () => 0);
    for (let i = 0; i < 20; i++) bar.tick("study", `run ${i}`);
    const lines = text().trim().split("\n");
    expect(lines).toHaveLength(11); // 0 %, 10 %, …, 100 %
    expect(lines[10]).toMatch(/^100% \(20\/20\) 0s {2}study: run 19$/);
  });

  it("redraws one bar in place on a terminal", () => {
    const { stream, text } = capture(true);
    const bar = new ProgressBar(4, stream, () => 0);
    bar.tick("s", "a");
    bar.tick("s", "b");
    bar.finish();
    expect(text().split("\r")).toHaveLength(3);
    expect(text()).toContain("[###############...............]  50%");
    expect(text().endsWith("\n")).toBe(true);
  });
});
