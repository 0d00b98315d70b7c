import { type DType, type Tensor, createRng, randn } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import * as layers from "../src/index.js";
import { Dense, type JsonObject, type Layer, ReLU, Sequential, layerFromJSON, registeredLayerTypes } from "../src/index.js";
import { everyLayer } from "./helpers/every-layer.js";
import { refusal } from "./helpers/model-file-refusal.js";

function bytes(t: Tensor): number[] {
  return Array.from(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
}

function stateBytes(model: Layer): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const p of model.parameters()) out[p.name] = bytes(p.value);
  for (const b of model.buffers()) out[b.name] = bytes(b.value);
  return out;
}

function validFile(): JsonObject {
  const model = new Sequential([new Dense(2, 3, { rng: createRng(1) }), new ReLU(), new Dense(3, 1, { rng: createRng(2) })]);
  return JSON.parse(JSON.stringify(model.toJSON())) as JsonObject;
}

describe("model file round trip", () => {
  for (const dtype of ["float32", "float64"] as DType[]) {
    it.each(everyLayer(dtype).map(([name, layer]) => [name, layer] as const))(`%s (${dtype}) round-trips bit for bit`, (_name, layer) => {
      const model = new Sequential([new Dense(3, 4, { rng: createRng(5), dtype }), layer]);
      const text = JSON.stringify(model.toJSON());
      const loaded = Sequential.fromJSON(text);
      expect(loaded.dtype).toBe(dtype);
      expect(loaded.layers.map((l) => l.describe())).toEqual(model.layers.map((l) => l.describe()));
      expect(JSON.stringify(loaded.layers[1].toSpec())).toBe(JSON.stringify(layer.toSpec()));
      expect(stateBytes(loaded)).toEqual(stateBytes(model));
      const x = randn([5, 3], createRng(6), { dtype });
      expect(Array.from(loaded.forward(x, "eval").data)).toEqual(Array.from(model.forward(x, "eval").data));
    });
  }

  it("keeps −0, NaN and subnormal weights exactly", () => {
    const model = new Sequential([new Dense(2, 2, { dtype: "float64" })]);
    model.parameters()[0].value.data.set([-0, NaN, 5e-324, 1 / 3]);
    const loaded = Sequential.fromJSON(JSON.stringify(model));
    expect(stateBytes(loaded)).toEqual(stateBytes(model));
    expect(Object.is(loaded.parameters()[0].value.data[0], -0)).toBe(true);
  });

  it("stores metadata and restores it as model.metadata", () => {
    const model = new Sequential([new Dense(2, 1)]);
    const metadata = { classNames: ["no", "yes"], scaling: { mean: [0.5, 1], std: [2, 3] } };
    const loaded = Sequential.fromJSON(JSON.stringify(model.toJSON(metadata)));
    expect(loaded.metadata).toEqual(metadata);
    expect(Sequential.fromJSON(loaded.toJSON()).metadata).toEqual(metadata);
  });

  it("covers every registered layer type and every exported layer class", () => {
    const covered = new Set(everyLayer("float32").map(([, l]) => l.typeName));
    expect(registeredLayerTypes().filter((t) => !covered.has(t))).toEqual([]);
    const exportedLayers = Object.entries(layers).filter(([, v]) => {
      const proto: unknown = typeof v === "function" ? (v as { prototype?: unknown }).prototype : undefined;
      return typeof proto === "object" && proto !== null && "forward" in proto && "toSpec" in proto && v !== layers.ElementwiseActivation;
    });
    expect(exportedLayers.map(([name]) => name).filter((name) => !covered.has(name))).toEqual([]);
  });

  it("layerFromJSON rebuilds a single layer from its spec", () => {
    const layer = layerFromJSON({ type: "LeakyReLU", config: { alpha: 0.3 } });
    expect(layer.describe()).toBe("LeakyReLU(0.3)");
    expect(layer.dtype).toBeUndefined();
    expect(layer.toSpec()).toEqual({ type: "LeakyReLU", config: { alpha: 0.3 } });
    // files written by 0.1 stored a dtype on layers without parameters: still read, then ignored
    expect(layerFromJSON({ type: "LeakyReLU", config: { alpha: 0.3, dtype: "float64" } }).dtype).toBeUndefined();
    expect(() => layerFromJSON({ type: "ReLU", config: { dtype: "float16" } })).toThrow('model file: layer.config.dtype must be one of "float32", "float64", got "float16"');
  });
});

