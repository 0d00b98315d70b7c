import { BCEWithLogits, BinaryCrossEntropy, Dense, Sequential, Sigmoid } from "@nn/layers";
import { tensor } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { evaluate, predict, predictClasses, predictProba } from "../src/index.js";

/** p = σ(2x − 1) in float64. */
function knownModel(withSigmoid = true) {
  const dense = new Dense(1, 1, { dtype: "float64" });
  dense.weight.value.data[0] = 2;
  dense.bias!.value.data[0] = -1;
  return new Sequential(withSigmoid ? [dense, new Sigmoid({ dtype: "float64" })] : [dense]);
}

// x = 0, 0.5, 1, 2 → z = 2x − 1 = −1, 0, 1, 3 → p = σ(z) ≈ 0.269, 0.5, 0.731, 0.953 → classes 0, 1, 1, 1
// y =  0, 1,   1, 0 → tn 1, tp 2, fp 1, fn 0.
const data = { x: tensor([[0], [0.5], [1], [2]], "float64"), y: tensor([0, 1, 1, 0], "float64"), numClasses: 2 };

describe("evaluate", () => {
  it("matches hand-worked BCE and metrics", () => {
    const r = evaluate(knownModel(), data, { loss: new BinaryCrossEntropy(), metrics: ["accuracy", "precision", "recall", "f1", "confusionMatrix"] });
    // −log σ(z) = log(1 + e^−z) for y = 1 and −log(1 − σ(z)) = log(1 + e^z) for y = 0:
    const expectedLoss = (Math.log1p(Math.exp(-1)) + Math.LN2 + Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(3))) / 4;
    expect(r.loss).toBeCloseTo(expectedLoss, 14);
    expect(r).toMatchObject({ samples: 4, accuracy: 3 / 4, precision: 2 / 3, recall: 1, f1: 4 / 5, confusionMatrix: [[1, 1], [0, 2]] });
  });

  it("in chunks gives the same numbers (the loss weighted by chunk size)", () => {
    const whole = evaluate(knownModel(), data, { loss: new BinaryCrossEntropy(), metrics: ["accuracy", "confusionMatrix"] });
    const chunked = evaluate(knownModel(), data, { loss: new BinaryCrossEntropy(), metrics: ["accuracy", "confusionMatrix"], batchSize: 3 });
    expect(chunked.loss).toBeCloseTo(whole.loss, 14);
    expect({ ...chunked, loss: 0 }).toEqual({ ...whole, loss: 0 });
  });

  it("thresholds logits at 0 when the loss is BCEWithLogits", () => {
    // logits −1, 0, 1, 3 → classes 0, 1, 1, 1 (the same as the probabilities above)
    const r = evaluate(knownModel(false), data, { loss: new BCEWithLogits(), metrics: ["confusionMatrix"] });
    expect(r.confusionMatrix).toEqual([[1, 1], [0, 2]]);
  });
});

describe("predict", () => {
  it("returns a copy in eval mode that the caller owns", () => {
    const model = knownModel();
    const out = predict(model, data.x);
    [-1, 0, 1, 3].forEach((z, i) => expect(out.data[i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 15));
    out.data[0] = 99;
    expect(predict(model, data.x).data[0]).toBeCloseTo(1 / (1 + Math.E), 15);
  });

  it("predictClasses thresholds p ≥ 0.5, or logits ≥ 0", () => {
    expect(Array.from(predictClasses(knownModel(), data.x))).toEqual([0, 1, 1, 1]);
    // the same logits read as probabilities would give 0, 0, 1, 1: the option matters
    expect(Array.from(predictClasses(knownModel(false), data.x, { binaryOutput: "probability" }))).toEqual([0, 0, 1, 1]);
    expect(Array.from(predictClasses(knownModel(false), data.x, { binaryOutput: "logit" }))).toEqual([0, 1, 1, 1]);
    expect(Array.from(predictClasses(knownModel(false), data.x, { loss: new BCEWithLogits() }))).toEqual([0, 1, 1, 1]);
  });

  it("predictProba gives (1 − p, p) for one output and the softmax of k logits", () => {
    const p = predictProba(knownModel(), tensor([[0.5]], "float64"));
    expect(Array.from(p.data)).toEqual([0.5, 0.5]);
    // logits [0, ln 3] → softmax [1/(1+3), 3/(1+3)] = [0.25, 0.75]
    const dense = new Dense(1, 2, { dtype: "float64" });
    dense.weight.value.data.set([0, Math.log(3)]);
    const proba = predictProba(dense, tensor([[1]], "float64"));
    expect(proba.shape).toEqual([1, 2]);
    expect(proba.data[0]).toBeCloseTo(0.25, 15);
    expect(proba.data[1]).toBeCloseTo(0.75, 15);
    expect(Array.from(predictClasses(dense, tensor([[1]], "float64")))).toEqual([1]);
  });

  it("refuses an input that is not a matrix", () => {
    expect(() => predict(knownModel(), tensor([1, 2], "float64"))).toThrow("predict: x must have shape [n, features], got [2]");
  });
});
