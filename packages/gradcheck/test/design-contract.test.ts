// Calls the @nn/gradcheck API exactly as docs/api.md (its @nn/gradcheck section) writes it: checkLayer(layer, x,
// opts?), checkLoss(loss, pred, target, opts?), checkModel(model, loss, x, y, opts?) → a report
// { passed, maxRelError, entries: [{ name, maxRelError, worstIndex, analytic, numeric }] }, with
// the default tolerances atol 1e-8, rtol 1e-6 pinned by gradients that are wrong by a known amount.
import { undocumentedExports } from "../../../test-support/api-reference.js";
import { Dense, MSELoss, ReLU, Sequential } from "@nn/layers";
import { Tensor, createRng, tensor, zeros } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type GradcheckReport, type Layer, type Loss, type Parameter, checkLayer, checkLoss, checkModel } from "../src/index.js";

/**
 * y[r, j] = w[j]·x[r, j]. Its backward multiplies every true derivative by (1 + skew), so each
 * analytic value a relates to the numeric n ≈ true value by |a − n| / max(|a|, |n|) = skew/(1+skew).
 * The function is linear in x and in w, so central differences are exact up to rounding (~1e-10
 * relative), far below the skews tested.
 */
class SkewedScale implements Layer {
  readonly dtype = "float64" as const;
  readonly weight: Parameter;
  private x: Tensor | null = null;

  constructor(w: number[], readonly skew: number) {
    const value = tensor(w, "float64");
    this.weight = { name: "weight", value, grad: zeros(value.shape, "float64") };
  }

  parameters(): Parameter[] {
    return [this.weight];
  }

  forward(x: Tensor): Tensor {
    this.x = x;
    const f = x.shape[1], w = this.weight.value.data;
    const y = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) y[i] = w[i % f] * x.data[i];
    return new Tensor(y, x.shape);
  }

  backward(dy: Tensor): Tensor {
    const x = this.x!, f = x.shape[1], w = this.weight.value.data, dw = this.weight.grad.data;
    const k = 1 + this.skew;
    const dx = new Float64Array(x.size);
    for (let i = 0; i < x.size; i++) {
      dx[i] = k * dy.data[i] * w[i % f];
      dw[i % f] += k * dy.data[i] * x.data[i];
    }
    return new Tensor(dx, x.shape);
  }
}

/** Mean squared error whose backward is scaled by (1 + skew). */
class SkewedMse implements Loss {
  private diff: Float64Array | null = null;
  private shape: readonly number[] = [];
  constructor(readonly skew: number) {}

  forward(pred: Tensor, target: Tensor): number {
    this.shape = pred.shape;
    this.diff = new Float64Array(pred.size);
    let s = 0;
    for (let i = 0; i < pred.size; i++) {
      this.diff[i] = pred.data[i] - target.data[i];
      s += this.diff[i] ** 2;
    }
    return s / pred.size;
  }

  backward(): Tensor {
    const d = this.diff!, n = d.length;
    const g = new Float64Array(n);
    // d/dp mean((p − t)²) = 2(p − t)/n
    for (let i = 0; i < n; i++) g[i] = ((1 + this.skew) * 2 * d[i]) / n;
    return new Tensor(g, this.shape);
  }
}

const x = tensor([[0.9, -1.3, 0.7], [1.1, 0.4, -2.0]], "float64");
const w = [1.5, -0.8, 1.2];

function expectReportShape(report: GradcheckReport, names: string[]): void {
  expect(typeof report.passed).toBe("boolean");
  expect(typeof report.maxRelError).toBe("number");
  expect(report.entries.map((e) => e.name)).toEqual(names);
  for (const e of report.entries) {
    expect(typeof e.maxRelError).toBe("number");
    expect(Array.isArray(e.worstIndex)).toBe(true);
    expect(Number.isFinite(e.analytic)).toBe(true);
    expect(Number.isFinite(e.numeric)).toBe(true);
  }
  expect(report.maxRelError).toBe(Math.max(...report.entries.map((e) => e.maxRelError)));
}

