import { Sequential } from "@nn/layers";
import { describe, expect, it } from "vitest";
import { TrainingDriver } from "../src/driver.js";
import { confusionCounts } from "../src/confusion.js";
import { savedModelMetadata, settingFromSavedModel, trainOptionsOfSetting } from "../src/saved-model.js";
import { DEFAULT_SETTING, type Setting } from "../src/setting.js";

const spirals: Setting = { ...DEFAULT_SETTING, data: "spirals", samples: 60, noise: 0.3, layers: [5, 3], activation: "tanh", features: ["x1", "x2", "x1x2"], batchSize: 8, optimizer: "adam", lr: 0.02, seed: 4, epochs: 3 };

describe("saved model metadata", () => {
  it("a saved run's file gives back its setting (options written as nn train writes them)", () => {
    const d = new TrainingDriver(spirals);
    while (d.status === "running") d.trainFor(1000);
    const metadata = savedModelMetadata(d.run, { dataName: "spirals", features: spirals.features, options: trainOptionsOfSetting(spirals), seed: 4, trainedEpochs: d.epoch });
    const file = JSON.parse(JSON.stringify(d.run.model.toJSON(metadata))) as unknown;
    const model = Sequential.fromJSON(file);
    expect(settingFromSavedModel(model.metadata)).toEqual(spirals);
    expect(model.metadata).toMatchObject({
      tool: "nn", inputFeatures: 3, dataset: "spirals", seed: 4, trainedEpochs: 3, derivedInputs: ["x1", "x2", "x1x2"],
      featureNames: ["x₁", "x₂", "x₁x₂"], classNames: ["0", "1"],
      options: { data: { kind: "builtin", name: "spirals", samples: 60, noise: 0.3 }, layers: [5, 3], batchSize: 8 },
    });
  });

  it("reads a setting whose data is a plain name, defaults what is missing", () => {
    expect(settingFromSavedModel({ options: { data: "iris", layers: [7] } })).toEqual({ ...DEFAULT_SETTING, data: "iris", layers: [7] });
  });

  it("names what is wrong: no options, a CSV source, a bad entry", () => {
    expect(() => settingFromSavedModel({ tool: "nn" }, "m.json")).toThrow("m.json has no training setting (metadata.options)");
    expect(() => settingFromSavedModel({ options: { data: { kind: "csv", path: "a.csv" } } }, "m.json")).toThrow("m.json was trained on the CSV file a.csv");
    expect(() => settingFromSavedModel({ options: { data: "moons", lr: -1 } }, "m.json")).toThrow('m.json: metadata.options.lr: setting: lr must be a number > 0, got "-1"');
    expect(() => settingFromSavedModel({ options: { data: "moons", activation: "swish" } }, "m.json")).toThrow("metadata.options.activation");
  });
});

describe("confusionCounts", () => {
  it("counts (actual, predicted) pairs of the held-out split and sums to its size", () => {
    const d = new TrainingDriver({ ...DEFAULT_SETTING, data: "iris", layers: [6], testSplit: 0.2, epochs: 1 });
    const { classes, counts } = confusionCounts(d.run);
    expect(classes).toEqual(["setosa", "versicolor", "virginica"]);
    expect(counts.length).toBe(9);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30); // ceil(0.2 · 150)
    // Row sums are the class sizes of the stratified split: 10 each.
    for (let a = 0; a < 3; a++) expect(counts[3 * a] + counts[3 * a + 1] + counts[3 * a + 2]).toBe(10);
  });

  it("a model that always says the last class puts every count in that column", () => {
    const d = new TrainingDriver({ ...DEFAULT_SETTING, data: "iris", layers: [6], testSplit: 0.2, epochs: 1 });
    const params = d.run.model.parameters();
    for (const p of params) p.value.data.fill(0);
    params[params.length - 1].value.data[2] = 1; // the output layer's bias: logit 1 for virginica, 0 for the others
    expect([...confusionCounts(d.run).counts]).toEqual([0, 0, 10, 0, 0, 10, 0, 0, 10]);
  });
});
