import { readFileSync } from "node:fs";
import type { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { countConstructions } from "./helpers/count-allocations.js";
import { type BlockRun, runReadme } from "../../../test-support/readme-blocks.js";

// Every code block of the README runs (test-support/readme-blocks.ts); here its results are checked.
let runs: Promise<BlockRun[]> | undefined;
const readmeRuns = (): Promise<BlockRun[]> => (runs ??= runReadme(new URL("../README.md", import.meta.url)));

describe("README", () => {
  it("every block runs: XOR is learnt, kept results survive later calls, the saved model answers alike, writes follow links", async () => {
    const [example, files] = await readmeRuns();
    const result = example.exports as { lossBefore: number; lossAfter: number; sameOutput: boolean; first: Tensor; second: Tensor };
    expect(result.lossAfter).toBeLessThan(result.lossBefore);
    expect(result.sameOutput).toBe(true);
    // XOR learnt: logit of [0, 1] above 0, of [1, 1] below; the first result survived the second call.
    expect(result.first.data[0]).toBeGreaterThan(0);
    expect(result.second.data[0]).toBeLessThan(0);
    expect(files.exports).toEqual({ written: "{}", namesTheDirectory: true });
    const [, , withScaler] = await readmeRuns();
    expect(withScaler.exports).toEqual({ scaled: true, names: ["setosa", "versicolor", "virginica"] });
  });

  it("its training step allocates nothing after the first", async () => {
    const [example] = await readmeRuns();
    const trainStep = example.exports.trainStep as (lr: number) => number;
    trainStep(0.01);
    expect(countConstructions(() => {
      for (let step = 0; step < 50; step++) trainStep(0.01);
    })).toBe(0);
  });

  it("its PyTorch example takes the weights back bit for bit, with the standardisation", async () => {
    const pytorch = (await readmeRuns()).find((run) => "identical" in run.exports);
    expect(pytorch?.exports).toEqual({ identical: true, scaling: { mean: [5.8, 3.1, 3.8, 1.2], std: [0.8, 0.4, 1.8, 0.8] } });
  });

  it("has a table row for every registered layer type", async () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const { registeredLayerTypes } = await import("../src/index.js");
    for (const type of registeredLayerTypes()) expect(readme).toMatch(new RegExp(`^\\| \`${type}`, "m"));
  });
});
