// The task is read from what the loss says it takes (Loss.prediction), not from its class: a loss
// wrapped with penalties, or one from another copy of @nn/layers, is recognised alike.
import { makeBlobs } from "@nn/datasets";
import { BCEWithLogitsLoss, Dense, L2Penalty, PenalisedLoss, ReLU, Sequential, SoftmaxCrossEntropyLoss } from "@nn/layers";
import { SGD } from "@nn/optim";
import { type Tensor, createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { fit, predictClasses } from "../src/index.js";
import { moons } from "./fixtures.js";

describe("the task comes from the loss's prediction", () => {
  it("a PenalisedLoss around SoftmaxCrossEntropyLoss trains a multiclass model with accuracy and a k × k confusion matrix", () => {
    const data = makeBlobs({ n: 90, centers: [[-5, 0], [5, 0], [0, 8]], clusterStd: 1, seed: 2 });
    const rng = createRng(2);
    const model = new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 3, { rng })]);
    const loss = new PenalisedLoss(new SoftmaxCrossEntropyLoss(), [new L2Penalty(model.parameters(), { lambda: 0.01 })]);
    const history = fit(model, { loss, optimizer: new SGD(model.parameters(), { lr: 0.1 }), train: data, epochs: 3, seed: 2, metrics: ["accuracy", "confusionMatrix"] });
    const cm = history.epochs.at(-1)!.train.confusionMatrix;
    expect(cm).toHaveLength(3);
    expect(cm.flat().reduce((a, b) => a + b, 0)).toBe(90);
  });

  it("a loss object that is no class of @nn/layers but says it takes a logit is a binary task with threshold 0", () => {
    const inner = new BCEWithLogitsLoss();
    const foreign = { prediction: "logit" as const, forward: (p: Tensor, t: Tensor) => inner.forward(p, t), backward: () => inner.backward() };
    const { train } = moons(60, 4);
    const rng = createRng(4);
    const model = new Sequential([new Dense(2, 8, { rng }), new ReLU(), new Dense(8, 1, { rng })]); // logits out
    const history = fit(model, { loss: foreign, optimizer: new SGD(model.parameters(), { lr: 0.1 }), train, epochs: 2, seed: 4, metrics: ["accuracy"] });
    expect(history.epochs.at(-1)!.train.accuracy).toBeTypeOf("number");
    // Recorded as a logit model: class 1 exactly where the output is ≥ 0.
    const out = model.predict(train.x);
    const classes = Array.from(out.data, (v) => (v >= 0 ? 1 : 0));
    expect(new Set(classes).size).toBe(2); // both signs occur, so the threshold matters
    expect(Array.from(predictClasses(model, train.x))).toEqual(classes);
  });
});
