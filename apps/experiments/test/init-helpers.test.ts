import { Dense } from "@nn/layers";
import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { buildMlp, setGlorotUniform, setSklearnInit } from "../src/experiment/mlp.js";

const dense = (m: ReturnType<typeof buildMlp>): Dense[] => m.layers.filter((l): l is Dense => l instanceof Dense);

describe("setGlorotUniform", () => {
  it("redraws only the part asked for, inside ±√(6/(fan_in + fan_out))", () => {
    const model = buildMlp({ inputs: 2, hidden: [64, 32], outputs: 1, seed: 3 });
    const before = dense(model).map((d) => Array.from(d.weight.value.data));
    setGlorotUniform(model, createRng(9), { weights: false, biases: true });
    dense(model).forEach((d, k) => {
      expect(Array.from(d.weight.value.data)).toEqual(before[k]);
      const bound = Math.sqrt(6 / (d.inFeatures + d.outFeatures));
      const b = Array.from(d.bias?.value.data ?? []);
      expect(b.length).toBe(d.outFeatures);
      // float32 storage may round a draw just past the bound by half an ulp.
      expect(b.every((v) => Math.abs(v) <= bound * (1 + 1e-6))).toBe(true);
      expect(b.filter((v) => v !== 0).length).toBe(b.length);
    });
  });

  it("with both parts is scikit-learn's draw order (weights then bias, layer by layer)", () => {
    const a = buildMlp({ inputs: 2, hidden: [8], outputs: 1, seed: 1 });
    const b = buildMlp({ inputs: 2, hidden: [8], outputs: 1, seed: 1 });
    setSklearnInit(a, createRng(5));
    setGlorotUniform(b, createRng(5), { weights: true, biases: true });
    expect(dense(a).map((d) => Array.from(d.bias?.value.data ?? []))).toEqual(dense(b).map((d) => Array.from(d.bias?.value.data ?? [])));
    const rng = createRng(5);
    const first = (2 * rng.next() - 1) * Math.sqrt(6 / (2 + 8));
    expect(dense(a)[0].weight.value.data[0]).toBeCloseTo(first, 6);
  });
});
