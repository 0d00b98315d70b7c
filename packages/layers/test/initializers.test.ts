import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { Dense, INIT_SCHEMES, type InitScheme, Sequential, initWeight, initializers } from "../src/index.js";
import { L2Penalty, BatchNorm1d } from "../src/index.js";

// Weight [in, out] = [400, 300]: fanIn = 400, fanOut = 300.
const FAN_IN = 400, FAN_OUT = 300;
// Target standard deviations from the papers: He et al. 2015 Var = 2/fanIn; Glorot & Bengio 2010
// Var = 2/(fanIn + fanOut); LeCun Var = 1/fanIn. A uniform(±b) has Var = b²/3.
const EXPECTED_STD: Record<Exclude<InitScheme, "zeros">, number> = {
  "he-normal": Math.sqrt(2 / FAN_IN),
  "he-uniform": Math.sqrt(2 / FAN_IN),
  "xavier-normal": Math.sqrt(2 / (FAN_IN + FAN_OUT)),
  "xavier-uniform": Math.sqrt(2 / (FAN_IN + FAN_OUT)),
  "lecun-normal": Math.sqrt(1 / FAN_IN),
};

describe("initializers", () => {
  it.each(Object.entries(EXPECTED_STD))("%s has the paper's standard deviation", (scheme, std) => {
    const w = initWeight(scheme as InitScheme, [FAN_IN, FAN_OUT], createRng(1), "float64").data;
    const n = w.length;
    let mean = 0;
    for (const v of w) mean += v;
    mean /= n;
    let ss = 0;
    for (const v of w) ss += (v - mean) ** 2;
    const sampleStd = Math.sqrt(ss / (n - 1));
    // 120 000 samples: the std estimate's relative standard error is about 1/√(2n) ≈ 0.2%
    expect(Math.abs(sampleStd / std - 1)).toBeLessThan(0.01);
    expect(Math.abs(mean)).toBeLessThan((5 * std) / Math.sqrt(n));
    if (scheme.endsWith("uniform")) {
      const bound = std * Math.sqrt(3);
      expect(Math.max(...Array.from(w, Math.abs))).toBeLessThanOrEqual(bound);
    }
  });

  it("zeros is all zeros; every scheme is seeded and reachable by name", () => {
    expect(Array.from(initWeight("zeros", [3, 2], createRng(1)).data)).toEqual([0, 0, 0, 0, 0, 0]);
    for (const scheme of INIT_SCHEMES) {
      const a = initializers[scheme]([5, 4], createRng(3), "float64"), b = initializers[scheme]([5, 4], createRng(3), "float64");
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
      expect(Array.from(new Dense(5, 4, { init: scheme, rng: createRng(3), dtype: "float64" }).weight.value.data)).toEqual(Array.from(a.data));
    }
  });
});

describe("L2Penalty", () => {
  it("penalises Dense weights only by default: (λ/2)·Σw², gradient λ·w added in", () => {
    const a = new Dense(1, 2, { dtype: "float64" }), b = new Dense(2, 1, { dtype: "float64" });
    a.weight.value.data.set([1, 2]);
    a.bias?.value.data.set([5, 5]);
    b.weight.value.data.set([3, -1]);
    const model = new Sequential([a, new BatchNorm1d(2, { dtype: "float64" }), b]);
    const l2 = new L2Penalty(model.parameters(), { lambda: 0.1 });
    expect(l2.params.map((p) => p.name)).toEqual(["layers.0.weight", "layers.2.weight"]);
    // Σw² = 1 + 4 + 9 + 1 = 15 → 0.05·15
    expect(l2.value()).toBeCloseTo(0.75, 15);
    a.weight.grad.data.set([1, 1]);
    l2.backward();
    expect(Array.from(a.weight.grad.data)).toEqual([1.1, 1.2]);
    expect(Array.from(b.weight.grad.data)).toEqual([0.30000000000000004, -0.1]);
    expect(Array.from(a.bias?.grad.data ?? [])).toEqual([0, 0]);
    const all = new L2Penalty(model.parameters(), { lambda: 1, include: () => true });
    expect(all.params.length).toBe(6);
    expect(() => new L2Penalty([], { lambda: -1 })).toThrow("L2Penalty: lambda must be a finite number >= 0, got -1");
  });
});
