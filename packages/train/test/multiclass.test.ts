import { makeBlobs, trainTestSplit } from "@nn/datasets";
import { Dense, ReLU, Sequential, SoftmaxCrossEntropy } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { confusionMatrix, evaluate, fit, predictClasses } from "../src/index.js";

describe("multiclass training with SoftmaxCrossEntropy", () => {
  it("learns three blobs and reports a 3×3 confusion matrix consistent with its predictions", () => {
    const { train, test } = trainTestSplit(makeBlobs({ n: 300, centers: [[-5, 0], [5, 0], [0, 8]], clusterStd: 1, seed: 5 }), { testSize: 0.3, stratify: true, seed: 5 });
    const rng = createRng(5);
    const model = new Sequential([new Dense(2, 16, { rng }), new ReLU(), new Dense(16, 3, { rng })]);
    const loss = new SoftmaxCrossEntropy();
    const history = fit(model, {
      loss, optimizer: new Adam(model.parameters(), { lr: 0.05 }), train, validation: test, epochs: 30, batchSize: 32, seed: 5,
      metrics: ["accuracy", "confusionMatrix"],
    });
    const last = history.epochs.at(-1)!;
    const cm = last.validation!.confusionMatrix;
    expect(cm).toHaveLength(3);
    expect(cm.flat().reduce((a, b) => a + b, 0)).toBe(90);
    // The validation matrix is the one of the final model's predictions, counted independently.
    const predicted = predictClasses(model, test.x);
    expect(cm).toEqual(confusionMatrix(Array.from(test.y.data), Array.from(predicted), 3));
    expect(last.validation!.accuracy).toBe((cm[0][0] + cm[1][1] + cm[2][2]) / 90);
    expect(evaluate(model, test, { loss }).accuracy).toBe(last.validation!.accuracy);
    // Centres ≥ 9.4 apart with unit spread: the classes overlap only beyond 4.7σ, so ≥ 95% is a low bar.
    expect(last.validation!.accuracy).toBeGreaterThanOrEqual(0.95);
  });
});
