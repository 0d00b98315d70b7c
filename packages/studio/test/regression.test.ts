import { makePlane } from "@nn/datasets";
import { describe, expect, it } from "vitest";
import { TrainingDriver } from "../src/driver.js";
import { tensor } from "@nn/tensor";
import { dataBounds, gridInputs, targetScale } from "../src/maps.js";
import { DEFAULT_SETTING, settingFromQuery, settingToFlags, settingToQuery, type Setting } from "../src/setting.js";

function tickingClock(): () => number {
  let t = 0;
  return () => t++;
}

/** A linear model (no hidden layer) on the noise-free plane: the target is exactly linear in the inputs. */
const plane: Setting = {
  ...DEFAULT_SETTING, data: "plane", problem: "regression", noise: 0, samples: 200, layers: [], epochs: 300, lr: 0.1,
};

describe("regression in the setting", () => {
  it("the regression sets pose a regression problem by default; a link or flags need not say so", () => {
    expect(settingFromQuery("data=plane").problem).toBe("regression");
    expect(settingFromQuery("data=multi-gaussian").noise).toBe(0.05);
    expect(settingFromQuery("data=moons").problem).toBe("classification");
    expect(settingToFlags({ ...plane, noise: 0.05, layers: [64, 32], epochs: 2000, samples: 1000 })).toEqual(["--data", "plane"]);
    expect(settingFromQuery(settingToQuery(plane))).toEqual(plane);
  });

  it("refuses a problem the built-in data cannot pose, naming both", () => {
    expect(() => settingFromQuery("data=plane&problem=classification")).toThrow(
      "setting: plane is a regression set (a real-valued target), so problem must be regression",
    );
    expect(() => settingFromQuery("problem=regression")).toThrow(/moons has classes, not a real-valued target, so problem must be classification \(regression sets: plane, multi-gaussian\)/);
    expect(() => settingFromQuery("problem=ranking")).toThrow('setting: problem must be one of classification, regression, got "ranking"');
  });
});

describe("a regression run", () => {
  it("fits the plane with a linear model: MSE → 0 and weights σⱼ/10, bias (μ₁ + μ₂)/10 on standardised inputs", () => {
    const d = new TrainingDriver(plane, { now: tickingClock() });
    expect(d.run.regression).toBe(true);
    expect(d.run.outputUnits).toBe(1);
    while (d.status === "running") d.trainFor(1e9);
    expect(d.epoch).toBe(300);
    // y = (x₁ + x₂)/10 with xⱼ = μⱼ + σⱼ·zⱼ, so y = Σ (σⱼ/10)·zⱼ + (μ₁ + μ₂)/10 exactly.
    const { mean, scale } = d.run.scaler!.toJSON();
    const [w, b] = d.run.model.parameters().map((p) => Array.from(p.value.data));
    expect(Math.abs(w[0] - scale[0] / 10)).toBeLessThan(1e-5);
    expect(Math.abs(w[1] - scale[1] / 10)).toBeLessThan(1e-5);
    expect(Math.abs(b[0] - (mean[0] + mean[1]) / 10)).toBeLessThan(1e-5);
    // Accuracy has no meaning here; the loss columns are the mean squared error.
    expect(Number.isNaN(d.history.latest(1))).toBe(true);
    const trainMse = d.history.latest(0);
    const valMse = d.history.latest(2);
    expect(trainMse).toBeGreaterThanOrEqual(0);
    expect(trainMse).toBeLessThan(1e-8);
    // The held-out MSE recomputed by hand from the model's predictions.
    const val = d.run.validation!;
    const pred = d.run.model.forward(val.x, "eval").data;
    let sum = 0;
    for (let i = 0; i < pred.length; i++) sum += (pred[i] - val.y.data[i]) ** 2;
    expect(Math.abs(valMse - sum / pred.length)).toBeLessThanOrEqual(1e-6 * (sum / pred.length) + 1e-12);
    expect(val.x.shape[0]).toBe(50);
  });

  it("the value map is the model's output over the plane: (x₁ + x₂)/10 at every pixel centre once fitted", () => {
    const d = new TrainingDriver(plane, { now: tickingClock() });
    while (d.status === "running") d.trainFor(1e9);
    const field = d.painter!.values(6, 4);
    const grid = gridInputs(dataBounds(d.dataset.x), 6, 4).data;
    for (let i = 0; i < 24; i++) expect(Math.abs(field.values[i] - (grid[2 * i] + grid[2 * i + 1]) / 10)).toBeLessThan(1e-4);
    // The colour scale holds every target: the largest |target| of the data (≤ 1.2 on the plane), rounded up.
    const data = makePlane({ n: 200, seed: 1 });
    const max = Math.max(...Array.from(data.y.data, Math.abs));
    expect(field.scale).toBe(max > 1 ? 1.2 : 1);
    expect(field.points.length).toBe(200);
    expect(field.points.map((p) => p.value)).toEqual(Array.from(data.y.data));
    // The neuron view's output map is the same picture.
    const out = d.painter!.neurons(6, 4).layers.at(-1)!.values;
    expect(Array.from(out)).toEqual(Array.from(field.values));
    expect(() => d.painter!.decision(6, 4)).toThrow(/a regression run has no classes/);
  });

  it("multi-gaussian trains with a hidden layer and its MSE falls", () => {
    const d = new TrainingDriver({ ...DEFAULT_SETTING, data: "multi-gaussian", problem: "regression", noise: 0.05, samples: 300, layers: [8], activation: "tanh", epochs: 400, lr: 0.3 }, { now: tickingClock() });
    d.trainFor(1e9, 1);
    const first = d.history.latest(0);
    while (d.status === "running") d.trainFor(1e9);
    expect(d.status).toBe("done");
    expect(d.history.latest(0)).toBeLessThan(0.5 * first);
  });
});

describe("targetScale", () => {
  it("rounds the largest |target| up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten", () => {
    expect(targetScale(tensor([0.3, -0.9653]))).toBe(1);
    expect(targetScale(tensor([1.189, 0]))).toBe(1.2);
    expect(targetScale(tensor([1.2]))).toBe(1.2);
    expect(targetScale(tensor([-0.0131]))).toBe(0.015);
    expect(targetScale(tensor([870]))).toBe(1000);
    expect(targetScale(tensor([0, 0]))).toBe(1);
  });
});
