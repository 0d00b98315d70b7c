// A model ending in Dense trained with BCEWithLogits outputs logits: its classes are logit ≥ 0, and
// predictClasses must know that without being told (fit records it in the model's metadata, which
// the model file keeps), or refuse — never threshold logits at 0.5.
import { BCEWithLogits, Dense, ReLU, Sequential } from "@nn/layers";
import { Adam } from "@nn/optim";
import { createRng } from "@nn/tensor";
import { describe, expect, it } from "vitest";
import { fit, predict, predictClasses, predictProba } from "../src/index.js";
import { moons, smallNet } from "./fixtures.js";

const { train, test } = moons(400, 8);

function logitNet(seed: number): Sequential {
  const rng = createRng(seed);
  return new Sequential([new Dense(2, 16, { rng }), new ReLU(), new Dense(16, 1, { rng })]);
}

function trainedLogitNet(): Sequential {
  const model = logitNet(3);
  fit(model, { loss: new BCEWithLogits(), optimizer: new Adam(model.parameters(), { lr: 0.02 }), train, epochs: 30 });
  return model;
}

/** Classes from the raw outputs, worked out here: logit ≥ 0 ⇔ σ(logit) ≥ 0.5. */
function classesFromLogits(model: Sequential): number[] {
  return Array.from(predict(model, test.x).data, (z) => (z >= 0 ? 1 : 0));
}

describe("predictClasses on a logit model", () => {
  const model = trainedLogitNet();
  const logits = Array.from(predict(model, test.x).data);

  it("the trial's situation holds here: some test logits lie in [0, 0.5), where a 0.5 threshold would be wrong", () => {
    expect(logits.filter((z) => z >= 0 && z < 0.5).length).toBeGreaterThan(0);
  });

  it("asked without { loss }, thresholds at logit 0 because fit recorded BCEWithLogits", () => {
    expect(model.metadata?.trainedWith).toEqual({ loss: "BCEWithLogitsLoss", task: "binary", binaryOutput: "logit" });
    expect(Array.from(predictClasses(model, test.x))).toEqual(classesFromLogits(model));
  });

  it("still knows after the model file round trip (toJSON / fromJSON, as saveModel / loadModel)", () => {
    const loaded = Sequential.fromJSON(JSON.stringify(model.toJSON()));
    expect(Array.from(predictClasses(loaded, test.x))).toEqual(classesFromLogits(model));
    const p = predictProba(loaded, test.x);
    logits.forEach((z, i) => expect(Math.abs(p.data[2 * i + 1] - 1 / (1 + Math.exp(-z)))).toBeLessThan(1e-12));
  });

  it("an untrained model ending in Dense is refused with a message showing both fixes", () => {
    const fresh = logitNet(4);
    expect(() => predictClasses(fresh, test.x)).toThrow(
      /predictClasses: cannot tell whether the model's single output is a probability or a logit: it ends in Dense, not Sigmoid.*\{ loss: new BCEWithLogitsLoss\(\) \} or \{ binaryOutput: "logit" \}/,
    );
    expect(() => predictProba(fresh, test.x)).toThrow(/^predictProba: cannot tell/);
    // Told, it answers.
    expect(Array.from(predictClasses(fresh, test.x, { loss: new BCEWithLogits() }))).toEqual(classesFromLogits(fresh));
  });

  it("a model ending in Sigmoid holds probabilities: thresholded at 0.5 without options", () => {
    const sigmoidNet = smallNet(5);
    const p = Array.from(predict(sigmoidNet, test.x).data);
    expect(Array.from(predictClasses(sigmoidNet, test.x))).toEqual(p.map((q) => (q >= 0.5 ? 1 : 0)));
  });
});

describe("predict functions take rows of numbers and refuse a Promise", () => {
  it("accepts nested arrays as tensor() reads them, in the model's dtype", () => {
    const model = smallNet(6);
    const rows = [[0.5, -1], [2, 0.25]];
    const out = predict(model, rows);
    expect(out.shape).toEqual([2, 1]);
    expect(Array.from(predictClasses(model, rows))).toEqual(Array.from(out.data, (q) => (q >= 0.5 ? 1 : 0)));
  });

  it('a model still wrapped in a Promise (loadModel without await) says "did you forget await"', () => {
    const pending = Promise.resolve(smallNet(7));
    const message = "expected a model, got a Promise: did you forget await loadModel(...)?";
    expect(() => predict(pending as never, [[0, 0]])).toThrow(`predict: ${message}`);
    expect(() => predictClasses(pending as never, [[0, 0]])).toThrow(`predictClasses: ${message}`);
    expect(() => fit(pending as never, { loss: new BCEWithLogits(), optimizer: { step() {}, zeroGrad() {}, lr: 0.1 }, train, epochs: 1 })).toThrow(`fit: ${message}`);
  });
});
