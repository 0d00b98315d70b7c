import { describe, expect, it } from "vitest";
import type { Sequential } from "@nn/layers";
import { exportONNX, importONNX } from "../src/index.js";
import { batch, modelZoo } from "./models.js";

/** Every parameter and buffer as raw bytes, keyed by state-dict name. */
function stateBytes(model: Sequential): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of [...model.parameters(), ...model.buffers()]) {
    if (p.name.endsWith("num_batches_tracked")) continue; // not part of the inference graph
    const d = p.value.data;
    out.set(p.name, Array.from(new Uint8Array(d.buffer, d.byteOffset, d.byteLength)));
  }
  return out;
}

const kinds = (model: Sequential): string[] => model.layers.map((l) => l.describe());

describe.each(["float32", "float64"] as const)("export → import round trip (%s)", (dtype) => {
  for (const { name, model, inputs } of modelZoo(dtype)) {
    it(`${name}: same layers, every weight bit for bit, same outputs`, () => {
      const back = importONNX(exportONNX(model));
      expect(back.dtype).toBe(dtype);
      // Dropout is not part of the inference graph, so it does not come back.
      const expectedKinds = kinds(model).filter((k) => !k.startsWith("Dropout"));
      expect(kinds(back).length).toBe(expectedKinds.length);
      const original = stateBytes(model), imported = stateBytes(back);
      const renumbered = [...original.values()];
      expect([...imported.values()]).toEqual(renumbered);
      if (!name.includes("Dropout")) expect([...imported.keys()]).toEqual([...original.keys()]);
      const x = batch(7, inputs, dtype);
      const want = model.forward(x, "eval").clone().data;
      const got = back.forward(x, "eval").data;
      // Attributes ONNX keeps as float32 (LeakyReLU alpha, epsilon) may move the output by an ulp or so.
      for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(dtype === "float32" ? 1e-6 : 1e-12 * Math.max(1, Math.abs(want[i])));
    });
  }
});

describe("standardize: raw inputs scaled inside the graph", () => {
  it("exports (x − mean)/std before the first layer, runs as the scaled model, and imports back as metadata", async () => {
    const { Dense, Sequential } = await import("@nn/layers");
    const { tensor } = await import("@nn/tensor");
    const ort = await import("onnxruntime-node");
    const model = new Sequential([new Dense(2, 3, { dtype: "float64" })]);
    const standardize = { mean: [1.5, -2], std: [0.5, 4] };
    const bytes = exportONNX(model, { standardize });
    const raw = tensor([[2, 2], [1, -6]], "float64");
    const scaled = tensor([[(2 - 1.5) / 0.5, (2 + 2) / 4], [(1 - 1.5) / 0.5, (-6 + 2) / 4]], "float64");
    const session = await ort.InferenceSession.create(bytes);
    const { output } = await session.run({ input: new ort.Tensor("float64", raw.data, [2, 2]) });
    const want = model.forward(scaled, "eval").data;
    Array.from(output.data as Float64Array).forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12));
    const back = importONNX(bytes);
    expect(back.metadata).toEqual({ standardize });
    expect(() => exportONNX(model, { standardize: { mean: [0], std: [1] } })).toThrow(/must have 2 values/);
    expect(() => exportONNX(model, { standardize: { mean: [0, 0], std: [1, 0] } })).toThrow(/feature 1: .*std a positive finite number/);
  });
});
