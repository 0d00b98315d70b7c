import { chmod, mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dense, ReLU, Sequential } from "../src/index.js";
import { loadModel, saveModel } from "../src/node/index.js";

function model(seed: number): Sequential {
  return new Sequential([new Dense(2, 3, { rng: createRng(seed) }), new ReLU(), new Dense(3, 1, { rng: createRng(seed + 1) })]);
}

describe("saveModel / loadModel", () => {
  it("round-trips a model with metadata and leaves no temp file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nn-layers-"));
    const path = join(dir, "model.json");
    const m = model(1);
    await saveModel(m, path, { classNames: ["a", "b"] });
    const loaded = await loadModel(path);
    expect(Array.from(loaded.parameters()[0].value.data)).toEqual(Array.from(m.parameters()[0].value.data));
    expect(loaded.metadata).toEqual({ classNames: ["a", "b"] });
    expect(await readdir(dir)).toEqual(["model.json"]);
  });

  it("a save that cannot happen leaves the old file intact and names the path", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nn-layers-"));
    const path = join(dir, "model.json");
    await saveModel(model(1), path);
    const before = await readFile(path, "utf8");
    await chmod(path, 0o444); // read-only: refused even for root, who could write it anyway
    await expect(saveModel(model(7), path)).rejects.toThrow(`cannot write ${path}: the file is read-only`);
    expect(await readFile(path, "utf8")).toBe(before);
    expect(await readdir(dir)).toEqual(["model.json"]);
  });

  it("loadModel refuses a corrupt file with the model-file error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nn-layers-"));
    const path = join(dir, "bad.json");
    await writeFile(path, '{"format": "nn-model", "version": 9}');
    await expect(loadModel(path)).rejects.toThrow("model file: version is 9, newer than this @nn/layers reads (1)");
  });
});
