import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { MetricAccumulator } from "../src/metrics.js";

const all = ["loss", "accuracy", "precision", "recall", "f1", "confusionMatrix"] as const;

describe("MetricAccumulator", () => {
  it("weights the loss by batch size: batches (loss 1, 3 rows) and (loss 4, 1 row) → (3·1 + 1·4)/4 = 1.75, not (1+4)/2", () => {
    const acc = new MetricAccumulator(["loss"], { task: "regression", binaryOutput: "probability" }, 0);
    acc.addLoss(1, 3);
    acc.addLoss(4, 1);
    expect(acc.result()).toEqual({ loss: 1.75 });
  });

  it("counts over the whole pass, so splitting the batch changes nothing", () => {
    // probabilities thresholded at p ≥ 0.5 (0.5 itself is class 1):
    // p      0.9 0.5 0.2 0.7 0.49 0.1
    // class   1   1   0   1   0    0
    // actual  1   0   0   1   1    0   → tp 2, fp 1, fn 1, tn 2
    const spec = { task: "binary", binaryOutput: "probability" } as const;
    const p = [0.9, 0.5, 0.2, 0.7, 0.49, 0.1];
    const y = Int32Array.from([1, 0, 0, 1, 1, 0]);
    const whole = new MetricAccumulator(all, spec, 2);
    whole.addLoss(0.3, 6);
    whole.addPredictions(tensor(p.map((v) => [v])), y);
    const split = new MetricAccumulator(all, spec, 2);
    split.addLoss(0.3, 4);
    split.addPredictions(tensor(p.slice(0, 4).map((v) => [v])), y.subarray(0, 4));
    split.addLoss(0.3, 2);
    split.addPredictions(tensor(p.slice(4).map((v) => [v])), y.subarray(4));
    const expected = { accuracy: 4 / 6, precision: 2 / 3, recall: 2 / 3, f1: 4 / 6, confusionMatrix: [[2, 1], [1, 2]] };
    expect(whole.result()).toEqual({ loss: 0.3, ...expected });
    const r = split.result();
    expect(r.loss).toBeCloseTo(0.3, 15);
    expect({ ...r, loss: 0.3 }).toEqual({ loss: 0.3, ...expected });
  });

  it("thresholds logits at 0 for BCEWithLogits-style outputs", () => {
    const acc = new MetricAccumulator(["accuracy", "confusionMatrix"], { task: "binary", binaryOutput: "logit" }, 2);
    acc.addLoss(0, 3);
    // logits -0.1 → 0, 0 → 1, 0.3 → 1; actual 0, 1, 0 → one error (the last)
    acc.addPredictions(tensor([[-0.1], [0], [0.3]]), Int32Array.from([0, 1, 0]));
    expect(acc.result()).toMatchObject({ accuracy: 2 / 3, confusionMatrix: [[1, 1], [0, 1]] });
  });

  it("takes the argmax of k outputs (the first maximum on ties)", () => {
    const acc = new MetricAccumulator(["accuracy", "confusionMatrix"], { task: "multiclass", binaryOutput: "probability" }, 3);
    acc.addLoss(0, 3);
    // rows → argmax 2, 0 (tie 0/1 → 0), 1
    acc.addPredictions(tensor([[0, 1, 5], [2, 2, 1], [0, 3, -1]]), Int32Array.from([2, 1, 1]));
    expect(acc.result()).toMatchObject({ accuracy: 2 / 3, confusionMatrix: [[0, 0, 0], [1, 1, 0], [0, 0, 1]] });
  });

  it("reset starts a new pass", () => {
    const acc = new MetricAccumulator(["accuracy"], { task: "binary", binaryOutput: "probability" }, 2);
    acc.addLoss(5, 1);
    acc.addPredictions(tensor([[0.9]]), Int32Array.from([0]));
    acc.reset();
    acc.addLoss(1, 1);
    acc.addPredictions(tensor([[0.9]]), Int32Array.from([1]));
    expect(acc.result()).toEqual({ loss: 1, accuracy: 1 });
  });
});