describe("model file refusals name the field", () => {
  it("text that is not JSON (or is truncated)", () => {
    const text = JSON.stringify(validFile());
    expect(refusal(text.slice(0, text.length / 2))).toMatch(/^model file: is not valid JSON \(.*\); the file may be truncated or not a model file$/);
    expect(refusal("hello")).toMatch(/^model file: is not valid JSON/);
  });

  it("wrong format", () => {
    expect(refusal({ ...validFile(), format: "onnx" })).toBe('model file: format must be "nn-model", got "onnx"');
    expect(refusal([])).toBe("model file: (top level) must be an object, got an array");
  });

  it("future or invalid version", () => {
    expect(refusal({ ...validFile(), version: 2 })).toBe("model file: version is 2, newer than this @nn/layers reads (1); upgrade @nn/layers to load it");
    expect(refusal({ ...validFile(), version: "1" })).toBe('model file: version must be a positive integer, got "1"');
  });

  it("missing or invalid config fields", () => {
    const file = validFile();
    const layersOf = (f: JsonObject) => f.layers as { type: string; config: JsonObject }[];
    layersOf(file)[2].config.inFeatures = -3;
    expect(refusal(file)).toBe("model file: layers[2].config.inFeatures must be a positive integer, got -3");
    const missing = validFile();
    delete layersOf(missing)[0].config.outFeatures;
    expect(refusal(missing)).toBe("model file: layers[0].config.outFeatures must be a positive integer, got nothing (missing)");
    const unknownType = validFile();
    layersOf(unknownType)[1].type = "Swish";
    expect(refusal(unknownType)).toMatch(/^model file: layers\[1\]\.type is "Swish", not a known layer type \(known: Dense, ReLU/);
    const extraOption = validFile();
    layersOf(extraOption)[1].config.inplace = true;
    expect(refusal(extraOption)).toBe("model file: layers[1].config.inplace is not an option of ReLU (options: dtype)");
    // float32 Dense, ReLU, float64 Dense, each with weights of its own dtype: the mix itself is refused
    const mixed = validFile();
    const f64 = JSON.parse(JSON.stringify(new Sequential([new Dense(3, 1, { dtype: "float64" })]).toJSON())) as JsonObject;
    layersOf(mixed)[2] = layersOf(f64)[0];
    const weights = mixed.weights as JsonObject, weights64 = f64.weights as JsonObject;
    weights["layers.2.weight"] = weights64["layers.0.weight"];
    weights["layers.2.bias"] = weights64["layers.0.bias"];
    expect(refusal(mixed)).toBe("model file: layers[2] is Dense(3→1) in float64 but layers[0] is float32; a model has one dtype");
    const noLayers = validFile();
    delete noLayers.layers;
    expect(refusal(noLayers)).toBe("model file: layers must be an array, got nothing (missing)");
  });

  it("truncated weights", () => {
    const file = validFile();
    const w = (file.weights as Record<string, { data: string }>)["layers.0.weight"];
    w.data = w.data.slice(0, 8); // 6 bytes of the 24 a [2, 3] float32 weight needs
    expect(refusal(file)).toBe('model file: weights["layers.0.weight"].data holds 6 bytes but shape [2,3] float32 needs 24 (truncated weights?)');
    w.data = "abc";
    expect(refusal(file)).toBe('model file: weights["layers.0.weight"].data has length 3, not a multiple of 4 (truncated base64?)');
  });

  it("wrong weight count: missing, extra or mis-shaped entries", () => {
    const missing = validFile();
    delete (missing.weights as JsonObject)["layers.2.bias"];
    expect(refusal(missing)).toBe('model file: weights["layers.2.bias"] is missing');
    const extra = validFile();
    (extra.weights as JsonObject)["layers.1.weight"] = (extra.weights as JsonObject)["layers.0.bias"];
    expect(refusal(extra)).toBe('model file: weights["layers.1.weight"] is not a parameter or buffer of this architecture (wrong weight count)');
    const shaped = validFile();
    ((shaped.weights as JsonObject)["layers.0.weight"] as JsonObject).shape = [3, 2];
    expect(refusal(shaped)).toBe('model file: weights["layers.0.weight"].shape is [3,2] but the layer needs [2,3] (wrong weight count for this architecture)');
    const dtype = validFile();
    ((dtype.weights as JsonObject)["layers.0.weight"] as JsonObject).dtype = "float64";
    expect(refusal(dtype)).toBe('model file: weights["layers.0.weight"].dtype is "float64" but the layer is float32');
  });
});
