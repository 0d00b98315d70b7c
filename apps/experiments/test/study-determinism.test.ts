import { makeMoons } from "@nn/datasets";
import { SGD } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { prepareSplit } from "../src/experiment/data.js";
import { buildMlp } from "../src/experiment/mlp.js";
import { runTraining } from "../src/experiment/training.js";
import { medianBandSeries } from "../src/plot/curve-series.js";
import { lineChart } from "../src/plot/line-chart.js";
import { rawJson } from "../src/report/raw-json.js";
import type { Study } from "../src/study.js";

/** A study as small as a study can be, built from the same pieces as the real ones. */
const tinyStudy: Study<{ loss: number[][]; accuracy: number[] }> = {
  id: "tiny", title: "Tiny", claim: "Training lowers the loss.",
  units: () => 2,
  run(ctx) {
    const loss: number[][] = [], accuracy: number[] = [];
    for (const seed of [0, 1]) {
      const { train, test } = prepareSplit(makeMoons({ n: 80, noise: 0.2, seed }), seed);
      const model = buildMlp({ inputs: 2, hidden: [8], outputs: 1, seed });
      const r = runTraining(model, { optimizer: new SGD(model.parameters(), { lr: 0.5, momentum: 0.9 }), train, test, epochs: 15, batchSize: 16, seed });
      loss.push(r.loss);
      accuracy.push(r.testAccuracy);
      ctx.tick(`seed ${seed}`);
    }
    return { data: { loss, accuracy } };
  },
  report({ data }) {
    const x = data.loss[0].map((_, i) => i + 1);
    const svg = lineChart({ title: "tiny", xLabel: "epoch", yLabel: "loss", series: [medianBandSeries("sgd", x, data.loss)] });
    const falls = data.loss.every((c) => c[c.length - 1] < c[0]);
    return { files: { "tiny.md": `# Tiny\n\n![loss](tiny/loss.svg)\n`, "tiny/loss.svg": svg }, verdict: falls ? "supported" : "not supported", finding: "" };
  },
};

function runOnce(): { json: string; files: Record<string, string>; ticks: string[] } {
  const ticks: string[] = [];
  const result = tinyStudy.run({ quick: true, tick: (label) => ticks.push(label) });
  const report = tinyStudy.report(result, { quick: true });
  return { json: rawJson(result.data), files: report.files, ticks };
}

describe("a study run twice", () => {
  it("gives byte-identical raw numbers, reports and plots", () => {
    const a = runOnce(), b = runOnce();
    expect(a.json).toBe(b.json);
    expect(a.files).toEqual(b.files);
    expect(a.ticks).toEqual(["seed 0", "seed 1"]);
    expect(a.files["tiny/loss.svg"]).toContain('class="band"');
  });

  it("actually trains (the loss falls), so identical output is not a constant", () => {
    const result = tinyStudy.run({ quick: true, tick: () => undefined });
    expect(tinyStudy.report(result, { quick: true }).verdict).toBe("supported");
    expect(result.data.loss[0]).not.toEqual(result.data.loss[1]);
  });
});
