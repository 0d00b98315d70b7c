import { type DType, createRng } from "@nn/tensor";
import { beforeEach, describe, expect, it } from "vitest";
import { Dense, type JsonObject, MAX_DECLARED_WIDTH, ReLU, Sequential, layerFromJSON, registerLayer } from "../src/index.js";
import { planWeights } from "../src/serialize/weight-plan.js";
import { resolveLayerSpec } from "../src/serialize/registry.js";
import { everyLayer } from "./helpers/every-layer.js";
import { refusal } from "./helpers/model-file-refusal.js";

// Issue 19 item 6: a 14 kB file declaring Dense outFeatures 1073741824 made `nn summary` build and
// randomly initialise an 8 GB layer before any size was checked. These tests count the layers
// built (a probe layer type whose factory counts its calls), not the time taken.

let built = 0;
registerLayer("TestProbe", ["dtype"], () => {
  built++;
  return new ReLU();
}, () => ({ own: [] }));
// A layer type registered the old way, without a declaration: its weights are checked after it is built.
registerLayer("TestUndeclaredDense", ["inFeatures", "outFeatures"], (c) => new Dense(c.inFeatures as number, c.outFeatures as number, { rng: createRng(3) }));

beforeEach(() => {
  built = 0;
});

function fileWith(mutate: (layers: { type: string; config: JsonObject }[], weights: Record<string, JsonObject>) => void): JsonObject {
  const model = new Sequential([new ReLU(), new Dense(2, 3, { rng: createRng(1) }), new ReLU(), new Dense(3, 1, { rng: createRng(2) })]);
  const file = JSON.parse(JSON.stringify(model.toJSON())) as JsonObject;
  const layers = file.layers as { type: string; config: JsonObject }[];
  layers[0] = { type: "TestProbe", config: { dtype: "float32" } };
  mutate(layers, file.weights as Record<string, JsonObject>);
  return file;
}

describe("model file sizes are checked before any layer is built", () => {
  it("the probe layer is built when the file is sound (the counter works)", () => {
    Sequential.fromJSON(fileWith(() => undefined));
    expect(built).toBe(1);
  });

  it("refuses Dense outFeatures 1073741824 by its field, building nothing", () => {
    const file = fileWith((layers) => {
      layers[1].config.outFeatures = 1073741824;
    });
    expect(refusal(file)).toBe(
      `model file: layers[1].config.outFeatures is 1073741824, more than the ${MAX_DECLARED_WIDTH} a model file may declare (a corrupt or hostile file?)`,
    );
    expect(built).toBe(0);
  });

  it("refuses a width under the limit that the weights present do not carry, building nothing", () => {
    // 2²⁰ outputs would be a [2, 1048576] weight (8 MiB); the file holds the 24 bytes of a [2, 3] one.
    const file = fileWith((layers) => {
      layers[1].config.outFeatures = 2 ** 20;
    });
    expect(refusal(file)).toBe('model file: weights["layers.1.weight"].shape is [2,3] but the layer needs [2,1048576] (wrong weight count for this architecture)');
    expect(built).toBe(0);
  });

  it("refuses a file whose shapes agree with the huge claim but whose bytes do not", () => {
    const file = fileWith((layers, weights) => {
      layers[1].config.outFeatures = 2 ** 20;
      weights["layers.1.weight"].shape = [2, 2 ** 20];
    });
    expect(refusal(file)).toBe('model file: weights["layers.1.weight"].data holds 24 bytes but shape [2,1048576] float32 needs 8388608 (truncated weights?)');
    expect(built).toBe(0);
  });

  it("refuses BatchNorm1d and LayerNorm widths past the limit through layerFromJSON alone", () => {
    for (const type of ["BatchNorm1d", "LayerNorm"]) {
      const config: JsonObject = { features: 2 ** 31, eps: 1e-5, dtype: "float32", ...(type === "BatchNorm1d" ? { momentum: 0.1 } : {}) };
      expect(() => layerFromJSON({ type, config })).toThrow(`layer.config.features is 2147483648, more than the ${MAX_DECLARED_WIDTH}`);
    }
  });

  it("refuses missing or extra weights before building", () => {
    expect(refusal(fileWith((_, weights) => void delete weights["layers.3.bias"]))).toBe('model file: weights["layers.3.bias"] is missing');
    expect(built).toBe(0);
    expect(refusal(fileWith((_, weights) => void (weights["layers.0.weight"] = weights["layers.1.bias"])))).toBe(
      'model file: weights["layers.0.weight"] is not a parameter or buffer of this architecture (wrong weight count)',
    );
    expect(built).toBe(0);
  });

  it("still loads a layer type registered without a declaration, checking it after building", () => {
    const model = new Sequential([new Dense(2, 3, { rng: createRng(4) })]);
    const file = JSON.parse(JSON.stringify(model.toJSON())) as JsonObject;
    (file.layers as JsonObject[])[0] = { type: "TestUndeclaredDense", config: { inFeatures: 2, outFeatures: 3 } };
    const loaded = Sequential.fromJSON(file);
    expect(Array.from(loaded.parameters()[0].value.data)).toEqual(Array.from(model.parameters()[0].value.data));
  });
});

describe("what a config declares is what the built layer holds", () => {
  for (const dtype of ["float32", "float64"] as DType[]) {
    it.each(everyLayer(dtype).map(([name, layer]) => [name, layer] as const))(`%s (${dtype})`, (_name, layer) => {
      const spec = layer.toSpec();
      const plan = planWeights([{ type: spec.type, config: spec.config }], "layers", resolveLayerSpec);
      const held = [...layer.parameters(), ...layer.buffers()].map((w) => ({ name: `layers.0.${w.name}`, dtype: w.value.dtype, shape: w.value.shape }));
      expect([...plan.declared.values()].map((w) => ({ name: w.name, dtype: w.dtype, shape: [...w.shape] }))).toEqual(held);
      expect(plan.unplanned).toEqual([]);
    });
  }

  it("plans 20,000 nested Residuals without deepening the stack", () => {
    let spec: JsonObject = { type: "Dense", config: { inFeatures: 2, outFeatures: 2, bias: false, init: "he-normal", dtype: "float32" } };
    for (let i = 0; i < 20_000; i++) spec = { type: "Residual", config: { block: spec } };
    const plan = planWeights([spec], "layers", resolveLayerSpec);
    const names = [...plan.declared.keys()];
    expect(names).toHaveLength(1);
    expect(names[0]).toBe(`layers.0.${"block.".repeat(20_000)}weight`);
  });
});
