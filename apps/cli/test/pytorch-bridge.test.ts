import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StandardScaler } from "@nn/datasets";
import {
  BatchNorm1d, Dense, Dropout, ELU, GELU, LayerNorm, LeakyReLU, Residual, Sequential, SiLU, SoftmaxCrossEntropy, Softplus, Tanh,
} from "@nn/layers";
import { saveModel } from "@nn/layers/node";
import { SGD } from "@nn/optim";
import { type DType, createRng, randn, tensor } from "@nn/tensor";
import { fit } from "@nn/train";
import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

// Debian's python3-torch installs for /usr/bin/python3; the python3 first on PATH may not see it.
const PYTHON = "/usr/bin/python3";
/** Why the test cannot run here, or undefined when it can. */
function skipReason(): string | undefined {
  // .ci/run installs python3-torch in the background and runs this file as its last step.
  if (process.env.NN_PYTORCH_BRIDGE === "deferred") return "deferred: .ci/run runs this file last, once python3-torch is installed";
  const probe = spawnSync(PYTHON, ["-c", "import torch"], { encoding: "utf8" });
  if (probe.status === 0) return undefined;
  return `${PYTHON} cannot import torch (${probe.error?.message ?? probe.stderr.trim().split("\n").pop()}); apt-get install -y python3-torch`;
}
const torchMissing = skipReason();
if (torchMissing !== undefined) console.warn(`pytorch-bridge.test.ts: the tests against real PyTorch are SKIPPED: ${torchMissing}`);

const dir = mkdtempSync(join(tmpdir(), "nn-pytorch-"));
const script = new URL("./fixtures/pytorch-roundtrip.py", import.meta.url).pathname;

interface TorchResult {
  before: number[][];
  after: number[][];
}

/** Class probabilities from `nn predict --exact`'s CSV (header dropped, class column dropped). */
async function nnPredict(model: string, inputs: string): Promise<number[][]> {
  const out = join(dir, "predictions.csv");
  const result = await runCli(["predict", "--model", model, "--input", inputs, "--exact", "--output", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return readFileSync(out, "utf8").trim().split("\n").slice(1).map((line) => line.split(",").slice(1).map(Number));
}

/**
 * The largest row-wise relative difference max_k |a_k − b_k| / max_k max(|a_k|, |b_k|) (the ∞-norm
 * of the difference over the ∞-norm of the row). Row-wise rather than element-wise: a softmax turns
 * the last-bit differences of float32 logits (summation order differs between PyTorch's BLAS and
 * nn's kernels) into a relative error of a small probability that grows as the probability shrinks
 * (0.049 off by 6.8e-8 is 1.4e-6 relative), while the row's scale stays 0.5–1.
 */
function worstRelative(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    let diff = 0, scale = 0;
    row.forEach((v, k) => {
      diff = Math.max(diff, Math.abs(v - b[i][k]));
      scale = Math.max(scale, Math.abs(v), Math.abs(b[i][k]));
    });
    const err = diff / scale;
    worst = Number.isNaN(err) ? Number.NaN : Math.max(worst, err);
  });
  return worst;
}

