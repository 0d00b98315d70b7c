import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Sequential, decodeSafetensors, loadSafetensors } from "@nn/layers";
import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-export-pytorch-"));
const modelPath = join(dir, "moons.json");

describe("nn export to PyTorch and nn import --pytorch (without PyTorch)", () => {
  it("writes PyTorch-named weights with the standardisation as module 0, and a module file that builds the same tree", async () => {
    expect((await runCli(["train", "--epochs", "3", "--samples", "100", "--layers", "4", "--save", modelPath])).code).toBe(0);
    const weights = join(dir, "moons.safetensors"), moduleFile = join(dir, "moons.py");
    const a = await runCli(["export", "--model", modelPath, "--output", weights]);
    expect(a.stdout).toBe(`wrote ${weights}: Sequential(4 layers), PyTorch names and layouts, inputs standardised by module 0\n`);
    const b = await runCli(["export", "--model", modelPath, "--output", moduleFile]);
    expect(b.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["moons.json", "moons.py", "moons.safetensors"]);

    const saved = Sequential.fromJSON(readFileSync(modelPath, "utf8"));
    const scaler = saved.metadata?.inputScaler as { mean: number[]; scale: number[] };
    const { tensors } = decodeSafetensors(new Uint8Array(readFileSync(weights)));
    expect([...tensors.keys()]).toEqual(["0.mean", "0.std", "1.weight", "1.bias", "3.weight", "3.bias"]);
    const loaded = loadSafetensors(saved.cast("float32"), new Uint8Array(readFileSync(weights)), { naming: "pytorch" });
    expect(loaded.standardize).toEqual({ mean: scaler.mean, std: scaler.scale });

    const source = readFileSync(moduleFile, "utf8");
    expect(source).toContain("DTYPE = torch.float32");
    expect(source).toContain(`            mean=[${scaler.mean.map(String).join(", ")}],`);
    expect(source).toContain("        nn.Linear(2, 4, bias=True, dtype=DTYPE),\n        nn.ReLU(),\n        nn.Linear(4, 1, bias=True, dtype=DTYPE),\n        nn.Sigmoid(),\n");
  });

  it("nn import takes the weights back bit for bit and refuses a file of another architecture, naming the tensor", async () => {
    const weights = join(dir, "moons.safetensors");
    const imported = join(dir, "imported.json");
    const ok = await runCli(["import", "--pytorch", weights, "--like", modelPath, "--output", imported]);
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toBe(`wrote ${imported}: Sequential(4 layers) with the weights of ${weights}, input scaling from module 0\n`);
    const bits = (m: Sequential) => m.parameters().map((p) => Array.from(p.value.data));
    const original = Sequential.fromJSON(readFileSync(modelPath, "utf8")), back = Sequential.fromJSON(readFileSync(imported, "utf8"));
    expect(bits(back)).toEqual(bits(original));
    expect(back.metadata).toEqual(original.metadata);

    const wider = join(dir, "wider.json");
    expect((await runCli(["train", "--epochs", "1", "--samples", "100", "--layers", "5", "--save", wider])).code).toBe(0);
    const refused = await runCli(["import", "--pytorch", weights, "--like", wider, "--output", join(dir, "never.json")]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `nn import: ${weights} does not fit ${wider}: safetensors: tensor "1.weight" has shape [4,2] but the model's Dense(2→5) "layers.0" weight needs [5,2], in PyTorch's [out, in] layout\n`,
    );
    const garbage = join(dir, "garbage.safetensors");
    writeFileSync(garbage, "not a safetensors file at all");
    const bad = await runCli(["import", "--pytorch", garbage, "--like", modelPath, "--output", join(dir, "never.json")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^nn import: .*garbage\.safetensors does not fit .*: safetensors: the header length is \d+ bytes but only 21 follow it/);
    expect((await runCli(["import", "--like", modelPath, "--output", imported])).stderr.trim()).toBe("nn import: --pytorch is required");
    expect(readdirSync(dir)).not.toContain("never.json");
  });

  it("nn predict --exact prints every digit of the probabilities", async () => {
    const inputs = join(dir, "x.csv");
    writeFileSync(inputs, "0.5,0.25\n-1,2\n");
    const rounded = await runCli(["predict", "--model", modelPath, "--input", inputs]);
    const exact = await runCli(["predict", "--model", modelPath, "--input", inputs, "--exact"]);
    const p = (text: string) => text.trim().split("\n").slice(1).map((l) => Number(l.split(",")[2]));
    p(exact.stdout).forEach((v, i) => {
      expect(Math.abs(v - p(rounded.stdout)[i])).toBeLessThanOrEqual(5e-7);
      expect(Math.fround(v)).toBe(v); // a float32 model's sigmoid output, printed exactly
    });
  });
});
