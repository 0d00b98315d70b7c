import { makeBlobs } from "@nn/datasets";
import { BinaryCrossEntropy, Dense, MSELoss, SoftmaxCrossEntropy } from "@nn/layers";
import { SGD } from "@nn/optim";
import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { type FitOptions, type MetricName, type TrainableModel, evaluate, fit } from "../src/index.js";
import { moons, smallNet } from "./fixtures.js";

const { train, test } = moons(40, 17);

function fitWith(extra: Partial<FitOptions>, model: TrainableModel = smallNet(1)) {
  return () => fit(model, { loss: new BinaryCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 1, batchSize: 10, seed: 0, ...extra });
}

describe("bad options and data are refused with a message naming what is wrong", () => {
  it("epochs, batchSize, seed and enumerated options", () => {
    expect(fitWith({ epochs: 0 })).toThrow("fit: epochs must be an integer ≥ 1, got 0");
    expect(fitWith({ batchSize: 2.5 })).toThrow('fit: batchSize must be an integer ≥ 1 or "full", got 2.5');
    expect(fitWith({ seed: NaN })).toThrow("fit: seed must be a finite number, got NaN");
    expect(fitWith({ schedulerStep: "step" as "batch" })).toThrow('fit: schedulerStep must be one of "epoch", "batch", got "step"');
    expect(fitWith({ metrics: ["auc" as MetricName] })).toThrow('fit: unknown metric "auc"; known: loss, accuracy, precision, recall, f1, confusionMatrix');
  });

  it("non-finite inputs, by row and column", () => {
    const x = tensor([[0, 1], [NaN, 2]]);
    expect(fitWith({ train: { x, y: tensor([0, 1]) } })).toThrow("train.x holds NaN at row 1, column 0: inputs must be finite");
  });

  it("labels a binary loss cannot take", () => {
    expect(fitWith({ train: { x: tensor([[0, 1], [1, 2]]), y: tensor([0, 2]) } })).toThrow(
      "train.y[1] is 2: a binary task takes labels 0 and 1 (use SoftmaxCrossEntropyLoss for more classes)",
    );
    expect(fitWith({ train: { x: tensor([[0, 1], [1, 2]]), y: tensor([0, 0.5]) } })).toThrow("train.y[1] is 0.5: class labels must be integers ≥ 0");
  });

  it("a model whose output width does not fit the loss", () => {
    const twoOutputs = new Dense(2, 2);
    expect(fitWith({}, twoOutputs)).toThrow(
      "a binary task (BinaryCrossEntropyLoss) needs a model with 1 output unit; this model outputs 2 (for two logits use SoftmaxCrossEntropyLoss)",
    );
  });

  it("metrics the task cannot have", () => {
    const blobs = makeBlobs({ n: 30, centers: 3, seed: 1 });
    const model = new Dense(2, 3);
    const opts = { loss: new SoftmaxCrossEntropy(), optimizer: new SGD(model.parameters(), { lr: 0.1 }), train: blobs, epochs: 1, batchSize: 10, seed: 0 };
    expect(() => fit(model, { ...opts, metrics: ["precision"] })).toThrow('fit: metric "precision" is defined here for binary tasks (class 1 positive); this task has 3 classes');
    const regression = new Dense(2, 1);
    expect(() =>
      evaluate(regression, { x: train.x, y: train.y }, { loss: new MSELoss(), metrics: ["accuracy"] }),
    ).toThrow('evaluate: metric "accuracy" needs a classification task, but MSELoss is trained as regression');
  });

  it("validation data with other features than the training data", () => {
    expect(fitWith({ validation: { x: tensor([[1, 2, 3]]), y: tensor([1]) } })).toThrow("validation.x has 3 features but train.x has 2");
    expect(fitWith({ validation: { ...test, y: tensor([1]) } })).toThrow("validation.y must have 10 rows to match x [10,2], got [1]");
  });
});
