import { BinaryCrossEntropy } from "@nn/layers";
import { Adam } from "@nn/optim";
import { describe, expect, it } from "vitest";
import { type History, fit } from "../src/index.js";
import { moons, smallNet, weights } from "./fixtures.js";

const { train, test } = moons(120, 21);

function run(seed: number): { history: History; w: Float64Array[] } {
  const model = smallNet(8, 12);
  const history = fit(model, {
    loss: new BinaryCrossEntropy(), optimizer: new Adam(model.parameters(), { lr: 0.01 }), train, validation: test,
    epochs: 6, batchSize: 16, seed, metrics: ["accuracy", "precision", "recall", "f1", "confusionMatrix"],
  });
  return { history, w: weights(model) };
}

describe("determinism", () => {
  it("the same seed gives a bit-identical History and identical weights (shuffled mini-batches)", () => {
    const a = run(3);
    const b = run(3);
    // JSON keeps every double's shortest round-trip form: equal strings mean equal bits.
    expect(JSON.stringify(b.history)).toBe(JSON.stringify(a.history));
    expect(b.w).toEqual(a.w);
  });

  it("another seed shuffles differently", () => {
    expect(JSON.stringify(run(4).history)).not.toBe(JSON.stringify(run(3).history));
  });
});