describe("docs/api.md contract: checkLayer(layer, x, opts?)", () => {
  it("an exact backward passes, with entries for the input and each parameter", () => {
    const report = checkLayer(new SkewedScale(w, 0), x);
    expectReportShape(report, ["input", "weight"]);
    expect(report.passed).toBe(true);
    expect(report.maxRelError).toBeLessThan(1e-8);
  });

  it("default tolerances: a relative error of 5e-7 passes (rtol 1e-6)", () => {
    const report = checkLayer(new SkewedScale(w, 5e-7), x);
    expect(report.passed).toBe(true);
    // skew/(1 + skew) ≈ 5e-7 on every coordinate whose |a − n| exceeds atol 1e-8.
    expect(report.maxRelError).toBeGreaterThan(4.9e-7);
    expect(report.maxRelError).toBeLessThan(5.1e-7);
  });

  it("default tolerances: a relative error of 5e-6 fails, and the entry says where and by how much", () => {
    const report = checkLayer(new SkewedScale(w, 5e-6), x);
    expectReportShape(report, ["input", "weight"]);
    expect(report.passed).toBe(false);
    expect(report.maxRelError).toBeGreaterThan(4.9e-6);
    expect(report.maxRelError).toBeLessThan(5.1e-6);
    for (const e of report.entries) {
      const rel = Math.abs(e.analytic - e.numeric) / Math.max(Math.abs(e.analytic), Math.abs(e.numeric));
      expect(rel).toBeCloseTo(e.maxRelError, 8);
      expect(e.analytic / e.numeric).toBeCloseTo(1 + 5e-6, 8);
    }
    expect(report.entries[0].worstIndex).toHaveLength(2);
    expect(report.entries[1].worstIndex).toHaveLength(1);
    // The same layer passes once rtol is loosened through opts.
    expect(checkLayer(new SkewedScale(w, 5e-6), x, { rtol: 1e-5 }).passed).toBe(true);
  });

  it("a ReLU kink (an input exactly at 0) is reported, not failed", () => {
    const xs = tensor([[0, 1.5], [-0.7, 2.0]], "float64");
    const report = checkLayer(new ReLU({ dtype: "float64" }), xs);
    expect(report.passed).toBe(true);
    const input = report.entries.find((e) => e.name === "input")!;
    expect(input.kinks.map((k) => k.index)).toEqual([[0, 0]]);
    expect(report.kinkCount).toBe(1);
  });
});

describe("docs/api.md contract: checkLoss(loss, pred, target, opts?)", () => {
  const pred = tensor([[0.3, -1.2], [2.0, 0.5]], "float64");
  const target = tensor([[0.0, 1.0], [1.5, -0.5]], "float64");

  it("a correct loss passes; one off by a relative 5e-6 fails under the defaults", () => {
    const good = checkLoss(new SkewedMse(0), pred, target);
    expectReportShape(good, ["pred"]);
    expect(good.passed).toBe(true);
    const near = checkLoss(new SkewedMse(5e-7), pred, target);
    expect(near.passed).toBe(true);
    const bad = checkLoss(new SkewedMse(5e-6), pred, target);
    expect(bad.passed).toBe(false);
    expect(bad.maxRelError).toBeGreaterThan(4.9e-6);
    expect(bad.maxRelError).toBeLessThan(5.1e-6);
    expect(checkLoss(new SkewedMse(5e-6), pred, target, { rtol: 1e-5 }).passed).toBe(true);
  });

  it("checks @nn/layers' MSELoss", () => {
    expect(checkLoss(new MSELoss(), pred, target).passed).toBe(true);
  });
});

describe("docs/api.md contract: checkModel(model, loss, x, y, opts?)", () => {
  it("a Sequential MLP with MSELoss passes, with one entry per parameter (PyTorch names) and the input", () => {
    const rng = createRng(11);
    const model = new Sequential([
      new Dense(3, 4, { rng, dtype: "float64" }),
      new ReLU({ dtype: "float64" }),
      new Dense(4, 2, { rng, dtype: "float64" }),
    ]);
    const y = tensor([[0.5, -0.5], [1.0, 0.0]], "float64");
    const report = checkModel(model, new MSELoss(), x, y);
    expect(report.passed).toBe(true);
    const names = report.entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["input", "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias"]));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  it("a model whose backward is off by a relative 5e-6 fails; its loss is checked through the model", () => {
    const y = tensor([[0.5, -0.5, 0.1], [1.0, 0.0, -0.3]], "float64");
    const report = checkModel(new SkewedScale(w, 5e-6), new SkewedMse(0), x, y);
    expect(report.passed).toBe(false);
    expect(report.entries.find((e) => e.name === "weight")!.maxRelError).toBeGreaterThan(4.9e-6);
    expect(checkModel(new SkewedScale(w, 5e-7), new SkewedMse(0), x, y).passed).toBe(true);
  });
});

describe("docs/api.md is kept in step with the code", () => {
  it("names every export of @nn/gradcheck", async () => {
    expect(undocumentedExports("@nn/gradcheck", await import("../src/index.js"))).toEqual([]);
  });
});
