import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeMoons } from "@nn/datasets";
import { Sequential } from "@nn/layers";
import { Tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-predict-"));
const modelPath = join(dir, "moons.json");

describe("train --save, then predict on raw inputs", () => {
  it("round-trips through the saved model, its scaler and class names", async () => {
    const train = await runCli(["train", "--epochs", "150", "--optimizer", "adam", "--lr", "0.01", "--samples", "400", "--save", modelPath]);
    expect(train.code).toBe(0);
    expect(train.stdout).toContain(`model saved to ${modelPath}`);
    // Atomic save: only the model file, no temporary left behind.
    expect(readdirSync(dir)).toEqual(["moons.json"]);

    const file = JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: Record<string, unknown> };
    const meta = file.metadata;
    expect(meta.inputFeatures).toBe(2);
    expect(meta.classNames).toHaveLength(2);
    expect(meta.trainedEpochs).toBe(150);
    expect((meta.options as { layers: number[] }).layers).toEqual([64, 32]);
    const scaler = meta.inputScaler as { mean: number[]; scale?: number[]; std?: number[] };
    expect(scaler).not.toBeNull();

    // Fresh raw points from the same distribution (another seed), written without labels.
    const fresh = makeMoons({ n: 200, noise: 0.2, seed: 99 });
    const rows: string[] = ["x0,x1"];
    for (let i = 0; i < 200; i++) rows.push(`${fresh.x.data[2 * i]},${fresh.x.data[2 * i + 1]}`);
    const input = join(dir, "fresh.csv");
    writeFileSync(input, rows.join("\n") + "\n");

    const out = join(dir, "pred.csv");
    const predicted = await runCli(["predict", "--model", modelPath, "--input", input, "--output", out]);
    expect(predicted.code).toBe(0);
    const lines = readFileSync(out, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(`class,${(meta.classNames as string[]).map((c) => `p_${c}`).join(",")}`);
    expect(lines).toHaveLength(201);

    // Independently: standardise by hand from the stored statistics and run the model file.
    const model = Sequential.fromJSON(readFileSync(modelPath, "utf8"));
    const stats = scaler as unknown as Record<string, number[]>;
    const spread = stats.scale ?? stats.std;
    const scaled = new Float32Array(400);
    for (let i = 0; i < 200; i++) for (let j = 0; j < 2; j++) scaled[2 * i + j] = (fresh.x.data[2 * i + j] - stats.mean[j]) / spread[j];
    const p = model.forward(new Tensor(scaled, [200, 2]), "eval").data;
    let correct = 0;
    lines.slice(1).forEach((line, i) => {
      const [cls, p0, p1] = line.split(",");
      expect(Number(p1)).toBeCloseTo(p[i], 5);
      expect(Number(p0) + Number(p1)).toBeCloseTo(1, 5);
      expect(cls).toBe((meta.classNames as string[])[p[i] >= 0.5 ? 1 : 0]);
      if (Number(cls === (meta.classNames as string[])[1]) === fresh.y.data[i]) correct++;
    });
    // Held-out moons at noise 0.2: well above the ~86% a straight line gets.
    expect(correct / 200).toBeGreaterThan(0.9);

    const summary = await runCli(["summary", "--model", modelPath]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(/Dense\(2→64\)/);
    expect(summary.stdout).toContain("trained:  150 epochs, seed 1");
  });

  it("several classes: softmax probabilities under the data set's class names", async () => {
    const irisModel = join(dir, "iris.json");
    const train = await runCli(["train", "--data", "iris", "--epochs", "150", "--optimizer", "adam", "--lr", "0.01", "--save", irisModel]);
    expect(train.code).toBe(0);
    const input = join(dir, "iris.csv");
    // Rows 1 and 150 of Fisher's iris data: a setosa and a virginica.
    writeFileSync(input, "5.1,3.5,1.4,0.2\n5.9,3.0,5.1,1.8\n");
    const r = await runCli(["predict", "--model", irisModel, "--input", input]);
    expect(r.code).toBe(0);
    const [header, setosa, virginica] = r.stdout.trimEnd().split("\n");
    expect(header).toBe("class,p_setosa,p_versicolor,p_virginica");
    expect(setosa.split(",")[0]).toBe("setosa");
    expect(virginica.split(",")[0]).toBe("virginica");
    for (const line of [setosa, virginica]) {
      const p = line.split(",").slice(1).map(Number);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  });

  it("refuses a CSV whose width does not match the model, naming both widths", async () => {
    const wide = join(dir, "wide.csv");
    writeFileSync(wide, "1,2,3\n4,5,6\n");
    const r = await runCli(["predict", "--model", modelPath, "--input", wide]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`nn predict: ${wide} has 3 columns, the model takes 2 (x0, x1); first data row: line 1\n`);
  });

  it("Ctrl-C in plain mode with --save stops, saves the model so far and exits 130", async () => {
    const path = join(dir, "interrupted.json");
    const interrupt = new AbortController();
    const running = runCli(["train", "--epochs", "100000", "--samples", "200", "--layers", "8", "--save", path], interrupt.signal);
    await new Promise((r) => setTimeout(r, 300));
    interrupt.abort();
    const r = await running;
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/interrupted after \d+\/100000 epochs/);
    expect(existsSync(path)).toBe(true);
    const meta = (JSON.parse(readFileSync(path, "utf8")) as { metadata: { trainedEpochs: number } }).metadata;
    expect(meta.trainedEpochs).toBeGreaterThan(0);
    expect(meta.trainedEpochs).toBeLessThan(100000);
  });

  it("nn gradcheck passes on the flags' model and on the saved model", async () => {
    const fromFlags = await runCli(["gradcheck", "--layers", "5,3", "--activation", "tanh", "--samples", "50"]);
    expect(fromFlags.code).toBe(0);
    expect(fromFlags.stdout).toContain("gradcheck PASSED");
    expect(fromFlags.stdout).toMatch(/layers\.0\.weight +\[2, 5\]/);
    const fromFile = await runCli(["gradcheck", "--model", modelPath]);
    expect(fromFile.stdout).toMatch(/layers\.2\.weight +\[64, 32\]/);
  });
});
