import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadONNX } from "@nn/onnx/node";
import { Sequential } from "@nn/layers";
import { describe, expect, it } from "vitest";
import { runCli } from "./fixtures/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "nn-export-"));
const modelPath = join(dir, "moons.json");
const onnxPath = join(dir, "moons.onnx");

describe("nn export", () => {
  it("writes the saved model as ONNX with its input scaling in the graph", async () => {
    expect((await runCli(["train", "--epochs", "5", "--samples", "200", "--save", modelPath])).code).toBe(0);
    const result = await runCli(["export", "--model", modelPath, "--output", onnxPath]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`wrote ${onnxPath}`);
    expect(readdirSync(dir).sort()).toEqual(["moons.json", "moons.onnx"]); // no temporary file left

    const saved = Sequential.fromJSON(readFileSync(modelPath, "utf8"));
    const scaler = saved.metadata?.inputScaler as { mean: number[]; scale: number[] };
    const onnx = await loadONNX(onnxPath);
    // A float32 graph holds the scaling constants in float32, as it holds the weights.
    expect(onnx.metadata).toEqual({ standardize: { mean: scaler.mean.map(Math.fround), std: scaler.scale.map(Math.fround) } });
    const bits = (m: Sequential) => m.parameters().map((p) => Array.from(p.value.data));
    expect(bits(onnx)).toEqual(bits(saved));
  });

  it("refuses bad usage with one line and exit code 2", async () => {
    const missing = await runCli(["export", "--output", onnxPath]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("nn export: --model is required");
    const opset = await runCli(["export", "--model", modelPath, "--output", onnxPath, "--opset", "9"]);
    expect(opset.code).toBe(2);
    expect(opset.stderr).toMatch(/--opset must be an integer in \[13, 21\], got 9/);
    const absent = await runCli(["export", "--model", join(dir, "nope.json"), "--output", onnxPath]);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/model file .*nope\.json does not exist/);
  });
});
