import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { App } from "../src/ui/App.js";
import { computeLayout } from "../src/ui/layout.js";
import { InProcessSession } from "./fixtures/in-process-session.js";
import { visible } from "./fixtures/visible-text.js";

const until = (fn: () => void) => vi.waitFor(fn, { timeout: 20_000, interval: 10 });
afterEach(() => cleanup());
const widest = (frame: string): number => Math.max(...frame.split("\n").map((l) => [...visible(l)].length));

describe("the screen fits the terminal and follows resizes", () => {
  it("never draws wider or taller than the terminal", async () => {
    for (const [columns, rows] of [[120, 40], [80, 24], [60, 18]] as const) {
      const session = await InProcessSession.start(["--epochs", "1000", "--samples", "100", "--layers", "8"]);
      const { lastFrame, unmount } = render(<App session={session} size={{ columns, rows }} />);
      await until(() => expect(lastFrame()).toMatch(/epoch [1-9]/));
      const frame = lastFrame()!;
      expect(widest(frame)).toBeLessThanOrEqual(columns);
      expect(frame.split("\n").length).toBeLessThan(rows);
      unmount();
    }
  });

  it("redraws smaller when the size shrinks, and falls back to a compact screen when tiny", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", "--samples", "100", "--layers", "8"]);
    const { lastFrame, rerender } = render(<App session={session} size={{ columns: 120, rows: 40 }} />);
    await until(() => expect(lastFrame()).toContain("decision boundary"));
    const big = lastFrame()!.split("\n").length;
    rerender(<App session={session} size={{ columns: 70, rows: 22 }} />);
    await until(() => expect(lastFrame()!.split("\n").length).toBeLessThan(22));
    expect(lastFrame()!.split("\n").length).toBeLessThan(big);
    expect(widest(lastFrame()!)).toBeLessThanOrEqual(70);
    rerender(<App session={session} size={{ columns: 40, rows: 12 }} />);
    await until(() => expect(lastFrame()).toContain("40×12: too small for charts"));
    expect(lastFrame()).toMatch(/epoch \d+\/100000/);
  });

  it("at 80×24 the run state, the learning rate and the seed stay visible", async () => {
    const session = await InProcessSession.start(["--epochs", "100000", "--samples", "100", "--layers", "8"]);
    const { lastFrame } = render(<App session={session} size={{ columns: 80, rows: 24 }} />);
    await until(() => expect(lastFrame()).toMatch(/epoch [1-9]/));
    const top = visible(lastFrame()!.split("\n")[0]);
    expect(top).toMatch(/^nn RUNNING {2}lr 0\.1 {2}seed 1 /);
  });

  it("layout: a square-pixel map on wide 2-D screens, none for other data", () => {
    const wide = computeLayout(120, 40, { twoD: true, layers: 3 });
    expect(wide.mapCols).toBe(wide.mapRows * 2);
    expect(wide.leftWidth + 1 + wide.rightWidth).toBe(120);
    expect(computeLayout(120, 40, { twoD: false, layers: 3 }).mapRows).toBe(0);
    expect(computeLayout(49, 40, { twoD: true, layers: 3 }).compact).toBe(true);
  });
});
