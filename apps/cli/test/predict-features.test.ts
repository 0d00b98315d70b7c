import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sequential } from "@nn/layers";
import { Tensor } from "@nn/tensor";
import { expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-features-"));

it("a model trained with --features predicts from the raw two columns (nn computes x1², x1x2 itself)", async () => {
  const modelPath = join(dir, "circles.json");
  const train = await runCli(["train", "--data", "circles", "--samples", "200", "--epochs", "40", "--layers", "4", "--features", "x1sq,x2sq,x1x2", "--save", modelPath]);
  expect(train.code).toBe(0);
  const meta = (JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: Record<string, unknown> }).metadata;
  expect(meta.inputFeatures).toBe(3);
  expect(meta.derivedInputs).toEqual(["x1sq", "x2sq", "x1x2"]);

  const points = [[0.1, -0.2], [1.0, 0.5], [-0.7, 0.3]];
  const input = join(dir, "raw.csv");
  writeFileSync(input, "x1,x2\n" + points.map((p) => p.join(",")).join("\n") + "\n");
  const predicted = await runCli(["predict", "--model", modelPath, "--input", input]);
  expect(predicted.stderr).toBe("");
  expect(predicted.code).toBe(0);
  const lines = predicted.stdout.trimEnd().split("\n");
  expect(lines).toHaveLength(4);

  // By hand: the features x1², x2², x1·x2 of each point, standardised with the stored statistics.
  const model = Sequential.fromJSON(readFileSync(modelPath, "utf8"));
  const stats = meta.inputScaler as Record<string, number[]>;
  const spread = stats.scale ?? stats.std;
  const rows = points.map(([a, b]) => [a * a, b * b, a * b].map((v, j) => (v - stats.mean[j]) / spread[j]));
  const p = model.forward(new Tensor(Float32Array.from(rows.flat()), [3, 3]), "eval").data;
  lines.slice(1).forEach((line, i) => expect(Number(line.split(",")[2])).toBeCloseTo(p[i], 5));
});
