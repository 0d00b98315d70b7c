import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanup, render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseTrainArgs } from "../src/args/train-options.js";
import { loadRegressionCsv } from "../src/session/load-regression-csv.js";
import { App } from "../src/ui/App.js";
import { divergingColor, targetPointColor } from "../src/ui/palette.js";
import { renderValueMap } from "../src/ui/value-map.js";
import { InProcessSession } from "./fixtures/in-process-session.js";
import { runCli } from "./fixtures/run-cli.js";
import { visible } from "./fixtures/visible-text.js";

describe("regression mode (--problem regression; the plane and multi-gaussian sets)", () => {
  it("the regression sets pose a regression problem without a flag; a wrong --problem is named", () => {
    expect(parseTrainArgs(["--data", "plane"]).options.problem).toBe("regression");
    expect(parseTrainArgs(["--data", "multi-gaussian"]).options.data).toEqual({ kind: "builtin", name: "multi-gaussian", samples: 1000, noise: 0.05 });
    expect(parseTrainArgs([]).options.problem).toBe("classification");
    expect(() => parseTrainArgs(["--data", "plane", "--problem", "classification"])).toThrow(
      "nn train: --problem classification does not fit plane: it is a regression set (a real-valued target)",
    );
    expect(() => parseTrainArgs(["--problem", "regresion"])).toThrow(/--problem must be one of classification, regression, got regresion.*did you mean regression/);
  });

  it("plain lines report the mean squared error and no accuracy", async () => {
    const r = await runCli(["train", "--data", "plane", "--epochs", "20", "--samples", "200", "--layers", "8"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^epoch {2}1\/20 {2}mse \d\.\d{4} {2}val_mse \d\.\d{4} {2}lr 0\.1 /);
    expect(r.stdout).not.toContain("acc");
    expect(r.stdout).toMatch(/ {2}validation {2}mse \d\.\d{4}\n/);
  });

  it("a CSV trains as regression: the label column is a real-valued target, the rest are features", () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-regression-"));
    const path = join(dir, "r.csv");
    writeFileSync(path, "a,t,b\n1,0.5,2\n2,0.25,3\n3,-1.5,1\n");
    const ds = loadRegressionCsv(path, "t");
    expect(ds.numClasses).toBe(0);
    expect(Array.from(ds.y.data)).toEqual([0.5, 0.25, -1.5]);
    expect(Array.from(ds.x.data)).toEqual([1, 2, 2, 3, 3, 1]);
    expect(ds.featureNames).toEqual(["a", "b"]);
    expect(Array.from(loadRegressionCsv(path).y.data)).toEqual([2, 3, 1]);
    expect(() => loadRegressionCsv(path, "q")).toThrow('no column named "q" (columns: a, t, b)');
    expect(() => loadRegressionCsv(path, "3")).toThrow("--label-column 3 is past the last column (3 columns, numbered from 0)");
  });

  it("a CSV of classes trained as regression, or a bad file, is a usage error naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-regression-"));
    const path = join(dir, "pets.csv");
    writeFileSync(path, "w,h,species\n4.1,25,cat\n30.5,60,dog\n");
    const r = await runCli(["train", "--data", path, "--problem", "regression"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^nn: cannot use ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} as regression data: .*line 2`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the live screen of a regression run", () => {
  afterEach(() => cleanup());
  const until = (fn: () => void) => vi.waitFor(fn, { timeout: 30_000, interval: 10 });

  it("draws the output map with a diverging legend and charts MSE instead of accuracy", async () => {
    const session = await InProcessSession.start(["--data", "plane", "--epochs", "100000", "--samples", "200", "--layers", "8"]);
    const { lastFrame } = render(<App session={session} size={{ columns: 120, rows: 40 }} />);
    // Colour escapes stripped: the legend's cells are one colour each.
    const text = (): string => visible(lastFrame() ?? "");
    await until(() => expect(text()).toMatch(/-1\.2 █+ 1\.2/));
    const frame = text();
    expect(frame).toContain("output (regression), points: targets");
    expect(frame).toMatch(/MSE \(linear\) {2}━ train \d\.\d{4} {2}━ validation \d\.\d{4}/);
    expect(frame).toContain("real-valued target");
    expect(frame).toContain("linear · MSE");
    expect(frame).not.toContain("accuracy");
    expect(frame).not.toContain("decision boundary");
  });
});

describe("renderValueMap", () => {
  it("colours each pixel by value / scale on the diverging scale and puts each target point in its half-cell", () => {
    // 2 × 2 pixels = one terminal row of two cells; a point at pixel (col 1, row 1) with target −1.
    const field = { cols: 2, rows: 2, values: Float32Array.from([1, 0, -0.5, -2]), points: [{ col: 1, row: 1, value: -1 }], scale: 1 };
    const [row] = renderValueMap(field);
    expect(row).toEqual([
      { text: "▀", color: divergingColor(1), backgroundColor: divergingColor(-0.5) },
      { text: "▄", color: targetPointColor(-1), backgroundColor: divergingColor(0) },
    ]);
    // −2 beyond the scale clamps to its end; 0 is the background.
    expect(divergingColor(-2)).toBe(divergingColor(-1));
    expect(divergingColor(0)).toBe("#14181c");
    expect(divergingColor(1)).not.toBe(divergingColor(-1));
  });
});

describe("nn predict with a regression model", () => {
  it("prints one predicted value per row under the header prediction, close to the plane's (x₁ + x₂)/10", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-regression-"));
    const model = join(dir, "plane.json");
    const input = join(dir, "in.csv");
    const train = await runCli(["train", "--data", "plane", "--epochs", "400", "--layers", "8", "--activation", "tanh", "--save", model]);
    expect(train.code).toBe(0);
    writeFileSync(input, "x1,x2\n1,2\n-3,0.5\n4,-4\n2,2\n");
    const r = await runCli(["predict", "--model", model, "--input", input]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split("\n");
    expect(header).toBe("prediction");
    const expected = [0.3, -0.25, 0, 0.4];
    // Trained to a held-out MSE near 0.003 (RMSE ≈ 0.05): every prediction within 0.12 of the plane.
    rows.forEach((row, i) => expect(Math.abs(Number(row) - expected[i])).toBeLessThan(0.12));
    const summary = await runCli(["summary", "--model", model]);
    expect(summary.stdout).toContain("output:   one real value (regression, trained with MSE)");
  });
});
