// Issue 15: "a run whose loss has stalled at chance level says so instead of finishing with exit 0
// in silence". A rate far too low leaves the default network answering one class for 50 epochs.
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../src/ui/App.js";
import { InProcessSession } from "./fixtures/in-process-session.js";
import { visible } from "./fixtures/visible-text.js";
import { ChanceLevelWatch } from "../src/report/chance-level.js";
import { runCli } from "./fixtures/run-cli.js";

const point = (epoch: number, loss: number, accuracy: number) => ({ epoch, loss, accuracy });

describe("stalled-at-chance-exits-1", () => {
  it("nn train --lr 1e-5 --epochs 50: exit 1, naming the accuracy, the chance level and the flags", async () => {
    const r = await runCli(["train", "--lr", "1e-5", "--epochs", "50", "--samples", "200", "--plain"]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("done:");
    expect(r.stderr).toMatch(
      /^training failed after 50 epochs: the run stalled at chance level: after 50 epochs the training accuracy is 50\.0%, what always answering the largest class scores \(50\.0%\), and the loss \(\d\.\d{4}\) stopped falling\. Try another --lr, more --epochs, or another --activation or --init\./,
    );
  });

  it("judges only the end of a run of at least five epochs", () => {
    // Labels 0, 0, 0, 1: the largest class holds 3 of 4 rows, so chance is 75%.
    const watch = new ChanceLevelWatch([0, 0, 0, 1]);
    expect(watch.chance).toBe(0.75);
    for (let e = 1; e <= 4; e++) watch.record(point(e, 0.6, 0.75));
    expect(watch.verdict()).toBeUndefined(); // four epochs prove nothing
    watch.record(point(5, 0.6, 0.75));
    expect(watch.verdict()?.message).toMatch(/^the run stalled at chance level: after 5 epochs the training accuracy is 75\.0%/);
  });

  it("a falling loss or an accuracy above chance is not a stall", () => {
    const falling = new ChanceLevelWatch([0, 1]);
    // 0.70 → 0.69 over the window is a 1.4 % fall: still learning.
    [0.7, 0.698, 0.696, 0.694, 0.69].forEach((loss, i) => falling.record(point(i + 1, loss, 0.5)));
    expect(falling.verdict()).toBeUndefined();
    const learned = new ChanceLevelWatch([0, 1]);
    for (let e = 1; e <= 5; e++) learned.record(point(e, 0.3, 0.9));
    expect(learned.verdict()).toBeUndefined();
    const nan = new ChanceLevelWatch([0, 1]);
    for (let e = 1; e <= 5; e++) nan.record(point(e, NaN, 0.5));
    expect(nan.verdict()).toBeDefined(); // a NaN loss never "falls"
  });
});

describe("stalled-at-chance on the live screen", () => {
  afterEach(() => cleanup());

  it("a run that ends at chance level says so at DONE, in red, with the flags to change", async () => {
    const session = await InProcessSession.start(["--lr", "1e-5", "--epochs", "50", "--samples", "200"]);
    const { lastFrame } = render(<App session={session} size={{ columns: 120, rows: 40 }} />);
    await vi.waitFor(() => expect(lastFrame()).toContain("DONE"), { timeout: 30_000, interval: 10 });
    await vi.waitFor(() => expect(visible(lastFrame()!).replace(/\s+/g, " ")).toMatch(/stalled at chance level: accuracy 50\.0% \(always the largest class\), loss flat at \d\.\d{4}\. Try another --lr, more --epochs, another --activation or --init\./), { timeout: 30_000, interval: 10 });
    expect(session.latest.error).toMatch(/^stalled at chance level/);
    // The screen keeps to its size with the two-line notice.
    expect(lastFrame()!.split("\n").length).toBeLessThanOrEqual(40);
  });

  it("a run that learned ends at DONE with no such notice", async () => {
    const session = await InProcessSession.start(["--epochs", "50", "--samples", "200", "--layers", "8"]);
    const { lastFrame } = render(<App session={session} size={{ columns: 120, rows: 40 }} />);
    await vi.waitFor(() => expect(lastFrame()).toContain("DONE"), { timeout: 30_000, interval: 10 });
    expect(lastFrame()).not.toContain("stalled");
    expect(session.latest.error).toBeUndefined();
  });
});
