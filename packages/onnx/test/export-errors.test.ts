import { lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Dense, LayerNorm, Sequential, Softplus } from "@nn/layers";
import { exportONNX, OnnxConversionError } from "../src/index.js";
import { loadONNX, saveONNX } from "../src/node/index.js";

describe("unknown-option-keys-refused", () => {
  it("a misspelled export option names the closest one", () => {
    const model = new Sequential([new Dense(2, 3)]);
    expect(() => exportONNX(model, { opSet: 13 } as never)).toThrow('exportONNX: unknown option "opSet" (did you mean "opset"?)');
  });
});

describe("exportONNX refuses what ONNX cannot express, by name", () => {
  it("Softplus with beta ≠ 1", () => {
    const model = new Sequential([new Dense(2, 3), new Softplus({ beta: 2 })]);
    expect(() => exportONNX(model)).toThrow(OnnxConversionError);
    expect(() => exportONNX(model)).toThrow(/layers\.1 Softplus\(beta 2, threshold 20\)/);
  });

  it("LayerNorm below opset 17", () => {
    const model = new Sequential([new Dense(2, 3), new LayerNorm(3)]);
    expect(() => exportONNX(model, { opset: 13 })).toThrow(/layers\.1 LayerNorm needs opset 17 or later/);
    expect(() => exportONNX(model, { opset: 17 })).not.toThrow();
  });

  it("an opset outside the supported range, and clashing names", () => {
    const model = new Sequential([new Dense(2, 3)]);
    expect(() => exportONNX(model, { opset: 12 })).toThrow(/opset must be an integer in \[13, 21\], got 12/);
    expect(() => exportONNX(model, { inputName: "x", outputName: "x" })).toThrow(/inputName and outputName must be different/);
  });
});

describe("@nn/onnx/node", () => {
  it("saves atomically and loads back; errors name the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-onnx-"));
    const path = join(dir, "model.onnx");
    const model = new Sequential([new Dense(2, 3)]);
    await saveONNX(model, path);
    expect(readdirSync(dir)).toEqual(["model.onnx"]); // no temporary file left behind
    const back = await loadONNX(path);
    expect(Array.from(back.parameters()[0].value.data)).toEqual(Array.from(model.parameters()[0].value.data));
    writeFileSync(join(dir, "bad.onnx"), readFileSync(path).subarray(0, 20));
    await expect(loadONNX(join(dir, "bad.onnx"))).rejects.toThrow(/bad\.onnx: ONNX: /);
  });

  it("a failed export leaves an existing file untouched", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-onnx-"));
    const path = join(dir, "model.onnx");
    writeFileSync(path, "previous");
    await expect(saveONNX(new Sequential([new Dense(2, 3), new Softplus({ beta: 3 })]), path)).rejects.toThrow(/Softplus/);
    expect(readFileSync(path, "utf8")).toBe("previous");
  });
});

describe("saveONNX writes through writeFileSafely", () => {
  it("follows a symbolic link into the real file and refuses a directory, naming it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nn-onnx-"));
    writeFileSync(join(dir, "real.onnx"), "previous");
    symlinkSync("real.onnx", join(dir, "link.onnx"));
    await saveONNX(new Sequential([new Dense(2, 3)]), join(dir, "link.onnx"));
    expect(lstatSync(join(dir, "link.onnx")).isSymbolicLink()).toBe(true);
    expect((await loadONNX(join(dir, "real.onnx"))).parameters()[0].value.shape).toEqual([2, 3]);
    await expect(saveONNX(new Sequential([new Dense(2, 3)]), dir)).rejects.toThrow(`cannot write ${dir}: it is a directory`);
  });
});