async function roundTrip(name: string, modelPath: string, inputs: string, labels: number[], tolerance: number): Promise<void> {
  const weights = join(dir, `${name}.safetensors`), moduleFile = join(dir, `${name}.py`), trained = join(dir, `${name}-trained.safetensors`);
  for (const output of [weights, moduleFile]) {
    const exported = await runCli(["export", "--model", modelPath, "--output", output]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
  }
  const labelsPath = join(dir, `${name}-labels.json`);
  writeFileSync(labelsPath, JSON.stringify(labels));
  const run = spawnSync(PYTHON, [script, moduleFile, weights, inputs, labelsPath, trained], { encoding: "utf8", timeout: 240_000 });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const torchSide = JSON.parse(run.stdout) as TorchResult;

  const before = worstRelative(await nnPredict(modelPath, inputs), torchSide.before);
  if (!(before <= tolerance)) throw new Error(`${name}: PyTorch and nn predict differ by ${before} (relative), more than ${tolerance}`);

  const imported = join(dir, `${name}-imported.json`);
  const back = await runCli(["import", "--pytorch", trained, "--like", modelPath, "--output", imported]);
  expect(back.stderr).toBe("");
  expect(back.code).toBe(0);
  const after = worstRelative(await nnPredict(imported, inputs), torchSide.after);
  if (!(after <= tolerance)) throw new Error(`${name}: after training in PyTorch, nn predict differs from PyTorch by ${after} (relative), more than ${tolerance}`);
  // The PyTorch steps changed the model: a comparison of an unchanged model would prove less.
  expect(worstRelative(torchSide.before, torchSide.after)).toBeGreaterThan(1e-4);
}

function writeInputs(name: string, rows: number[][], header: string[]): string {
  const path = join(dir, `${name}-inputs.csv`);
  writeFileSync(path, [header.join(","), ...rows.map((r) => r.join(","))].join("\n") + "\n");
  return path;
}

/** A float64 model with every layer kind PyTorch has, trained a few epochs with nn, saved with input scaling. */
async function float64Model(dtype: DType): Promise<{ path: string; inputs: string; labels: number[] }> {
  const rng = createRng(5);
  const model = new Sequential([
    new Dense(3, 8, { rng, dtype }),
    new BatchNorm1d(8, { dtype }),
    new ELU({ alpha: 0.7, dtype }),
    new Residual(new Sequential([new Dense(8, 8, { rng, dtype }), new LayerNorm(8, { dtype }), new GELU({ approximate: "tanh", dtype }), new Dropout(0.1, { dtype })])),
    new LeakyReLU(0.2, { dtype }),
    new Residual(new Sequential([new Dense(8, 8, { rng, dtype }), new SiLU({ dtype }), new Dense(8, 8, { bias: false, rng, dtype })])),
    new Softplus({ beta: 2, threshold: 10, dtype }),
    new Dense(8, 6, { rng, dtype }),
    new Tanh({ dtype }),
    new Dense(6, 3, { rng, dtype }),
  ]);
  const raw = randn([48, 3], createRng(6), { dtype: "float64", mean: 5, std: 3 });
  const labels = Array.from({ length: 48 }, (_, i) => (raw.data[i * 3] + raw.data[i * 3 + 1] > 10 ? 2 : raw.data[i * 3 + 2] > 5 ? 1 : 0));
  const scaler = new StandardScaler().fit(raw);
  const x = scaler.transform(raw);
  fit(model, { loss: new SoftmaxCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train: { x: x.astype(dtype), y: tensor(labels, dtype), numClasses: 3 }, epochs: 4, batchSize: 16, seed: 1 });
  const path = join(dir, `library-${dtype}.json`);
  await saveModel(model, path, { inputFeatures: 3, inputScaler: { ...scaler.toJSON() }, classNames: ["low", "mid", "high"], featureNames: ["a", "b", "c"] });
  const rows = Array.from({ length: 20 }, (_, i) => Array.from(raw.data.slice(i * 3, i * 3 + 3)));
  return { path, inputs: writeInputs(`library-${dtype}`, rows, ["a", "b", "c"]), labels: labels.slice(0, 20) };
}

describe("the PyTorch bridge, against real PyTorch", () => {
  it.skipIf(torchMissing !== undefined)("nn train → export → PyTorch predicts as nn predict (float32, 1e-6), trains, and nn import predicts as PyTorch", async () => {
    const modelPath = join(dir, "iris.json");
    const trained = await runCli(["train", "--data", "iris", "--layers", "16,8", "--activation", "gelu", "--optimizer", "adam", "--lr", "0.01", "--epochs", "40", "--save", modelPath]);
    expect(trained.code).toBe(0);
    const rows = Array.from({ length: 20 }, (_, i) => [4.3 + 0.19 * i, 2 + ((i * 7) % 23) / 10, 1 + 0.29 * i, 0.1 + 0.12 * i].map((v) => Number(v.toFixed(2))));
    const features = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];
    const saved = JSON.parse(readFileSync(modelPath, "utf8")) as { metadata: { featureNames: string[] } };
    expect(saved.metadata.featureNames.length).toBe(4);
    const inputs = writeInputs("iris", rows, saved.metadata.featureNames.length === 4 ? saved.metadata.featureNames : features);
    await roundTrip("iris", modelPath, inputs, rows.map((_, i) => i % 3), 1e-6);
  }, 300_000);

  it.skipIf(torchMissing !== undefined)("every layer PyTorch has, float64, to 1e-12, both ways", async () => {
    const { path, inputs, labels } = await float64Model("float64");
    await roundTrip("library-float64", path, inputs, labels, 1e-12);
  }, 300_000);

  it.skipIf(torchMissing !== undefined)("every layer PyTorch has, float32, to 1e-6, both ways", async () => {
    const { path, inputs, labels } = await float64Model("float32");
    await roundTrip("library-float32", path, inputs, labels, 1e-6);
  }, 300_000);
});
